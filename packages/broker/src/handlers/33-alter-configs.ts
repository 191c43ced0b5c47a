// AlterConfigs (key 33), v0–2. Replaces a topic's whole override set (keys not named revert
// to the broker default), validated, persisted and applied live to the partition logs.
// BROKER resources are refused (settings are static).

import { ErrorCode } from '@tributary/protocol'
import type { AlterConfigsRequest, AlterConfigsResponse } from '@tributary/protocol'
import { BrokerError } from '../broker-error.ts'
import type { ApiHandler } from '../handler.ts'
import { alterResource } from './alter-topic-configs.ts'

export const alterConfigsHandler: ApiHandler<AlterConfigsRequest, AlterConfigsResponse> = {
  apiKey: 33,
  name: 'AlterConfigs',
  minVersion: 0,
  maxVersion: 2,
  async handle (req, ctx) {
    const responses = []
    for (const r of req.resources) {
      responses.push(await alterResource(ctx.broker, r, () => {
        const next: Record<string, string> = {}
        for (const c of r.configs) {
          if (c.value === null) throw new BrokerError(ErrorCode.INVALID_REQUEST, `Null value not supported for: ${c.name}`)
          next[c.name] = c.value
        }
        return next
      }, req.validateOnly))
    }
    return { throttleTimeMs: 0, responses }
  },
}
