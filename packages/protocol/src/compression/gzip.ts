// gzip (codec 1) through node:zlib; maxOutputLength stops a decompression bomb mid-stream.

import { gunzipSync, gzipSync } from 'node:zlib'
import { DecompressionError, tooLarge } from './decompression-error.ts'

export function gzipCompress (data: Buffer): Buffer {
  return gzipSync(data)
}

export function gzipDecompress (data: Buffer, maxBytes: number): Buffer {
  try {
    return gunzipSync(data, { maxOutputLength: Math.max(1, maxBytes) })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge('gzip', maxBytes)
    throw new DecompressionError('corrupt', 'gzip: invalid stream', { cause: err })
  }
}
