// SyncGroup (key 14), v0–5. The leader's call stores every member's assignment and makes the
// group Stable; followers park until then. v3+ carries the static instance id; v5 checks and
// returns the protocol type and name (KIP-559).

import type { SyncGroupRequest, SyncGroupResponse } from '@tributary/protocol'
import { groupsOf } from '../coordinator/handler-support.ts'
import type { ApiHandler } from '../handler.ts'

export const syncGroupHandler: ApiHandler<SyncGroupRequest, SyncGroupResponse> = {
  apiKey: 14,
  name: 'SyncGroup',
  minVersion: 0,
  maxVersion: 5,
  async handle (req, ctx) {
    const v = ctx.apiVersion
    const result = await groupsOf(ctx).sync(req.groupId, {
      memberId: req.memberId,
      groupInstanceId: v >= 3 ? req.groupInstanceId : null,
      generationId: req.generationId,
      protocolType: v >= 5 ? req.protocolType : null,
      protocolName: v >= 5 ? req.protocolName : null,
      assignments: req.assignments.map((a) => ({ memberId: a.memberId, assignment: a.assignment })),
    })
    return {
      throttleTimeMs: 0,
      errorCode: result.errorCode,
      protocolType: result.protocolType,
      protocolName: result.protocolName,
      assignment: result.assignment,
    }
  },
}
