// RecordBatch v2 (magic 2) header: 61 big-endian bytes, then the records (compressed as one
// stream when attribute bits 0-2 are set). The CRC is CRC-32C over bytes 21..end, so a broker
// can rewrite baseOffset and partitionLeaderEpoch without recomputing it.

export const BatchField = {
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

export const BATCH_HEADER_SIZE = 61
/** baseOffset + batchLength: the bytes not counted by batchLength. */
export const LOG_OVERHEAD = 12
/** First byte covered by the CRC. */
export const CRC_START = BatchField.attributes

export const BatchAttribute = {
  compressionMask: 0x07,
  timestampTypeLogAppend: 0x08,
  transactional: 0x10,
  control: 0x20,
  deleteHorizon: 0x40,
} as const

export const TimestampType = {
  createTime: 0,
  logAppendTime: 1,
} as const

export interface BatchHeader {
  baseOffset: number
  batchLength: number
  partitionLeaderEpoch: number
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
  /** Codec id from attribute bits 0-2 (0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd). */
  compression: number
  /** 0 CreateTime, 1 LogAppendTime. */
  timestampType: number
  isTransactional: boolean
  isControl: boolean
  hasDeleteHorizon: boolean
}

const TWO_32 = 4294967296

/** int64 as a number (exact up to 2^53). */
export function readInt64 (buf: Buffer, at: number): number {
  return buf.readInt32BE(at) * TWO_32 + buf.readUInt32BE(at + 4)
}

export function writeInt64 (buf: Buffer, v: number, at: number): void {
  const hi = Math.floor(v / TWO_32)
  buf.writeInt32BE(hi, at)
  buf.writeUInt32BE((v - hi * TWO_32) >>> 0, at + 4)
}

/** Reads the header of the batch at `offset`; throws RangeError if fewer than 61 bytes remain. */
export function readBatchHeader (buf: Buffer, offset = 0): BatchHeader {
  if (offset + BATCH_HEADER_SIZE > buf.length) throw new RangeError(`record batch header needs ${BATCH_HEADER_SIZE} bytes, have ${buf.length - offset}`)
  const attributes = buf.readInt16BE(offset + BatchField.attributes)
  return {
    baseOffset: readInt64(buf, offset + BatchField.baseOffset),
    batchLength: buf.readInt32BE(offset + BatchField.batchLength),
    partitionLeaderEpoch: buf.readInt32BE(offset + BatchField.partitionLeaderEpoch),
    magic: buf.readInt8(offset + BatchField.magic),
    crc: buf.readUInt32BE(offset + BatchField.crc),
    attributes,
    lastOffsetDelta: buf.readInt32BE(offset + BatchField.lastOffsetDelta),
    baseTimestamp: readInt64(buf, offset + BatchField.baseTimestamp),
    maxTimestamp: readInt64(buf, offset + BatchField.maxTimestamp),
    producerId: readInt64(buf, offset + BatchField.producerId),
    producerEpoch: buf.readInt16BE(offset + BatchField.producerEpoch),
    baseSequence: buf.readInt32BE(offset + BatchField.baseSequence),
    recordsCount: buf.readInt32BE(offset + BatchField.recordsCount),
    compression: attributes & BatchAttribute.compressionMask,
    timestampType: (attributes & BatchAttribute.timestampTypeLogAppend) !== 0 ? 1 : 0,
    isTransactional: (attributes & BatchAttribute.transactional) !== 0,
    isControl: (attributes & BatchAttribute.control) !== 0,
    hasDeleteHorizon: (attributes & BatchAttribute.deleteHorizon) !== 0,
  }
}
