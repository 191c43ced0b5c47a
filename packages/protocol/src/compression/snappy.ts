// snappy (codec 2). The Java client writes xerial framing (a 16-byte header, then blocks of
// int32 length + raw snappy); librdkafka reads both and some writers send raw snappy, so
// decompression accepts either. Every raw snappy block starts with its uncompressed length
// (a uvarint), which is summed and checked against the limit before anything is inflated.
// The block codec is @platformatic/wasm-utils (WebAssembly: no native build step).

import { snappyCompress as rawCompress, snappyDecompress as rawDecompress } from '@platformatic/wasm-utils'
import { DecompressionError, tooLarge } from './decompression-error.ts'

const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00])
const XERIAL_HEADER_SIZE = 16
/** Block size of the Java client's SnappyOutputStream. */
const XERIAL_BLOCK_SIZE = 32 * 1024

function corrupt (message: string, cause?: unknown): DecompressionError {
  return new DecompressionError('corrupt', `snappy: ${message}`, { cause })
}

/** The uncompressed length a raw snappy block declares. */
function declaredLength (block: Buffer): number {
  let value = 0
  for (let i = 0; i < 5 && i < block.length; i++) {
    const b = block[i]
    value += (b & 0x7f) * 2 ** (7 * i)
    if ((b & 0x80) === 0) return value
  }
  throw corrupt('bad length preamble')
}

function inflate (block: Buffer): Buffer {
  try {
    return rawDecompress(block)
  } catch (err) {
    throw corrupt('invalid block', err)
  }
}

export function isXerialFramed (data: Buffer): boolean {
  return data.length >= XERIAL_HEADER_SIZE && data.compare(XERIAL_MAGIC, 0, 8, 0, 8) === 0
}

/** Compresses with xerial framing, as the Java client does. */
export function snappyCompress (data: Buffer): Buffer {
  const header = Buffer.alloc(XERIAL_HEADER_SIZE)
  XERIAL_MAGIC.copy(header, 0)
  header.writeInt32BE(1, 8)
  header.writeInt32BE(1, 12)
  const parts: Buffer[] = [header]
  for (let off = 0; off < data.length; off += XERIAL_BLOCK_SIZE) {
    const block = rawCompress(data.subarray(off, Math.min(off + XERIAL_BLOCK_SIZE, data.length)))
    const len = Buffer.allocUnsafe(4)
    len.writeInt32BE(block.length, 0)
    parts.push(len, block)
  }
  return Buffer.concat(parts)
}

export function snappyDecompress (data: Buffer, maxBytes: number): Buffer {
  if (!isXerialFramed(data)) {
    if (declaredLength(data) > maxBytes) throw tooLarge('snappy', maxBytes)
    return inflate(data)
  }
  const blocks: Buffer[] = []
  let total = 0
  let pos = XERIAL_HEADER_SIZE
  while (pos < data.length) {
    if (pos + 4 > data.length) throw corrupt('truncated block length')
    const len = data.readInt32BE(pos)
    pos += 4
    if (len < 0 || pos + len > data.length) throw corrupt('block length out of range')
    const block = data.subarray(pos, pos + len)
    pos += len
    total += declaredLength(block)
    if (total > maxBytes) throw tooLarge('snappy', maxBytes)
    blocks.push(block)
  }
  const out = blocks.map(inflate)
  return out.length === 1 ? out[0] : Buffer.concat(out, total)
}
