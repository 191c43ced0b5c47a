// Compression codecs of RecordBatch v2 (attribute bits 0-2). Decompression always takes a
// byte limit so a small hostile batch cannot balloon memory.

import { gzipCompress, gzipDecompress } from './gzip.ts'
import { lz4Compress, lz4Decompress } from './lz4.ts'
import { snappyCompress, snappyDecompress } from './snappy.ts'
import { zstdCompress, zstdDecompress } from './zstd.ts'
import { DecompressionError } from './decompression-error.ts'

export { DecompressionError } from './decompression-error.ts'
export { isXerialFramed } from './snappy.ts'
export { lz4OutputBound } from './lz4.ts'

export const CompressionCodec = {
  none: 0,
  gzip: 1,
  snappy: 2,
  lz4: 3,
  zstd: 4,
} as const

export type CompressionName = keyof typeof CompressionCodec

/** Default decompression limit: far above any sane batch, far below what hurts the process. */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024

export function compress (codec: number, data: Buffer): Buffer {
  switch (codec) {
    case CompressionCodec.none: return data
    case CompressionCodec.gzip: return gzipCompress(data)
    case CompressionCodec.snappy: return snappyCompress(data)
    case CompressionCodec.lz4: return lz4Compress(data)
    case CompressionCodec.zstd: return zstdCompress(data)
  }
  throw new DecompressionError('corrupt', `unknown compression codec ${codec}`)
}

export function decompress (codec: number, data: Buffer, maxBytes = DEFAULT_MAX_DECOMPRESSED_BYTES): Buffer {
  switch (codec) {
    case CompressionCodec.none:
      if (data.length > maxBytes) throw new DecompressionError('too-large', `data exceeds the limit of ${maxBytes} bytes`)
      return data
    case CompressionCodec.gzip: return gzipDecompress(data, maxBytes)
    case CompressionCodec.snappy: return snappyDecompress(data, maxBytes)
    case CompressionCodec.lz4: return lz4Decompress(data, maxBytes)
    case CompressionCodec.zstd: return zstdDecompress(data, maxBytes)
  }
  throw new DecompressionError('corrupt', `unknown compression codec ${codec}`)
}
