// InitProducerId (key 22), v0–5. Idempotent producers (null transactional id) always get a
// fresh, durably allocated producer id with epoch 0 (as Kafka does; the KIP-360 epoch bump is
// only for transactional ids). Transactional ids go to the transaction coordinator (issue 3)
// when it is wired, else COORDINATOR_NOT_AVAILABLE.

import { ErrorCode } from '@tributary/protocol'
import type { InitProducerIdRequest, InitProducerIdResponse } from '@tributary/protocol'
import type { ApiHandler } from '../handler.ts'

export const initProducerIdHandler: ApiHandler<InitProducerIdRequest, InitProducerIdResponse> = {
  apiKey: 22,
  name: 'InitProducerId',
  minVersion: 0,
  maxVersion: 5,
  async handle (req, ctx) {
    if (req.transactionalId !== null) {
      const txns = ctx.broker.transactions
      if (txns !== null && typeof txns.initProducerId === 'function') return txns.initProducerId(req, ctx)
      return { throttleTimeMs: 0, errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, producerId: -1, producerEpoch: -1 }
    }
    const producerId = await ctx.broker.producerIds.allocate()
    return { throttleTimeMs: 0, errorCode: 0, producerId, producerEpoch: 0 }
  },
}
