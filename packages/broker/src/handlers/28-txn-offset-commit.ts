// TxnOffsetCommit (key 28), v0–4 (v5 needs transaction.version 2). Stages offsets under the
// producer's transaction; they become visible at commit and vanish at abort. v3+ carries the
// member's generation/id/instance id, checked like OffsetCommit's (KIP-447 zombie fencing).

import type { TxnOffsetCommitRequest, TxnOffsetCommitResponse } from '@tributary/protocol'
import { fencedForVersion, transactionsOf } from '../coordinator/handler-support.ts'
import type { ApiHandler } from '../handler.ts'

export const txnOffsetCommitHandler: ApiHandler<TxnOffsetCommitRequest, TxnOffsetCommitResponse> = {
  apiKey: 28,
  name: 'TxnOffsetCommit',
  minVersion: 0,
  maxVersion: 4,
  async handle (req, ctx) {
    const v = ctx.apiVersion
    const topics = await transactionsOf(ctx).txnOffsetCommit({
      transactionalId: req.transactionalId,
      producerId: req.producerId,
      producerEpoch: req.producerEpoch,
      groupId: req.groupId,
      generationId: v >= 3 ? req.generationId : -1,
      memberId: v >= 3 ? req.memberId : '',
      groupInstanceId: v >= 3 ? req.groupInstanceId : null,
      topics: req.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({
          partitionIndex: p.partitionIndex,
          committedOffset: p.committedOffset,
          committedLeaderEpoch: v >= 2 ? p.committedLeaderEpoch : -1,
          committedMetadata: p.committedMetadata,
        })),
      })),
    })
    return {
      throttleTimeMs: 0,
      topics: topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode: fencedForVersion(p.errorCode, v, 3) })),
      })),
    }
  },
}
