// FindCoordinator (key 10), v0–6. One node: this broker coordinates every group (key type 0)
// and every transactional id (key type 1). v4+ batches keys (CoordinatorKeys) and answers per key.
// An empty group id is still answered with this node, as Kafka does for key type 0 lookups;
// the group APIs then refuse it with INVALID_GROUP_ID.

import { ErrorCode } from '@tributary/protocol'
import type { FindCoordinatorRequest, FindCoordinatorResponse } from '@tributary/protocol'
import type { ApiHandler } from '../handler.ts'

const KEY_TYPE_GROUP = 0
const KEY_TYPE_TRANSACTION = 1

export const findCoordinatorHandler: ApiHandler<FindCoordinatorRequest, FindCoordinatorResponse> = {
  apiKey: 10,
  name: 'FindCoordinator',
  minVersion: 0,
  maxVersion: 6,
  handle (req, ctx) {
    const b = ctx.broker
    const keyType = ctx.apiVersion >= 1 ? req.keyType : KEY_TYPE_GROUP
    const known = keyType === KEY_TYPE_GROUP || keyType === KEY_TYPE_TRANSACTION
    const errorCode = known ? ErrorCode.NONE : ErrorCode.INVALID_REQUEST
    const errorMessage = known ? null : `Unknown coordinator key type ${keyType}`
    const node = known ? { nodeId: b.nodeId, host: b.host, port: b.port } : { nodeId: -1, host: '', port: -1 }
    if (ctx.apiVersion >= 4) {
      return {
        throttleTimeMs: 0, errorCode: 0, errorMessage: null, nodeId: -1, host: '', port: -1,
        coordinators: req.coordinatorKeys.map((key) => ({ key, ...node, errorCode, errorMessage })),
      }
    }
    return { throttleTimeMs: 0, errorCode, errorMessage, ...node, coordinators: [] }
  },
}
