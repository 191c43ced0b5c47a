// Builds RecordBatch v2 bytes the way a producer sends them (baseOffset 0, CRC set), for the log's
// tests, crash check and throughput check, on top of @tributary/protocol's buildRecordBatch.

import { buildRecordBatch, CompressionCodec } from '@tributary/protocol'
import type { CompressionName } from '@tributary/protocol'

export interface ClientRecord {
  key: Buffer | string | null
  value: Buffer | string | null
  timestamp?: number
}

export interface ClientBatchOptions {
  timestamp?: number
  producerId?: number
  producerEpoch?: number
  baseSequence?: number
  transactional?: boolean
  compression?: CompressionName
}

export function buildClientBatch (records: ClientRecord[], options: ClientBatchOptions = {}): Buffer {
  const baseTimestamp = options.timestamp ?? records[0]?.timestamp ?? Date.now()
  return buildRecordBatch({
    records: records.map((r) => ({ key: r.key, value: r.value, timestamp: r.timestamp ?? baseTimestamp })),
    baseTimestamp: Math.min(baseTimestamp, ...records.map((r) => r.timestamp ?? baseTimestamp)),
    compression: CompressionCodec[options.compression ?? 'none'],
    producerId: options.producerId,
    producerEpoch: options.producerEpoch,
    baseSequence: options.baseSequence,
    transactional: options.transactional,
  })
}
