// OffsetFetch (key 9), v1–9. v2+ null topics = every committed partition of the group; v7+
// RequireStable answers UNSTABLE_OFFSET_COMMIT for partitions with offsets staged by an open
// transaction (KIP-447); v8+ batches groups. Partitions without a commit get offset -1.
// (v9's member id/epoch only matter to KIP-848 groups, which this broker does not run.)

import type { OffsetFetchRequest, OffsetFetchResponse } from '@tributary/protocol'
import { groupsOf } from '../coordinator/handler-support.ts'
import type { ApiHandler } from '../handler.ts'

export const offsetFetchHandler: ApiHandler<OffsetFetchRequest, OffsetFetchResponse> = {
  apiKey: 9,
  name: 'OffsetFetch',
  minVersion: 1,
  maxVersion: 9,
  handle (req, ctx) {
    const groups = groupsOf(ctx)
    const requireStable = ctx.apiVersion >= 7 && req.requireStable
    if (ctx.apiVersion >= 8) {
      return {
        throttleTimeMs: 0,
        topics: [],
        errorCode: 0,
        groups: req.groups.map((g) => {
          const result = groups.fetchOffsets(g.groupId, g.topics, requireStable)
          return { groupId: g.groupId, errorCode: result.errorCode, topics: result.topics }
        }),
      }
    }
    const result = groups.fetchOffsets(req.groupId, req.topics, requireStable)
    return { throttleTimeMs: 0, topics: result.topics, errorCode: result.errorCode, groups: [] }
  },
}
