// DeleteGroups (key 42), v0–2. Deletes a group with no members and its committed offsets;
// GROUP_ID_NOT_FOUND for unknown ids, NON_EMPTY_GROUP while members remain.

import type { DeleteGroupsRequest, DeleteGroupsResponse } from '@tributary/protocol'
import { groupsOf } from '../coordinator/handler-support.ts'
import type { ApiHandler } from '../handler.ts'

export const deleteGroupsHandler: ApiHandler<DeleteGroupsRequest, DeleteGroupsResponse> = {
  apiKey: 42,
  name: 'DeleteGroups',
  minVersion: 0,
  maxVersion: 2,
  async handle (req, ctx) {
    const results = await groupsOf(ctx).deleteGroups(req.groupsNames)
    return { throttleTimeMs: 0, results }
  },
}
