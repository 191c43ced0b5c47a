// ListGroups (key 16), v0–5. v4+ filters by state (case-insensitive), v5+ by group type
// (every group here is "classic").

import type { ListGroupsRequest, ListGroupsResponse } from '@tributary/protocol'
import { groupsOf } from '../coordinator/handler-support.ts'
import type { ApiHandler } from '../handler.ts'

export const listGroupsHandler: ApiHandler<ListGroupsRequest, ListGroupsResponse> = {
  apiKey: 16,
  name: 'ListGroups',
  minVersion: 0,
  maxVersion: 5,
  handle (req, ctx) {
    const groups = groupsOf(ctx).listGroups({
      states: ctx.apiVersion >= 4 ? req.statesFilter : [],
      types: ctx.apiVersion >= 5 ? req.typesFilter : [],
    })
    return { throttleTimeMs: 0, errorCode: 0, groups }
  },
}
