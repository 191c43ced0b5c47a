// zstd (codec 4) through Node 24's built-in zlib bindings; maxOutputLength bounds the output.

import { zstdCompressSync, zstdDecompressSync } from 'node:zlib'
import { DecompressionError, tooLarge } from './decompression-error.ts'

export function zstdCompress (data: Buffer): Buffer {
  return zstdCompressSync(data)
}

export function zstdDecompress (data: Buffer, maxBytes: number): Buffer {
  try {
    return zstdDecompressSync(data, { maxOutputLength: Math.max(1, maxBytes) })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge('zstd', maxBytes)
    throw new DecompressionError('corrupt', 'zstd: invalid stream', { cause: err })
  }
}
