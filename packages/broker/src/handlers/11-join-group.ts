// JoinGroup (key 11), v0–9. Parks until the rebalance completes (the server keeps responses in
// order per connection). v4+ dynamic members first get MEMBER_ID_REQUIRED with their id (KIP-394);
// v5+ static membership (KIP-345); v0 has no rebalance timeout (the session timeout is used);
// v7+ returns the protocol type; v9 may tell a rejoining static leader to skip the assignment.

import type { JoinGroupRequest, JoinGroupResponse } from '@tributary/protocol'
import { groupsOf } from '../coordinator/handler-support.ts'
import type { ApiHandler } from '../handler.ts'

export const joinGroupHandler: ApiHandler<JoinGroupRequest, JoinGroupResponse> = {
  apiKey: 11,
  name: 'JoinGroup',
  minVersion: 0,
  maxVersion: 9,
  async handle (req, ctx) {
    const v = ctx.apiVersion
    const result = await groupsOf(ctx).join(req.groupId, {
      memberId: req.memberId,
      groupInstanceId: v >= 5 ? req.groupInstanceId : null,
      clientId: ctx.clientId ?? '',
      clientHost: `/${ctx.clientHost}`,
      sessionTimeoutMs: req.sessionTimeoutMs,
      rebalanceTimeoutMs: v >= 1 && req.rebalanceTimeoutMs > 0 ? req.rebalanceTimeoutMs : req.sessionTimeoutMs,
      protocolType: req.protocolType,
      protocols: req.protocols.map((p) => ({ name: p.name, metadata: p.metadata })),
      requireKnownMemberId: v >= 4,
      supportsSkipAssignment: v >= 9,
    }, ctx.signal)
    return {
      throttleTimeMs: 0,
      errorCode: result.errorCode,
      generationId: result.generationId,
      protocolType: result.protocolType,
      // Before v7 the protocol name is not nullable.
      protocolName: v >= 7 ? result.protocolName : result.protocolName ?? '',
      leader: result.leader,
      skipAssignment: result.skipAssignment,
      memberId: result.memberId,
      members: result.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, metadata: m.metadata })),
    }
  },
}
