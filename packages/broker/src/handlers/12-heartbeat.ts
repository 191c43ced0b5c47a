// Heartbeat (key 12), v0–4. Keeps a member's session alive; REBALANCE_IN_PROGRESS tells it to
// rejoin, ILLEGAL_GENERATION / UNKNOWN_MEMBER_ID / FENCED_INSTANCE_ID that it is out of date.

import type { HeartbeatRequest, HeartbeatResponse } from '@tributary/protocol'
import { groupsOf } from '../coordinator/handler-support.ts'
import type { ApiHandler } from '../handler.ts'

export const heartbeatHandler: ApiHandler<HeartbeatRequest, HeartbeatResponse> = {
  apiKey: 12,
  name: 'Heartbeat',
  minVersion: 0,
  maxVersion: 4,
  handle (req, ctx) {
    const errorCode = groupsOf(ctx).heartbeat(req.groupId, {
      memberId: req.memberId,
      groupInstanceId: ctx.apiVersion >= 3 ? req.groupInstanceId : null,
      generationId: req.generationId,
    })
    return { throttleTimeMs: 0, errorCode }
  },
}
