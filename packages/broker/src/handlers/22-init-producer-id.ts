// InitProducerId (key 22), v0–5. Idempotent producers (null transactional id) always get a
// fresh, durably allocated producer id with epoch 0 (as Kafka does; the KIP-360 epoch bump is
// only for transactional ids). Transactional ids go to the transaction coordinator
// (coordinator/txn): new id → epoch 0; known id → epoch bump fencing the old producer; an
// ongoing transaction is aborted first and answered CONCURRENT_TRANSACTIONS so the client retries.

import { ErrorCode } from '@tributary/protocol'
import type { InitProducerIdRequest, InitProducerIdResponse } from '@tributary/protocol'
import { fencedForVersion } from '../coordinator/handler-support.ts'
import type { ApiHandler } from '../handler.ts'

export const initProducerIdHandler: ApiHandler<InitProducerIdRequest, InitProducerIdResponse> = {
  apiKey: 22,
  name: 'InitProducerId',
  minVersion: 0,
  maxVersion: 5,
  async handle (req, ctx) {
    if (req.transactionalId !== null) {
      const txns = ctx.broker.transactions
      if (txns === null) return { throttleTimeMs: 0, errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, producerId: -1, producerEpoch: -1 }
      // v3+ may name the current producer id/epoch to have it bumped (KIP-360).
      const result = await txns.initProducerId({
        transactionalId: req.transactionalId,
        transactionTimeoutMs: req.transactionTimeoutMs,
        producerId: ctx.apiVersion >= 3 ? req.producerId : -1,
        producerEpoch: ctx.apiVersion >= 3 ? req.producerEpoch : -1,
      })
      return { throttleTimeMs: 0, ...result, errorCode: fencedForVersion(result.errorCode, ctx.apiVersion, 4) }
    }
    const producerId = await ctx.broker.producerIds.allocate()
    return { throttleTimeMs: 0, errorCode: 0, producerId, producerEpoch: 0 }
  },
}
