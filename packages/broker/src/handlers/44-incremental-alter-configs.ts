// IncrementalAlterConfigs (key 44), v0–1. SET / DELETE per key, APPEND / SUBTRACT for list
// configs (cleanup.policy); a key named twice is INVALID_REQUEST. The resulting override set
// is validated, persisted and applied live. BROKER resources are refused (settings are static).

import { ErrorCode } from '@tributary/protocol'
import type { IncrementalAlterConfigsRequest, IncrementalAlterConfigsResponse } from '@tributary/protocol'
import { BrokerError } from '../broker-error.ts'
import { TOPIC_CONFIG_SCHEMA, topicConfigValue } from '../config/topic-config.ts'
import type { ApiHandler } from '../handler.ts'
import { alterResource } from './alter-topic-configs.ts'

const Op = { SET: 0, DELETE: 1, APPEND: 2, SUBTRACT: 3 } as const

export const incrementalAlterConfigsHandler: ApiHandler<IncrementalAlterConfigsRequest, IncrementalAlterConfigsResponse> = {
  apiKey: 44,
  name: 'IncrementalAlterConfigs',
  minVersion: 0,
  maxVersion: 1,
  async handle (req, ctx) {
    const responses = []
    for (const r of req.resources) {
      responses.push(await alterResource(ctx.broker, r, (current) => {
        const next: Record<string, string> = { ...current }
        const seen = new Set<string>()
        for (const c of r.configs) {
          if (seen.has(c.name)) throw new BrokerError(ErrorCode.INVALID_REQUEST, 'Error due to duplicate config keys')
          seen.add(c.name)
          if (c.configOperation === Op.DELETE) { delete next[c.name]; continue }
          if (c.value === null) throw new BrokerError(ErrorCode.INVALID_REQUEST, `Null value not supported for: ${c.name}`)
          if (c.configOperation === Op.SET) { next[c.name] = c.value; continue }
          if (c.configOperation !== Op.APPEND && c.configOperation !== Op.SUBTRACT) throw new BrokerError(ErrorCode.INVALID_REQUEST, `Unknown config operation ${c.configOperation}`)
          if (TOPIC_CONFIG_SCHEMA[c.name]?.type !== 'list') {
            throw new BrokerError(ErrorCode.INVALID_CONFIG, `Can't ${c.configOperation === Op.APPEND ? 'APPEND' : 'SUBTRACT'} to key ${c.name} because its type is not LIST.`)
          }
          const list = topicConfigValue(c.name, next, ctx.broker.config) as string[]
          const items = c.value.split(',').map((s) => s.trim()).filter((s) => s !== '')
          const updated = c.configOperation === Op.APPEND ? [...list, ...items.filter((i) => !list.includes(i))] : list.filter((i) => !items.includes(i))
          next[c.name] = updated.join(',')
        }
        return next
      }, req.validateOnly))
    }
    return { throttleTimeMs: 0, responses }
  },
}
