// AddOffsetsToTxn (key 25), v0–4: adds a consumer group to the transaction so the offsets sent
// with TxnOffsetCommit are committed or dropped with it.

import type { AddOffsetsToTxnRequest, AddOffsetsToTxnResponse } from '@tributary/protocol'
import { fencedForVersion, transactionsOf } from '../coordinator/handler-support.ts'
import type { ApiHandler } from '../handler.ts'

export const addOffsetsToTxnHandler: ApiHandler<AddOffsetsToTxnRequest, AddOffsetsToTxnResponse> = {
  apiKey: 25,
  name: 'AddOffsetsToTxn',
  minVersion: 0,
  maxVersion: 4,
  async handle (req, ctx) {
    const errorCode = await transactionsOf(ctx).addOffsets(req)
    return { throttleTimeMs: 0, errorCode: fencedForVersion(errorCode, ctx.apiVersion, 2) }
  },
}
