// DeleteRecords (key 21), v0–2. Advances a partition's log start offset; offset -1 means the
// high watermark; beyond the high watermark → OFFSET_OUT_OF_RANGE. Returns the new low watermark.

import { ErrorCode } from '@tributary/protocol'
import type { DeleteRecordsRequest, DeleteRecordsResponse, DeleteRecordsResponseDeleteRecordsPartitionResult } from '@tributary/protocol'
import type { ApiHandler } from '../handler.ts'

type PartitionResult = DeleteRecordsResponseDeleteRecordsPartitionResult

export const deleteRecordsHandler: ApiHandler<DeleteRecordsRequest, DeleteRecordsResponse> = {
  apiKey: 21,
  name: 'DeleteRecords',
  minVersion: 0,
  maxVersion: 2,
  async handle (req, ctx) {
    const topics = await Promise.all(req.topics.map(async (t) => ({
      name: t.name,
      partitions: await Promise.all(t.partitions.map(async (p): Promise<PartitionResult> => {
        const log = ctx.broker.topics.getPartition(t.name, p.partitionIndex)
        if (log === undefined) return { partitionIndex: p.partitionIndex, lowWatermark: -1, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION }
        const hw = log.logEndOffset()
        const offset = p.offset === -1 ? hw : p.offset
        if (offset < 0 || offset > hw) return { partitionIndex: p.partitionIndex, lowWatermark: -1, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE }
        try {
          return { partitionIndex: p.partitionIndex, lowWatermark: await log.deleteRecordsBefore(offset), errorCode: 0 }
        } catch (err) {
          ctx.broker.logger.error({ err, topic: t.name, partition: p.partitionIndex }, 'delete records failed')
          return { partitionIndex: p.partitionIndex, lowWatermark: -1, errorCode: ErrorCode.KAFKA_STORAGE_ERROR }
        }
      })),
    })))
    return { throttleTimeMs: 0, topics }
  },
}
