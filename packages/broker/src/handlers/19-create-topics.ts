// CreateTopics (key 19), v0–7. Validates names (INVALID_TOPIC_EXCEPTION), partition counts
// (INVALID_PARTITIONS), replication factor (anything but 1 → INVALID_REPLICATION_FACTOR on one
// node), manual assignments (only this node → else INVALID_REPLICA_ASSIGNMENT) and configs
// (INVALID_CONFIG); existing → TOPIC_ALREADY_EXISTS. validate_only checks without creating.
// v5+ returns the resulting partitions, replication factor and every config; v7 the topic id.

import { ErrorCode } from '@tributary/protocol'
import type { CreateTopicsRequest, CreateTopicsRequestCreatableTopic, CreateTopicsResponse, CreateTopicsResponseCreatableTopicResult } from '@tributary/protocol'
import type { Broker } from '../broker.ts'
import { BrokerError } from '../broker-error.ts'
import { describeTopicConfig } from '../config/config-description.ts'
import type { ApiHandler } from '../handler.ts'

type Result = CreateTopicsResponseCreatableTopicResult

const ZERO_UUID = '0'.repeat(32)

function partitionsFromAssignments (broker: Broker, t: CreateTopicsRequestCreatableTopic): number | undefined {
  if (t.assignments.length === 0) return undefined
  if (t.numPartitions !== -1 || t.replicationFactor !== -1) {
    throw new BrokerError(ErrorCode.INVALID_REQUEST, 'Both numPartitions or replicationFactor and replicasAssignments were set. Both cannot be used at the same time.')
  }
  const indexes = t.assignments.map((a) => a.partitionIndex).sort((a, b) => a - b)
  if (indexes.some((p, i) => p !== i)) throw new BrokerError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, 'Partitions should be a consecutive 0-based integer sequence')
  for (const a of t.assignments) {
    const stranger = a.brokerIds.find((id) => id !== broker.nodeId)
    if (stranger !== undefined) throw new BrokerError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `The manual partition assignment includes broker ${stranger}, but no such broker is registered.`)
    if (a.brokerIds.length !== 1) throw new BrokerError(ErrorCode.INVALID_REPLICATION_FACTOR, `Unable to replicate the partition ${a.brokerIds.length} time(s): only 1 broker(s) are registered.`)
  }
  return t.assignments.length
}

async function createOne (broker: Broker, t: CreateTopicsRequestCreatableTopic, validateOnly: boolean): Promise<Result> {
  const base = { name: t.name, topicId: ZERO_UUID, numPartitions: -1, replicationFactor: -1, configs: null }
  try {
    const configs: Record<string, string> = {}
    for (const c of t.configs) {
      if (c.value === null) throw new BrokerError(ErrorCode.INVALID_CONFIG, `Null value not supported for topic configs: ${c.name}`)
      configs[c.name] = c.value // a repeated key: the last one wins, as in Kafka
    }
    const fromAssignments = partitionsFromAssignments(broker, t)
    const topic = await broker.topics.create(t.name, {
      partitions: fromAssignments ?? t.numPartitions,
      replicationFactor: fromAssignments === undefined ? t.replicationFactor : 1,
      configs,
      validateOnly,
    })
    return {
      ...base,
      topicId: validateOnly ? ZERO_UUID : topic.id,
      errorCode: 0,
      errorMessage: null,
      numPartitions: validateOnly ? (fromAssignments ?? (t.numPartitions === -1 ? broker.config['num.partitions'] : t.numPartitions)) : topic.partitions.length,
      replicationFactor: 1,
      configs: describeTopicConfig(topic.configs, broker.config, broker.explicitConfig, { keys: null, includeSynonyms: false, includeDocumentation: false })
        .map((e) => ({ name: e.name, value: e.value, readOnly: e.readOnly, configSource: e.configSource, isSensitive: e.isSensitive })),
    }
  } catch (err) {
    if (err instanceof BrokerError) return { ...base, errorCode: err.errorCode, errorMessage: err.message }
    throw err
  }
}

export const createTopicsHandler: ApiHandler<CreateTopicsRequest, CreateTopicsResponse> = {
  apiKey: 19,
  name: 'CreateTopics',
  minVersion: 0,
  maxVersion: 7,
  async handle (req, ctx) {
    const names = req.topics.map((t) => t.name)
    const results: Result[] = []
    const answered = new Set<string>()
    for (const t of req.topics) {
      if (names.indexOf(t.name) !== names.lastIndexOf(t.name)) {
        // A name given twice is answered once, as Kafka does.
        if (!answered.has(t.name)) results.push({ name: t.name, topicId: ZERO_UUID, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: 'Duplicate topic name.', numPartitions: -1, replicationFactor: -1, configs: null })
        answered.add(t.name)
        continue
      }
      results.push(await createOne(ctx.broker, t, ctx.apiVersion >= 1 && req.validateOnly))
    }
    return { throttleTimeMs: 0, topics: results }
  },
}
