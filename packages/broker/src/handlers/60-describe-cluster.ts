// DescribeCluster (key 60), v0–1: this node is the whole cluster and its controller.
// EndpointType 2 (controllers, v1) is refused with MISMATCHED_ENDPOINT_TYPE, as a Kafka
// broker listener refuses it (there is no separate controller listener).

import { ErrorCode } from '@tributary/protocol'
import type { DescribeClusterRequest, DescribeClusterResponse } from '@tributary/protocol'
import type { ApiHandler } from '../handler.ts'

export const describeClusterHandler: ApiHandler<DescribeClusterRequest, DescribeClusterResponse> = {
  apiKey: 60,
  name: 'DescribeCluster',
  minVersion: 0,
  maxVersion: 1,
  handle (req, ctx) {
    const b = ctx.broker
    if (ctx.apiVersion >= 1 && req.endpointType !== 1) {
      return {
        throttleTimeMs: 0,
        errorCode: ErrorCode.MISMATCHED_ENDPOINT_TYPE,
        errorMessage: 'The request was sent to an endpoint of type BROKER, but we wanted an endpoint of type CONTROLLER',
        endpointType: 1,
        clusterId: b.clusterId,
        controllerId: -1,
        brokers: [],
        clusterAuthorizedOperations: -2147483648,
      }
    }
    return {
      throttleTimeMs: 0,
      errorCode: 0,
      errorMessage: null,
      endpointType: 1,
      clusterId: b.clusterId,
      controllerId: b.nodeId,
      brokers: [{ brokerId: b.nodeId, host: b.host, port: b.port, rack: null }],
      clusterAuthorizedOperations: -2147483648,
    }
  },
}
