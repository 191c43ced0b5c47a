// CreatePartitions (key 37), v0–3. Grows a topic to `count` partitions (never shrinks:
// INVALID_PARTITIONS); manual assignments may only name this node. validate_only checks only.

import { ErrorCode } from '@tributary/protocol'
import type { CreatePartitionsRequest, CreatePartitionsResponse } from '@tributary/protocol'
import { BrokerError } from '../broker-error.ts'
import type { ApiHandler } from '../handler.ts'

export const createPartitionsHandler: ApiHandler<CreatePartitionsRequest, CreatePartitionsResponse> = {
  apiKey: 37,
  name: 'CreatePartitions',
  minVersion: 0,
  maxVersion: 3,
  async handle (req, ctx) {
    const results = []
    const node = ctx.broker.nodeId
    for (const t of req.topics) {
      try {
        const stranger = t.assignments?.flatMap((a) => a.brokerIds).find((id) => id !== node)
        if (stranger !== undefined) {
          throw new BrokerError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `The manual partition assignment includes broker ${stranger}, but no such broker is registered.`)
        }
        await ctx.broker.topics.createPartitions(t.name, t.count, { validateOnly: req.validateOnly })
        results.push({ name: t.name, errorCode: 0, errorMessage: null })
      } catch (err) {
        if (!(err instanceof BrokerError)) throw err
        results.push({ name: t.name, errorCode: err.errorCode, errorMessage: err.message })
      }
    }
    return { throttleTimeMs: 0, results }
  },
}
