// OffsetDelete (key 47), v0. Removes committed offsets of a group; partitions of topics a live
// "consumer" group subscribes to get GROUP_SUBSCRIBED_TO_TOPIC, a live group of another protocol
// type NON_EMPTY_GROUP, an unknown group GROUP_ID_NOT_FOUND.

import type { OffsetDeleteRequest, OffsetDeleteResponse } from '@tributary/protocol'
import { groupsOf } from '../coordinator/handler-support.ts'
import type { ApiHandler } from '../handler.ts'

export const offsetDeleteHandler: ApiHandler<OffsetDeleteRequest, OffsetDeleteResponse> = {
  apiKey: 47,
  name: 'OffsetDelete',
  minVersion: 0,
  maxVersion: 0,
  async handle (req, ctx) {
    const result = await groupsOf(ctx).deleteOffsets(req.groupId, req.topics)
    return { errorCode: result.errorCode, throttleTimeMs: 0, topics: result.topics }
  },
}
