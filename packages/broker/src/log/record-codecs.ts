// Decompression of a batch's record stream (attributes bits 0-2), for the few places the log must
// look inside records (compaction, null-key check on compacted topics, ListOffsets by timestamp).
// gzip and zstd come from node:zlib; snappy (raw or xerial-framed) and LZ4 frame are small
// decoders here. Recompression is only offered for gzip and zstd: a compacted snappy/lz4 batch is
// rewritten uncompressed, which every client reads.

import { gunzipSync, gzipSync, zstdCompressSync, zstdDecompressSync } from 'node:zlib'

export const Compression = { none: 0, gzip: 1, snappy: 2, lz4: 3, zstd: 4 } as const

export function decompress (codec: number, data: Buffer): Buffer {
  switch (codec) {
    case Compression.none: return data
    case Compression.gzip: return gunzipSync(data)
    case Compression.snappy: return snappyDecompress(data)
    case Compression.lz4: return lz4FrameDecompress(data)
    case Compression.zstd: return zstdDecompressSync(data)
    default: throw new Error(`unknown compression codec ${codec}`)
  }
}

/** Compresses with `codec` when this module can; returns null when the caller must write uncompressed. */
export function compress (codec: number, data: Buffer): Buffer | null {
  if (codec === Compression.gzip) return gzipSync(data)
  if (codec === Compression.zstd) return zstdCompressSync(data)
  return null
}

class GrowableBuffer {
  buf: Buffer
  length = 0
  constructor (initial: number) { this.buf = Buffer.allocUnsafe(Math.max(64, initial)) }
  ensure (extra: number): void {
    if (this.length + extra <= this.buf.length) return
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + extra))
    this.buf.copy(next, 0, 0, this.length)
    this.buf = next
  }
  /** Copies `len` bytes starting `distance` back; byte by byte because the ranges may overlap. */
  copyBack (distance: number, len: number): void {
    if (distance <= 0 || distance > this.length) throw new Error('corrupt compressed data: bad back-reference')
    this.ensure(len)
    const b = this.buf
    let from = this.length - distance
    for (let i = 0; i < len; i++) b[this.length++] = b[from++]
  }
  append (src: Buffer, start: number, end: number): void {
    if (end > src.length) throw new Error('corrupt compressed data: truncated literal')
    this.ensure(end - start)
    src.copy(this.buf, this.length, start, end)
    this.length += end - start
  }
  result (): Buffer { return this.buf.subarray(0, this.length) }
}

const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00])

function snappyDecompress (data: Buffer): Buffer {
  if (data.length >= 16 && data.subarray(0, 8).equals(XERIAL_MAGIC)) {
    const out: Buffer[] = []
    let at = 16
    while (at + 4 <= data.length) {
      const len = data.readInt32BE(at)
      at += 4
      out.push(snappyRawDecompress(data.subarray(at, at + len)))
      at += len
    }
    return Buffer.concat(out)
  }
  return snappyRawDecompress(data)
}

function snappyRawDecompress (src: Buffer): Buffer {
  let at = 0
  let expected = 0
  for (let shift = 0; ; shift += 7) {
    const b = src[at++]
    expected += (b & 0x7f) * 2 ** shift
    if ((b & 0x80) === 0) break
  }
  const out = new GrowableBuffer(expected)
  while (at < src.length) {
    const tag = src[at++]
    const type = tag & 3
    if (type === 0) {
      let len = tag >>> 2
      if (len >= 60) {
        const extra = len - 59
        len = src.readUIntLE(at, extra)
        at += extra
      }
      len += 1
      out.append(src, at, at + len)
      at += len
    } else if (type === 1) {
      const len = ((tag >>> 2) & 7) + 4
      const distance = ((tag >>> 5) << 8) | src[at++]
      out.copyBack(distance, len)
    } else if (type === 2) {
      out.copyBack(src.readUInt16LE(at), (tag >>> 2) + 1)
      at += 2
    } else {
      out.copyBack(src.readUInt32LE(at), (tag >>> 2) + 1)
      at += 4
    }
  }
  if (out.length !== expected) throw new Error('corrupt snappy data: length mismatch')
  return out.result()
}

function lz4FrameDecompress (src: Buffer): Buffer {
  if (src.readUInt32LE(0) !== 0x184d2204) throw new Error('not an LZ4 frame')
  const flg = src[4]
  let at = 6 + ((flg & 0x08) !== 0 ? 8 : 0) + ((flg & 0x01) !== 0 ? 4 : 0) + 1 // FLG, BD, [size], [dict], HC
  const blockChecksum = (flg & 0x10) !== 0
  const out = new GrowableBuffer(src.length * 3)
  while (at + 4 <= src.length) {
    const word = src.readUInt32LE(at)
    at += 4
    if (word === 0) break
    const size = word & 0x7fffffff
    if ((word & 0x80000000) !== 0) out.append(src, at, at + size)
    else lz4BlockDecompress(src, at, at + size, out)
    at += size + (blockChecksum ? 4 : 0)
  }
  return out.result()
}

function lz4BlockDecompress (src: Buffer, start: number, end: number, out: GrowableBuffer): void {
  let at = start
  while (at < end) {
    const token = src[at++]
    let literals = token >>> 4
    if (literals === 15) {
      let b: number
      do { b = src[at++]; literals += b } while (b === 255)
    }
    out.append(src, at, at + literals)
    at += literals
    if (at >= end) break // the last sequence has literals only
    const distance = src.readUInt16LE(at)
    at += 2
    let matchLength = token & 15
    if (matchLength === 15) {
      let b: number
      do { b = src[at++]; matchLength += b } while (b === 255)
    }
    out.copyBack(distance, matchLength + 4)
  }
}
