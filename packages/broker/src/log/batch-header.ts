// RecordBatch v2 header fields by byte offset (kafka-broker-notes.md §4.1), read and rewritten in
// place on the raw bytes. The log never re-encodes a client batch: it only patches these fields.

import { crc32c } from '@tributary/protocol'

export const BatchOffset = {
  baseOffset: 0,
  batchLength: 8,
  partitionLeaderEpoch: 12,
  magic: 16,
  crc: 17,
  attributes: 21,
  lastOffsetDelta: 23,
  baseTimestamp: 27,
  maxTimestamp: 35,
  producerId: 43,
  producerEpoch: 51,
  baseSequence: 53,
  recordsCount: 57,
  records: 61,
} as const

/** Bytes of the header up to and including recordsCount. */
export const BATCH_HEADER_SIZE = 61
/** baseOffset + batchLength: the prefix not counted by batchLength. */
export const LOG_OVERHEAD = 12

export const BatchAttribute = {
  compressionMask: 0x07,
  logAppendTime: 0x08,
  transactional: 0x10,
  control: 0x20,
  deleteHorizon: 0x40,
} as const

export interface BatchHeader {
  baseOffset: number
  batchLength: number
  magic: number
  crc: number
  attributes: number
  lastOffsetDelta: number
  baseTimestamp: number
  maxTimestamp: number
  producerId: number
  producerEpoch: number
  baseSequence: number
  recordsCount: number
}

/** Reads the header of the batch starting at `at` (caller ensures BATCH_HEADER_SIZE bytes exist). */
export function readBatchHeader (buf: Buffer, at = 0): BatchHeader {
  return {
    baseOffset: Number(buf.readBigInt64BE(at + BatchOffset.baseOffset)),
    batchLength: buf.readInt32BE(at + BatchOffset.batchLength),
    magic: buf.readInt8(at + BatchOffset.magic),
    crc: buf.readUInt32BE(at + BatchOffset.crc),
    attributes: buf.readInt16BE(at + BatchOffset.attributes),
    lastOffsetDelta: buf.readInt32BE(at + BatchOffset.lastOffsetDelta),
    baseTimestamp: Number(buf.readBigInt64BE(at + BatchOffset.baseTimestamp)),
    maxTimestamp: Number(buf.readBigInt64BE(at + BatchOffset.maxTimestamp)),
    producerId: Number(buf.readBigInt64BE(at + BatchOffset.producerId)),
    producerEpoch: buf.readInt16BE(at + BatchOffset.producerEpoch),
    baseSequence: buf.readInt32BE(at + BatchOffset.baseSequence),
    recordsCount: buf.readInt32BE(at + BatchOffset.recordsCount),
  }
}

export const isControlBatch = (attributes: number): boolean => (attributes & BatchAttribute.control) !== 0
export const isTransactionalBatch = (attributes: number): boolean => (attributes & BatchAttribute.transactional) !== 0

/** The CRC stored in the batch matches CRC-32C over attributes..end. */
export function batchCrcValid (batch: Buffer): boolean {
  return batch.readUInt32BE(BatchOffset.crc) === crc32c(batch, BatchOffset.attributes, batch.length)
}

export function writeBatchCrc (batch: Buffer): void {
  batch.writeUInt32BE(crc32c(batch, BatchOffset.attributes, batch.length), BatchOffset.crc)
}

/**
 * Offset assignment in place: baseOffset and partitionLeaderEpoch are outside the CRC, so only a
 * LogAppendTime rewrite (attributes + maxTimestamp, both CRC-covered) recomputes it.
 */
export function assignInPlace (batch: Buffer, baseOffset: number, logAppendTime: number | null): void {
  batch.writeBigInt64BE(BigInt(baseOffset), BatchOffset.baseOffset)
  batch.writeInt32BE(0, BatchOffset.partitionLeaderEpoch)
  if (logAppendTime !== null) {
    const attributes = batch.readInt16BE(BatchOffset.attributes) | BatchAttribute.logAppendTime
    batch.writeInt16BE(attributes, BatchOffset.attributes)
    batch.writeBigInt64BE(BigInt(logAppendTime), BatchOffset.maxTimestamp)
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
  batch.writeBigInt64BE(BigInt(fields.baseOffset), BatchOffset.baseOffset)
  batch.writeInt32BE(batch.length - LOG_OVERHEAD, BatchOffset.batchLength)
  batch.writeInt32BE(0, BatchOffset.partitionLeaderEpoch)
  batch.writeInt8(2, BatchOffset.magic)
  batch.writeInt16BE(fields.attributes, BatchOffset.attributes)
  batch.writeInt32BE(fields.lastOffsetDelta, BatchOffset.lastOffsetDelta)
  batch.writeBigInt64BE(BigInt(fields.baseTimestamp), BatchOffset.baseTimestamp)
  batch.writeBigInt64BE(BigInt(fields.maxTimestamp), BatchOffset.maxTimestamp)
  batch.writeBigInt64BE(BigInt(fields.producerId), BatchOffset.producerId)
  batch.writeInt16BE(fields.producerEpoch, BatchOffset.producerEpoch)
  batch.writeInt32BE(fields.baseSequence, BatchOffset.baseSequence)
  batch.writeInt32BE(fields.recordsCount, BatchOffset.recordsCount)
  records.copy(batch, BatchOffset.records)
  writeBatchCrc(batch)
  return batch
}
