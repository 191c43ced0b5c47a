// AddPartitionsToTxn (key 24), v0–3: the client form (one transactional id). v4+ is the
// broker-to-coordinator batched/verify form of KIP-890 and is not advertised, so clients stay
// on this shape. Unknown partitions fail the whole call (the others get OPERATION_NOT_ATTEMPTED).

import type { AddPartitionsToTxnRequest, AddPartitionsToTxnResponse } from '@tributary/protocol'
import { fencedForVersion, transactionsOf } from '../coordinator/handler-support.ts'
import type { ApiHandler } from '../handler.ts'

export const addPartitionsToTxnHandler: ApiHandler<AddPartitionsToTxnRequest, AddPartitionsToTxnResponse> = {
  apiKey: 24,
  name: 'AddPartitionsToTxn',
  minVersion: 0,
  maxVersion: 3,
  async handle (req, ctx) {
    const results = await transactionsOf(ctx).addPartitions({
      transactionalId: req.v3AndBelowTransactionalId,
      producerId: req.v3AndBelowProducerId,
      producerEpoch: req.v3AndBelowProducerEpoch,
      topics: req.v3AndBelowTopics.map((t) => ({ name: t.name, partitions: t.partitions })),
    })
    return {
      throttleTimeMs: 0,
      errorCode: 0,
      resultsByTransaction: [],
      resultsByTopicV3AndBelow: results.map((t) => ({
        name: t.name,
        resultsByPartition: t.results.map((p) => ({ partitionIndex: p.partitionIndex, partitionErrorCode: fencedForVersion(p.errorCode, ctx.apiVersion, 2) })),
      })),
    }
  },
}
