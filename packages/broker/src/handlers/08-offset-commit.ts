// OffsetCommit (key 8), v2–9 (Kafka 4's floor is 2; librdkafka's old feature check needs 2).
// Generation -1 with no member id is a "simple" commit, allowed while the group has no members.
// Unknown topic-partitions get UNKNOWN_TOPIC_OR_PARTITION, oversized metadata
// OFFSET_METADATA_TOO_LARGE. Answered only after the commit is fsynced.

import type { OffsetCommitRequest, OffsetCommitResponse } from '@tributary/protocol'
import { groupsOf } from '../coordinator/handler-support.ts'
import type { ApiHandler } from '../handler.ts'

export const offsetCommitHandler: ApiHandler<OffsetCommitRequest, OffsetCommitResponse> = {
  apiKey: 8,
  name: 'OffsetCommit',
  minVersion: 2,
  maxVersion: 9,
  async handle (req, ctx) {
    const v = ctx.apiVersion
    const topics = await groupsOf(ctx).commitOffsets({
      groupId: req.groupId,
      memberId: req.memberId,
      groupInstanceId: v >= 7 ? req.groupInstanceId : null,
      generationId: req.generationIdOrMemberEpoch,
      topics: req.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({
          partitionIndex: p.partitionIndex,
          committedOffset: p.committedOffset,
          committedLeaderEpoch: v >= 6 ? p.committedLeaderEpoch : -1,
          committedMetadata: p.committedMetadata,
        })),
      })),
    })
    return { throttleTimeMs: 0, topics }
  },
}
