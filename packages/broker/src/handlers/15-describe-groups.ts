// DescribeGroups (key 15), v0–5. Unknown groups are reported as state "Dead" with no error,
// as Kafka does before v6. Member metadata and assignments are filled in only while Stable.

import { ErrorCode } from '@tributary/protocol'
import type { DescribeGroupsRequest, DescribeGroupsResponse } from '@tributary/protocol'
import { groupsOf } from '../coordinator/handler-support.ts'
import type { ApiHandler } from '../handler.ts'

const UNKNOWN_OPERATIONS = -2147483648

export const describeGroupsHandler: ApiHandler<DescribeGroupsRequest, DescribeGroupsResponse> = {
  apiKey: 15,
  name: 'DescribeGroups',
  minVersion: 0,
  maxVersion: 5,
  handle (req, ctx) {
    const groups = groupsOf(ctx)
    return {
      throttleTimeMs: 0,
      groups: req.groups.map((groupId) => {
        const invalid = groups.validateGroupId(groupId)
        const d = invalid === ErrorCode.NONE ? groups.describeGroup(groupId) : null
        return {
          errorCode: invalid,
          groupId,
          groupState: d?.state ?? 'Dead',
          protocolType: d?.protocolType ?? '',
          protocolData: d?.protocolName ?? '',
          members: (d?.members ?? []).map((m) => ({
            memberId: m.memberId,
            groupInstanceId: m.groupInstanceId,
            clientId: m.clientId,
            clientHost: m.clientHost,
            memberMetadata: m.metadata,
            memberAssignment: m.assignment,
          })),
          authorizedOperations: UNKNOWN_OPERATIONS,
        }
      }),
    }
  },
}
