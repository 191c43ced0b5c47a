// OffsetForLeaderEpoch (key 23), v2–4. One node, one leader epoch (0) for ever: epoch 0 ends
// at the log end offset; any other epoch is unknown (-1/-1); a CurrentLeaderEpoch newer than 0
// is UNKNOWN_LEADER_EPOCH, as Kafka answers. Lets Java (KIP-320) and librdkafka validate
// positions after a reset.

import { ErrorCode } from '@tributary/protocol'
import type { OffsetForLeaderEpochRequest, OffsetForLeaderEpochResponse } from '@tributary/protocol'
import type { ApiHandler } from '../handler.ts'
import { LEADER_EPOCH, leaderEpochError } from './leader-epoch.ts'

export const offsetForLeaderEpochHandler: ApiHandler<OffsetForLeaderEpochRequest, OffsetForLeaderEpochResponse> = {
  apiKey: 23,
  name: 'OffsetForLeaderEpoch',
  minVersion: 2,
  maxVersion: 4,
  handle (req, ctx) {
    const topics = req.topics.map((t) => ({
      topic: t.topic,
      partitions: t.partitions.map((p) => {
        const log = ctx.broker.topics.getPartition(t.topic, p.partition)
        if (log === undefined) return { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, partition: p.partition, leaderEpoch: -1, endOffset: -1 }
        const epochError = leaderEpochError(p.currentLeaderEpoch)
        if (epochError !== 0) return { errorCode: epochError, partition: p.partition, leaderEpoch: -1, endOffset: -1 }
        if (p.leaderEpoch !== LEADER_EPOCH) return { errorCode: 0, partition: p.partition, leaderEpoch: -1, endOffset: -1 }
        return { errorCode: 0, partition: p.partition, leaderEpoch: LEADER_EPOCH, endOffset: log.logEndOffset() }
      }),
    }))
    return { throttleTimeMs: 0, topics }
  },
}
