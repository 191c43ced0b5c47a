// Produce-side batch checks. Delegates to @tributary/protocol's validateClientBatch /
// readBatchHeader once they are exported; until then a minimal local check (size, magic 2,
// one batch, CRC-32C, no control batches) keeps Produce working.

import * as protocol from '@tributary/protocol'
import { crc32c, ErrorCode } from '@tributary/protocol'

export interface BatchProblem { errorCode: number; message: string }
export interface ProducedBatchHeader { producerId: number; producerEpoch: number; isTransactional: boolean }

const p = protocol as Record<string, any>

export function checkClientBatch (records: Buffer, options: { maxMessageBytes: number; compactedTopic: boolean }): BatchProblem | null {
  if (typeof p.validateClientBatch === 'function') {
    const r = p.validateClientBatch(records, options)
    if (r === null || r === undefined || r === true || r.errorCode === 0) return null
    return { errorCode: r.errorCode, message: r.message ?? r.errorMessage ?? 'invalid record batch' }
  }
  if (records.length > options.maxMessageBytes) return { errorCode: ErrorCode.MESSAGE_TOO_LARGE, message: `batch of ${records.length} bytes exceeds max.message.bytes ${options.maxMessageBytes}` }
  if (records.length < 61) return { errorCode: ErrorCode.CORRUPT_MESSAGE, message: 'record batch is truncated' }
  if (records.readInt8(16) !== 2) return { errorCode: ErrorCode.UNSUPPORTED_FOR_MESSAGE_FORMAT, message: 'only message format v2 is supported' }
  if (records.readInt32BE(8) + 12 !== records.length) return { errorCode: ErrorCode.INVALID_RECORD, message: 'exactly one record batch per partition is allowed' }
  if (crc32c(records, 21) !== records.readUInt32BE(17)) return { errorCode: ErrorCode.CORRUPT_MESSAGE, message: 'record batch CRC mismatch' }
  if ((records.readInt16BE(21) & 0x20) !== 0) return { errorCode: ErrorCode.INVALID_RECORD, message: 'clients may not write control batches' }
  return null
}

export function producedBatchHeader (records: Buffer): ProducedBatchHeader {
  return {
    producerId: Number(records.readBigInt64BE(43)),
    producerEpoch: records.readInt16BE(51),
    isTransactional: (records.readInt16BE(21) & 0x10) !== 0,
  }
}
