// ListOffsets (key 2), v1–9 (v0's OldStyleOffsets shape is not served). Timestamp -1 latest
// (the LSO under read_committed), -2 earliest, -3 max timestamp (v7+), -4 earliest local = earliest
// (no tiered storage), -5 latest tiered = none (offset -1), else the first offset whose timestamp
// is >= the given one (offset -1 when none).

import { ErrorCode } from '@tributary/protocol'
import type { ListOffsetsRequest, ListOffsetsResponse, ListOffsetsResponseListOffsetsPartitionResponse } from '@tributary/protocol'
import type { ApiHandler } from '../handler.ts'
import type { PartitionLog } from '../log/types.ts'
import { LEADER_EPOCH, leaderEpochError } from './leader-epoch.ts'

type PartitionResponse = ListOffsetsResponseListOffsetsPartitionResponse

const LATEST = -1
const EARLIEST = -2
const EARLIEST_LOCAL = -4
const LATEST_TIERED = -5

async function lookup (log: PartitionLog, timestamp: number, readCommitted: boolean): Promise<{ offset: number; timestamp: number }> {
  if (timestamp === LATEST) return { offset: readCommitted ? log.lastStableOffset() : log.logEndOffset(), timestamp: -1 }
  if (timestamp === EARLIEST || timestamp === EARLIEST_LOCAL) return { offset: log.logStartOffset(), timestamp: -1 }
  if (timestamp === LATEST_TIERED) return { offset: -1, timestamp: -1 }
  const found = await log.offsetForTimestamp(timestamp)
  return found ?? { offset: -1, timestamp: -1 }
}

export const listOffsetsHandler: ApiHandler<ListOffsetsRequest, ListOffsetsResponse> = {
  apiKey: 2,
  name: 'ListOffsets',
  minVersion: 1,
  maxVersion: 9,
  async handle (req, ctx) {
    const readCommitted = req.isolationLevel === 1
    const topics = await Promise.all(req.topics.map(async (t) => ({
      name: t.name,
      partitions: await Promise.all(t.partitions.map(async (p): Promise<PartitionResponse> => {
        const base = { partitionIndex: p.partitionIndex, oldStyleOffsets: [], leaderEpoch: LEADER_EPOCH }
        const log = ctx.broker.topics.getPartition(t.name, p.partitionIndex)
        if (log === undefined) return { ...base, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, timestamp: -1, offset: -1, leaderEpoch: -1 }
        const epochError = leaderEpochError(ctx.apiVersion >= 4 ? p.currentLeaderEpoch : -1)
        if (epochError !== 0) return { ...base, errorCode: epochError, timestamp: -1, offset: -1, leaderEpoch: -1 }
        if (p.timestamp === -3 && ctx.apiVersion < 7) return { ...base, errorCode: ErrorCode.UNSUPPORTED_VERSION, timestamp: -1, offset: -1 }
        try {
          const found = await lookup(log, p.timestamp, readCommitted)
          return { ...base, errorCode: 0, ...found, leaderEpoch: found.offset === -1 ? -1 : LEADER_EPOCH }
        } catch (err) {
          ctx.broker.logger.error({ err, topic: t.name, partition: p.partitionIndex }, 'offset lookup failed')
          return { ...base, errorCode: ErrorCode.KAFKA_STORAGE_ERROR, timestamp: -1, offset: -1 }
        }
      })),
    })))
    return { throttleTimeMs: 0, topics }
  },
}
