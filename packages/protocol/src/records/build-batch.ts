// Building v2 batches: used by the broker for transaction markers and by tests and tools.

import { compress, CompressionCodec } from '../compression/index.ts'
import type { CompressionName } from '../compression/index.ts'
import { crc32c } from '../crc32c.ts'
import { BATCH_HEADER_SIZE, BatchAttribute, BatchField, CRC_START, LOG_OVERHEAD, TimestampType, writeInt64 } from './batch-header.ts'
import { decodeRecord, encodeRecords } from './record.ts'
import type { RecordInput } from './record.ts'

export interface BuildBatchOptions {
  records: RecordInput[]
  baseOffset?: number
  /** Codec id 0-4 or its name (see CompressionCodec). */
  compression?: number | CompressionName
  producerId?: number
  producerEpoch?: number
  baseSequence?: number
  transactional?: boolean
  control?: boolean
  /** 0 CreateTime (default), 1 LogAppendTime. */
  timestampType?: number
  /** Defaults to the smallest record timestamp, else Date.now(). */
  baseTimestamp?: number
  /** Defaults to the largest record timestamp (or baseTimestamp). */
  maxTimestamp?: number
  /** Clients send -1. */
  partitionLeaderEpoch?: number
}

/** Writes the CRC-32C of bytes 21..end into the batch header. */
export function writeBatchCrc (batch: Buffer): void {
  batch.writeUInt32BE(crc32c(batch, CRC_START, batch.length), BatchField.crc)
}

export function buildRecordBatch (options: BuildBatchOptions): Buffer {
  const records = options.records
  if (records.length === 0) throw new RangeError('a record batch needs at least one record')
  let minTs = Infinity
  let maxTs = -Infinity
  for (const r of records) {
    if (r.timestamp === undefined) continue
    if (r.timestamp < minTs) minTs = r.timestamp
    if (r.timestamp > maxTs) maxTs = r.timestamp
  }
  const baseTimestamp = options.baseTimestamp ?? (minTs === Infinity ? Date.now() : minTs)
  const maxTimestamp = options.maxTimestamp ?? (maxTs === -Infinity ? baseTimestamp : maxTs)
  const codec = typeof options.compression === 'string' ? CompressionCodec[options.compression] : options.compression ?? 0
  const body = compress(codec, encodeRecords(records, baseTimestamp))
  let lastOffsetDelta = records.length - 1
  for (let i = 0; i < records.length; i++) lastOffsetDelta = Math.max(lastOffsetDelta, records[i].offsetDelta ?? i)
  let attributes = codec & BatchAttribute.compressionMask
  if (options.timestampType === TimestampType.logAppendTime) attributes |= BatchAttribute.timestampTypeLogAppend
  if (options.transactional === true) attributes |= BatchAttribute.transactional
  if (options.control === true) attributes |= BatchAttribute.control

  const batch = Buffer.allocUnsafe(BATCH_HEADER_SIZE + body.length)
  writeInt64(batch, options.baseOffset ?? 0, BatchField.baseOffset)
  batch.writeInt32BE(batch.length - LOG_OVERHEAD, BatchField.batchLength)
  batch.writeInt32BE(options.partitionLeaderEpoch ?? -1, BatchField.partitionLeaderEpoch)
  batch.writeInt8(2, BatchField.magic)
  batch.writeInt16BE(attributes, BatchField.attributes)
  batch.writeInt32BE(lastOffsetDelta, BatchField.lastOffsetDelta)
  writeInt64(batch, baseTimestamp, BatchField.baseTimestamp)
  writeInt64(batch, maxTimestamp, BatchField.maxTimestamp)
  writeInt64(batch, options.producerId ?? -1, BatchField.producerId)
  batch.writeInt16BE(options.producerEpoch ?? -1, BatchField.producerEpoch)
  batch.writeInt32BE(options.baseSequence ?? -1, BatchField.baseSequence)
  batch.writeInt32BE(records.length, BatchField.recordsCount)
  body.copy(batch, BATCH_HEADER_SIZE)
  writeBatchCrc(batch)
  return batch
}

export interface ControlBatchOptions {
  producerId: number
  producerEpoch: number
  /** true = COMMIT marker, false = ABORT marker. */
  commit: boolean
  coordinatorEpoch: number
  baseOffset?: number
  timestamp?: number
}

/**
 * A transaction marker: a transactional control batch holding one record whose key is
 * (version int16 0, type int16: 0 abort, 1 commit) and whose value is EndTransactionMarker
 * (version int16 0, coordinatorEpoch int32).
 */
export function buildControlBatch (options: ControlBatchOptions): Buffer {
  const key = Buffer.alloc(4)
  key.writeInt16BE(options.commit ? 1 : 0, 2)
  const value = Buffer.alloc(6)
  value.writeInt32BE(options.coordinatorEpoch, 2)
  const timestamp = options.timestamp ?? Date.now()
  return buildRecordBatch({
    records: [{ key, value, timestamp }],
    baseOffset: options.baseOffset ?? 0,
    producerId: options.producerId,
    producerEpoch: options.producerEpoch,
    baseSequence: -1,
    transactional: true,
    control: true,
    baseTimestamp: timestamp,
    maxTimestamp: timestamp,
  })
}

/** Reads a control batch's marker: commit flag and coordinator epoch, or null if unreadable. */
export function readControlMarker (batch: Buffer): { commit: boolean; coordinatorEpoch: number } | null {
  if (batch.length < BATCH_HEADER_SIZE || (batch.readInt16BE(BatchField.attributes) & BatchAttribute.control) === 0) return null
  try {
    // The only record of a control batch starts at byte 61 and is never compressed.
    const record = decodeRecord(batch, { pos: BATCH_HEADER_SIZE }, batch.length, 0, 0)
    if (record.key === null || record.key.length < 4) return null
    const coordinatorEpoch = record.value !== null && record.value.length >= 6 ? record.value.readInt32BE(2) : -1
    return { commit: record.key.readInt16BE(2) === 1, coordinatorEpoch }
  } catch {
    return null
  }
}
