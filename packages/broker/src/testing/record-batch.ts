// Test support: a plain RecordBatch v2 the way a client builds it, for raw Produce requests
// (idempotent re-sends, size limits, timestamps).

import { buildRecordBatch } from '@tributary/protocol'

export interface TestRecord { key: string | null; value: string | null }

export function clientBatch (records: TestRecord[], options: { producerId?: number; producerEpoch?: number; baseSequence?: number; timestamp?: number; transactional?: boolean; compression?: number } = {}): Buffer {
  const timestamp = options.timestamp ?? Date.now()
  return buildRecordBatch({
    records: records.map((r) => ({ key: r.key, value: r.value, timestamp })),
    producerId: options.producerId ?? -1,
    producerEpoch: options.producerEpoch ?? -1,
    baseSequence: options.baseSequence ?? -1,
    transactional: options.transactional ?? false,
    compression: options.compression ?? 0,
  })
}
