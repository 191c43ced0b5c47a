// EndTxn (key 26), v0–4 (v5 needs transaction.version 2, which this broker does not finalize).
// Commit or abort: control markers are written to every partition of the transaction, staged
// offsets applied or dropped, all durably before the answer. No ongoing transaction →
// INVALID_TXN_STATE (a retry of the outcome just completed succeeds).

import type { EndTxnRequest, EndTxnResponse } from '@tributary/protocol'
import { fencedForVersion, transactionsOf } from '../coordinator/handler-support.ts'
import type { ApiHandler } from '../handler.ts'

export const endTxnHandler: ApiHandler<EndTxnRequest, EndTxnResponse> = {
  apiKey: 26,
  name: 'EndTxn',
  minVersion: 0,
  maxVersion: 4,
  async handle (req, ctx) {
    const errorCode = await transactionsOf(ctx).endTxn(req)
    return { throttleTimeMs: 0, errorCode: fencedForVersion(errorCode, ctx.apiVersion, 2), producerId: -1, producerEpoch: -1 }
  },
}
