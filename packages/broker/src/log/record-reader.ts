// Walks the records of one RecordBatch v2 with @tributary/protocol's record decoder (which
// decompresses first), also handing back each record's encoded bytes. Those bytes stay valid
// inside any batch that keeps the same baseOffset and baseTimestamp (records hold only deltas),
// so compaction keeps records by copying bytes, with no re-encoding.

import { batchRecordBytes, decodeRecord, readBatchHeader } from '@tributary/protocol'
import type { BatchRecord } from '@tributary/protocol'

export interface RecordView {
  record: BatchRecord
  /** The whole encoded record, length prefix included. */
  bytes: Buffer
}

export function * iterateBatchRecords (batch: Buffer): Generator<RecordView> {
  const header = readBatchHeader(batch)
  const stream = batchRecordBytes(batch, header)
  const cursor = { pos: 0 }
  for (let i = 0; i < header.recordsCount; i++) {
    const start = cursor.pos
    if (start >= stream.length) throw new Error(`batch declares ${header.recordsCount} records but holds ${i}`)
    const record = decodeRecord(stream, cursor, stream.length, header.baseOffset, header.baseTimestamp)
    yield { record, bytes: stream.subarray(start, cursor.pos) }
  }
}
