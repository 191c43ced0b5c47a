// lz4 (codec 3) in the LZ4 frame format (KIP-57). The frame is walked first to bound the
// output: each compressed block inflates to at most the frame's block maximum size, stored
// blocks to their own size. Only a frame whose bound fits the limit is inflated, by
// @platformatic/wasm-utils (WebAssembly: no native build step).

import { lz4Compress as frameCompress, lz4Decompress as frameDecompress } from '@platformatic/wasm-utils'
import { DecompressionError, tooLarge } from './decompression-error.ts'

const MAGIC = 0x184d2204
const BLOCK_MAX: Record<number, number> = { 4: 64 * 1024, 5: 256 * 1024, 6: 1024 * 1024, 7: 4 * 1024 * 1024 }

function corrupt (message: string, cause?: unknown): DecompressionError {
  return new DecompressionError('corrupt', `lz4: ${message}`, { cause })
}

/** Upper bound of the decompressed size of the frame(s) in `data`. */
export function lz4OutputBound (data: Buffer): number {
  let pos = 0
  let bound = 0
  while (pos < data.length) {
    if (pos + 7 > data.length || data.readUInt32LE(pos) !== MAGIC) throw corrupt('bad frame magic')
    const flg = data[pos + 4]
    const bd = data[pos + 5]
    if ((flg >> 6) !== 1) throw corrupt('unsupported frame version')
    const blockMax = BLOCK_MAX[(bd >> 4) & 0x07]
    if (blockMax === undefined) throw corrupt('bad block maximum size')
    const blockChecksum = (flg & 0x10) !== 0
    pos += 6 + ((flg & 0x08) !== 0 ? 8 : 0) + ((flg & 0x01) !== 0 ? 4 : 0) + 1
    while (true) {
      if (pos + 4 > data.length) throw corrupt('truncated block header')
      const word = data.readUInt32LE(pos)
      pos += 4
      if (word === 0) break
      const stored = (word & 0x80000000) !== 0
      const size = word & 0x7fffffff
      if (size > blockMax) throw corrupt('block larger than the frame maximum')
      bound += stored ? size : blockMax
      pos += size + (blockChecksum ? 4 : 0)
    }
    if ((flg & 0x04) !== 0) pos += 4
    if (pos > data.length) throw corrupt('truncated frame')
  }
  return bound
}

export function lz4Compress (data: Buffer): Buffer {
  return frameCompress(data)
}

export function lz4Decompress (data: Buffer, maxBytes: number): Buffer {
  if (lz4OutputBound(data) > maxBytes) throw tooLarge('lz4', maxBytes)
  try {
    return frameDecompress(data)
  } catch (err) {
    throw corrupt('invalid frame', err)
  }
}
