// What the log does to RecordBatch v2 bytes beyond @tributary/protocol's reading and building:
// offsets assigned in place, the CRC checked, a batch rebuilt around kept records (compaction).
// The log never re-encodes a client batch: it only patches header fields.

import { BATCH_HEADER_SIZE, BatchAttribute, BatchField, LOG_OVERHEAD, crc32c, writeBatchCrc } from '@tributary/protocol'

export const isControlBatch = (attributes: number): boolean => (attributes & BatchAttribute.control) !== 0
export const isTransactionalBatch = (attributes: number): boolean => (attributes & BatchAttribute.transactional) !== 0

/** The CRC stored in the batch matches CRC-32C over attributes..end. */
export function batchCrcValid (batch: Buffer): boolean {
  return batch.readUInt32BE(BatchField.crc) === crc32c(batch, BatchField.attributes, batch.length)
}

/**
 * Offset assignment in place: baseOffset and partitionLeaderEpoch are outside the CRC, so only a
 * LogAppendTime rewrite (attributes + maxTimestamp, both CRC-covered) recomputes it.
 */
export function assignInPlace (batch: Buffer, baseOffset: number, logAppendTime: number | null): void {
  batch.writeBigInt64BE(BigInt(baseOffset), BatchField.baseOffset)
  batch.writeInt32BE(0, BatchField.partitionLeaderEpoch)
  if (logAppendTime !== null) {
    const attributes = batch.readInt16BE(BatchField.attributes) | BatchAttribute.timestampTypeLogAppend
    batch.writeInt16BE(attributes, BatchField.attributes)
    batch.writeBigInt64BE(BigInt(logAppendTime), BatchField.maxTimestamp)
    writeBatchCrc(batch)
  }
}

/** Sequence of the last record: baseSequence + lastOffsetDelta, wrapping to 0 after int32 max. */
export function lastSequence (baseSequence: number, lastOffsetDelta: number): number {
  if (baseSequence < 0) return -1
  const max = 0x7fffffff
  return baseSequence > max - lastOffsetDelta ? lastOffsetDelta - (max - baseSequence) - 1 : baseSequence + lastOffsetDelta
}

export interface BatchFields {
  baseOffset: number
  attributes: number
  lastOffsetDelta: number
  baseTimestamp: number
  maxTimestamp: number
  producerId: number
  producerEpoch: number
  baseSequence: number
  recordsCount: number
}

/** Builds a batch around already-encoded record bytes (a record stream, compressed or not). */
export function buildBatch (fields: BatchFields, records: Buffer): Buffer {
  const batch = Buffer.allocUnsafe(BATCH_HEADER_SIZE + records.length)
  batch.writeBigInt64BE(BigInt(fields.baseOffset), BatchField.baseOffset)
  batch.writeInt32BE(batch.length - LOG_OVERHEAD, BatchField.batchLength)
  batch.writeInt32BE(0, BatchField.partitionLeaderEpoch)
  batch.writeInt8(2, BatchField.magic)
  batch.writeInt16BE(fields.attributes, BatchField.attributes)
  batch.writeInt32BE(fields.lastOffsetDelta, BatchField.lastOffsetDelta)
  batch.writeBigInt64BE(BigInt(fields.baseTimestamp), BatchField.baseTimestamp)
  batch.writeBigInt64BE(BigInt(fields.maxTimestamp), BatchField.maxTimestamp)
  batch.writeBigInt64BE(BigInt(fields.producerId), BatchField.producerId)
  batch.writeInt16BE(fields.producerEpoch, BatchField.producerEpoch)
  batch.writeInt32BE(fields.baseSequence, BatchField.baseSequence)
  batch.writeInt32BE(fields.recordsCount, BatchField.recordsCount)
  records.copy(batch, BatchField.records)
  writeBatchCrc(batch)
  return batch
}
