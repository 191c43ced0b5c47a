// DescribeCluster (key 60), v0–1: this node is the whole cluster and its controller.
// EndpointType 2 (controllers, v1) gets the same single node: it is broker and controller.

import type { DescribeClusterRequest, DescribeClusterResponse } from '@tributary/protocol'
import type { ApiHandler } from '../handler.ts'

export const describeClusterHandler: ApiHandler<DescribeClusterRequest, DescribeClusterResponse> = {
  apiKey: 60,
  name: 'DescribeCluster',
  minVersion: 0,
  maxVersion: 1,
  handle (req, ctx) {
    const b = ctx.broker
    return {
      throttleTimeMs: 0,
      errorCode: 0,
      errorMessage: null,
      endpointType: ctx.apiVersion >= 1 ? req.endpointType : 1,
      clusterId: b.clusterId,
      controllerId: b.nodeId,
      brokers: [{ brokerId: b.nodeId, host: b.host, port: b.port, rack: null }],
      clusterAuthorizedOperations: -2147483648,
    }
  },
}
