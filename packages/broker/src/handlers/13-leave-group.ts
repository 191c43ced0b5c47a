// LeaveGroup (key 13), v0–5. v0–2 name one member; v3+ a batch (static members by instance id),
// each answered on its own. The group rebalances without the leavers (or goes Empty).

import { ErrorCode } from '@tributary/protocol'
import type { LeaveGroupRequest, LeaveGroupResponse } from '@tributary/protocol'
import { groupsOf } from '../coordinator/handler-support.ts'
import type { ApiHandler } from '../handler.ts'

export const leaveGroupHandler: ApiHandler<LeaveGroupRequest, LeaveGroupResponse> = {
  apiKey: 13,
  name: 'LeaveGroup',
  minVersion: 0,
  maxVersion: 5,
  handle (req, ctx) {
    const batched = ctx.apiVersion >= 3
    const members = batched
      ? req.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId }))
      : [{ memberId: req.memberId, groupInstanceId: null }]
    const result = groupsOf(ctx).leave(req.groupId, members)
    if (!batched) return { throttleTimeMs: 0, errorCode: result.errorCode || result.members[0], members: [] }
    return {
      throttleTimeMs: 0,
      errorCode: result.errorCode,
      members: members.map((m, i) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, errorCode: result.members[i] ?? ErrorCode.NONE })),
    }
  },
}
