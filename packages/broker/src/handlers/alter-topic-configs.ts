// Shared by AlterConfigs and IncrementalAlterConfigs: apply a new override map to a topic (or
// refuse a BROKER resource: broker settings are static), mapping failures to Kafka's codes.

import { ErrorCode } from '@tributary/protocol'
import type { Broker } from '../broker.ts'
import { BrokerError } from '../broker-error.ts'
import { isThisBroker, ResourceType } from './config-resource.ts'

export interface AlterResult { errorCode: number; errorMessage: string | null; resourceType: number; resourceName: string }

export async function alterResource (
  broker: Broker,
  resource: { resourceType: number; resourceName: string },
  computeOverrides: (current: Readonly<Record<string, string>>) => Record<string, string>,
  validateOnly: boolean,
): Promise<AlterResult> {
  const base = { resourceType: resource.resourceType, resourceName: resource.resourceName }
  try {
    if (resource.resourceType === ResourceType.BROKER) {
      if (!isThisBroker(broker, resource.resourceName)) throw new BrokerError(ErrorCode.INVALID_REQUEST, `Unknown broker ${resource.resourceName}`)
      throw new BrokerError(ErrorCode.INVALID_REQUEST, 'Broker settings cannot be updated dynamically; set them in server.properties or with --override')
    }
    if (resource.resourceType !== ResourceType.TOPIC) throw new BrokerError(ErrorCode.INVALID_REQUEST, `Unsupported resource type ${resource.resourceType}`)
    const topic = broker.topics.get(resource.resourceName)
    if (topic === undefined) throw new BrokerError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `The topic '${resource.resourceName}' does not exist.`)
    await broker.topics.setConfigs(topic.name, computeOverrides(topic.configs), { validateOnly })
    return { ...base, errorCode: 0, errorMessage: null }
  } catch (err) {
    if (err instanceof BrokerError) return { ...base, errorCode: err.errorCode, errorMessage: err.message }
    throw err
  }
}
