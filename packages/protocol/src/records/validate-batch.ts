// What Kafka checks on a client's Produce batch (kafka-broker-notes.md §4.4), cheapest first.
// Fast path: an uncompressed batch is walked in place without allocating; a compressed batch
// is only inflated when the topic is compacted (null keys must be found).

import { DecompressionError } from '../compression/index.ts'
import { crc32c } from '../crc32c.ts'
import { ErrorCode } from '../error-codes.ts'
import { ProtocolDecodeError } from '../errors.ts'
import { BATCH_HEADER_SIZE, BatchAttribute, BatchField, CRC_START, LOG_OVERHEAD, readBatchHeader } from './batch-header.ts'
import type { BatchHeader } from './batch-header.ts'
import { batchRecordBytes } from './iterate-records.ts'
import { scanRecord } from './record.ts'

export interface ValidateBatchOptions {
  /** The topic's max.message.bytes (Kafka default 1048588). */
  maxMessageBytes: number
  /** cleanup.policy contains compact: records without a key are refused. */
  compactedTopic: boolean
  /** Produce request version, when known: zstd needs v7+. */
  produceVersion?: number
  /** Limit when a batch must be decompressed (default max(64 MiB, 64 × maxMessageBytes)). */
  maxDecompressedBytes?: number
}

export interface BatchProblem {
  errorCode: number
  message: string
}

const problem = (errorCode: number, message: string): BatchProblem => ({ errorCode, message })

/**
 * Validates the records field of one Produce partition: exactly one v2 batch. Returns null
 * when the batch may be appended, else the Kafka error code and message to answer with.
 */
export function validateClientBatch (buf: Buffer, options: ValidateBatchOptions): BatchProblem | null {
  if (buf.length < BATCH_HEADER_SIZE) {
    return problem(ErrorCode.CORRUPT_MESSAGE, `Record batch is ${buf.length} bytes, shorter than its ${BATCH_HEADER_SIZE}-byte header`)
  }
  const magic = buf.readInt8(BatchField.magic)
  if (magic !== 2) return problem(ErrorCode.INVALID_RECORD, `Produce requests must use record batch magic 2, got ${magic}`)
  const size = buf.readInt32BE(BatchField.batchLength) + LOG_OVERHEAD
  if (size > buf.length) return problem(ErrorCode.CORRUPT_MESSAGE, `Record batch declares ${size} bytes but ${buf.length} were sent`)
  if (size < buf.length) return problem(ErrorCode.INVALID_RECORD, 'Produce requests must carry exactly one record batch per partition')
  if (size > options.maxMessageBytes) {
    return problem(ErrorCode.MESSAGE_TOO_LARGE, `Record batch of ${size} bytes exceeds max.message.bytes ${options.maxMessageBytes}`)
  }
  const stored = buf.readUInt32BE(BatchField.crc)
  const computed = crc32c(buf, CRC_START, size)
  if (stored !== computed) {
    return problem(ErrorCode.CORRUPT_MESSAGE, `Record batch CRC ${stored} does not match computed CRC ${computed}`)
  }
  const h = readBatchHeader(buf)
  if (h.recordsCount <= 0) return problem(ErrorCode.INVALID_RECORD, 'Record batch holds no records')
  if (h.lastOffsetDelta !== h.recordsCount - 1) {
    return problem(ErrorCode.INVALID_RECORD, `lastOffsetDelta ${h.lastOffsetDelta} does not match ${h.recordsCount} records`)
  }
  if ((h.attributes & BatchAttribute.control) !== 0) return problem(ErrorCode.INVALID_RECORD, 'Clients may not write control batches')
  if (h.compression > 4) return problem(ErrorCode.CORRUPT_MESSAGE, `Unknown compression codec ${h.compression}`)
  if (h.compression === 4 && options.produceVersion !== undefined && options.produceVersion < 7) {
    return problem(ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, 'zstd compression needs Produce v7 or later')
  }
  if (h.isTransactional && h.producerId < 0) return problem(ErrorCode.INVALID_RECORD, 'Transactional batches need a producer id')
  if (h.producerId >= 0 && h.baseSequence < 0) {
    return problem(ErrorCode.INVALID_RECORD, `Invalid sequence number ${h.baseSequence} for producer ${h.producerId}`)
  }
  if (h.compression !== 0 && !options.compactedTopic) return null
  return checkRecords(buf, h.recordsCount, options, h.compression === 0 ? null : h)
}

function checkRecords (buf: Buffer, count: number, options: ValidateBatchOptions, compressed: BatchHeader | null): BatchProblem | null {
  let bytes: Buffer
  let start: number
  if (compressed === null) {
    bytes = buf
    start = BATCH_HEADER_SIZE
  } else {
    try {
      bytes = batchRecordBytes(buf, compressed, {
        maxDecompressedBytes: options.maxDecompressedBytes ?? Math.max(64 * 1024 * 1024, 64 * options.maxMessageBytes),
      })
    } catch (err) {
      if (err instanceof DecompressionError && err.reason === 'too-large') return problem(ErrorCode.MESSAGE_TOO_LARGE, err.message)
      return problem(ErrorCode.CORRUPT_MESSAGE, `Compressed records could not be read: ${(err as Error).message}`)
    }
    start = 0
  }
  const c = { pos: start }
  try {
    for (let i = 0; i < count; i++) {
      if (c.pos >= bytes.length) return problem(ErrorCode.CORRUPT_MESSAGE, `Batch declares ${count} records but holds ${i}`)
      const nullKey = scanRecord(bytes, c, bytes.length, i)
      if (nullKey && options.compactedTopic) return problem(ErrorCode.INVALID_RECORD, 'Compacted topic cannot accept message without key')
    }
  } catch (err) {
    if (err instanceof ProtocolDecodeError) return problem(ErrorCode.CORRUPT_MESSAGE, err.message)
    throw err
  }
  if (c.pos !== bytes.length) return problem(ErrorCode.CORRUPT_MESSAGE, `Batch holds bytes after its ${count} records`)
  return null
}
