// DescribeConfigs (key 32), v1–4 (v0 only differs by IsDefault; Kafka 4 dropped it). TOPIC
// resources list every topic config including defaults with their source (topic override,
// static broker setting, built-in default); BROKER resources list the broker's settings
// (read-only: they come from server.properties / --override). Synonyms and docs on request.

import { ErrorCode } from '@tributary/protocol'
import type { DescribeConfigsRequest, DescribeConfigsResponse, DescribeConfigsResponseDescribeConfigsResult } from '@tributary/protocol'
import { describeBrokerConfig, describeTopicConfig } from '../config/config-description.ts'
import type { ApiHandler } from '../handler.ts'
import { isThisBroker, ResourceType } from './config-resource.ts'

type Result = DescribeConfigsResponseDescribeConfigsResult

export const describeConfigsHandler: ApiHandler<DescribeConfigsRequest, DescribeConfigsResponse> = {
  apiKey: 32,
  name: 'DescribeConfigs',
  minVersion: 1,
  maxVersion: 4,
  handle (req, ctx) {
    const broker = ctx.broker
    const options = {
      includeSynonyms: req.includeSynonyms === true,
      includeDocumentation: ctx.apiVersion >= 3 && req.includeDocumentation === true,
    }
    const results = req.resources.map((r): Result => {
      const base = { resourceType: r.resourceType, resourceName: r.resourceName }
      const keys = r.configurationKeys
      if (r.resourceType === ResourceType.TOPIC) {
        const topic = broker.topics.get(r.resourceName)
        if (topic === undefined) return { ...base, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: `Topic ${r.resourceName} does not exist`, configs: [] }
        return { ...base, errorCode: 0, errorMessage: null, configs: describeTopicConfig(topic.configs, broker.config, broker.explicitConfig, { ...options, keys }) }
      }
      if (r.resourceType === ResourceType.BROKER) {
        if (!isThisBroker(broker, r.resourceName)) return { ...base, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Unknown broker ${r.resourceName}`, configs: [] }
        return { ...base, errorCode: 0, errorMessage: null, configs: describeBrokerConfig(broker.config, broker.explicitConfig, { ...options, keys }) }
      }
      if (r.resourceType === ResourceType.BROKER_LOGGER) return { ...base, errorCode: 0, errorMessage: null, configs: [] }
      return { ...base, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Unsupported resource type ${r.resourceType}`, configs: [] }
    })
    return { throttleTimeMs: 0, results }
  },
}
