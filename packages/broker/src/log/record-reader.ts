// Walks the records of one RecordBatch v2 (notes §4.2), decompressing first when needed. Each
// record comes back with its own encoded bytes, which stay valid inside any batch that keeps the
// same baseOffset and baseTimestamp (records only hold deltas) — so compaction can keep records
// by copying bytes, with no re-encoding.

import { BatchAttribute, BatchOffset } from './batch-header.ts'
import { decompress } from './record-codecs.ts'

export interface RecordView {
  offsetDelta: number
  timestampDelta: number
  /** null for a null key. */
  key: Buffer | null
  /** null value = tombstone. */
  value: Buffer | null
  /** The whole encoded record, length prefix included. */
  bytes: Buffer
}

class VarintCursor {
  at: number
  readonly buf: Buffer
  constructor (buf: Buffer, at: number) { this.buf = buf; this.at = at }

  /** Zig-zag varint/varlong as a JS number (safe up to 2^53). */
  signed (): number {
    let raw = 0
    let scale = 1
    for (let i = 0; i < 10; i++) {
      if (this.at >= this.buf.length) throw new Error('truncated varint')
      const b = this.buf[this.at++]
      raw += (b & 0x7f) * scale
      if ((b & 0x80) === 0) return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2
      scale *= 128
    }
    throw new Error('varint too long')
  }

  bytes (): Buffer | null {
    const len = this.signed()
    if (len < 0) return null
    if (this.at + len > this.buf.length) throw new Error('truncated record field')
    const out = this.buf.subarray(this.at, this.at + len)
    this.at += len
    return out
  }
}

/** The decompressed record stream of a batch (everything after recordsCount). */
export function batchRecordStream (batch: Buffer): Buffer {
  const codec = batch.readInt16BE(BatchOffset.attributes) & BatchAttribute.compressionMask
  return decompress(codec, batch.subarray(BatchOffset.records))
}

export function * iterateBatchRecords (batch: Buffer): Generator<RecordView> {
  const count = batch.readInt32BE(BatchOffset.recordsCount)
  const stream = batchRecordStream(batch)
  const cursor = new VarintCursor(stream, 0)
  for (let i = 0; i < count; i++) {
    const start = cursor.at
    const length = cursor.signed()
    const bodyStart = cursor.at
    const end = bodyStart + length
    if (length < 0 || end > stream.length) throw new Error('truncated record')
    cursor.at += 1 // attributes
    const timestampDelta = cursor.signed()
    const offsetDelta = cursor.signed()
    const key = cursor.bytes()
    const value = cursor.bytes()
    cursor.at = end // headers are not needed here
    yield { offsetDelta, timestampDelta, key, value, bytes: stream.subarray(start, end) }
  }
}
