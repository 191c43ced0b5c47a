// Test support: builds a plain (uncompressed) RecordBatch v2 the way a client would, for raw
// Produce requests (idempotent re-sends, size limits).

import { buildBatch } from '../log/batch-header.ts'

function varint (n: number): Buffer {
  let v = BigInt.asUintN(64, (BigInt(n) << 1n) ^ (BigInt(n) >> 63n))
  const bytes: number[] = []
  do {
    let b = Number(v & 0x7fn)
    v >>= 7n
    if (v !== 0n) b |= 0x80
    bytes.push(b)
  } while (v !== 0n)
  return Buffer.from(bytes)
}

function bytesField (b: Buffer | null): Buffer {
  return b === null ? varint(-1) : Buffer.concat([varint(b.length), b])
}

export interface TestRecord { key: string | null; value: string | null }

export function clientBatch (records: TestRecord[], options: { producerId?: number; producerEpoch?: number; baseSequence?: number; timestamp?: number; transactional?: boolean } = {}): Buffer {
  const ts = options.timestamp ?? Date.now()
  const encoded = records.map((r, i) => {
    const body = Buffer.concat([
      Buffer.from([0]), varint(0), varint(i),
      bytesField(r.key === null ? null : Buffer.from(r.key)),
      bytesField(r.value === null ? null : Buffer.from(r.value)),
      varint(0),
    ])
    return Buffer.concat([varint(body.length), body])
  })
  return buildBatch({
    baseOffset: 0,
    attributes: options.transactional === true ? 0x10 : 0,
    lastOffsetDelta: records.length - 1,
    baseTimestamp: ts,
    maxTimestamp: ts,
    producerId: options.producerId ?? -1,
    producerEpoch: options.producerEpoch ?? -1,
    baseSequence: options.baseSequence ?? -1,
    recordsCount: records.length,
  }, Buffer.concat(encoded))
}
