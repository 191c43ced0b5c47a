// Config resource types (DescribeConfigs / AlterConfigs / IncrementalAlterConfigs) and the
// check that a BROKER resource names this node ("" = cluster default).

import type { Broker } from '../broker.ts'

export const ResourceType = { TOPIC: 2, BROKER: 4, BROKER_LOGGER: 8 } as const

export function isThisBroker (broker: Broker, resourceName: string): boolean {
  return resourceName === '' || resourceName === String(broker.nodeId)
}
