// Reading the records of one batch, decompressing when the batch is compressed.

import { decompress, DEFAULT_MAX_DECOMPRESSED_BYTES } from '../compression/index.ts'
import { ProtocolDecodeError } from '../errors.ts'
import { BATCH_HEADER_SIZE, LOG_OVERHEAD, readBatchHeader } from './batch-header.ts'
import type { BatchHeader } from './batch-header.ts'
import { decodeRecord } from './record.ts'
import type { BatchRecord } from './record.ts'

export interface IterateOptions {
  /** Limit on the decompressed size of the records (default 256 MiB). */
  maxDecompressedBytes?: number
}

/** The batch's record bytes, decompressed when needed (a view into `batch` when uncompressed). */
export function batchRecordBytes (batch: Buffer, header: BatchHeader, options?: IterateOptions): Buffer {
  const end = header.batchLength + LOG_OVERHEAD
  if (end > batch.length || end < BATCH_HEADER_SIZE) {
    throw new ProtocolDecodeError(`batch length ${header.batchLength} does not fit ${batch.length} bytes`, 8)
  }
  const raw = batch.subarray(BATCH_HEADER_SIZE, end)
  if (header.compression === 0) return raw
  return decompress(header.compression, raw, options?.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES)
}

/**
 * Yields the records of the batch that starts at byte 0 of `batch`. Throws ProtocolDecodeError
 * on malformed records and DecompressionError on a bad or oversized compressed stream.
 */
export function * iterateRecords (batch: Buffer, options?: IterateOptions): Generator<BatchRecord> {
  const header = readBatchHeader(batch)
  const bytes = batchRecordBytes(batch, header, options)
  const c = { pos: 0 }
  for (let i = 0; i < header.recordsCount; i++) {
    if (c.pos >= bytes.length) throw new ProtocolDecodeError(`batch declares ${header.recordsCount} records but holds ${i}`, c.pos)
    yield decodeRecord(bytes, c, bytes.length, header.baseOffset, header.baseTimestamp)
  }
}

/** All records of a batch as an array. */
export function readRecords (batch: Buffer, options?: IterateOptions): BatchRecord[] {
  return [...iterateRecords(batch, options)]
}
