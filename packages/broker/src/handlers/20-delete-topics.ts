// DeleteTopics (key 20), v0–6: by name (v0–5 TopicNames, v6 Topics[].Name) or by id (v6).
// Unknown → UNKNOWN_TOPIC_OR_PARTITION / UNKNOWN_TOPIC_ID; delete.topic.enable=false →
// TOPIC_DELETION_DISABLED. The topic disappears from Metadata before its files are removed.

import { ErrorCode } from '@tributary/protocol'
import type { DeleteTopicsRequest, DeleteTopicsResponse, DeleteTopicsResponseDeletableTopicResult } from '@tributary/protocol'
import type { Broker } from '../broker.ts'
import { BrokerError } from '../broker-error.ts'
import type { ApiHandler } from '../handler.ts'

type Result = DeleteTopicsResponseDeletableTopicResult

const ZERO_UUID = '0'.repeat(32)

async function deleteOne (broker: Broker, name: string | null, topicId: string): Promise<Result> {
  const byId = name === null
  const topic = byId ? broker.topics.getById(topicId) : broker.topics.get(name)
  const base = { name: topic?.name ?? name, topicId: topic?.id ?? topicId }
  if (topic === undefined) {
    return byId
      ? { ...base, errorCode: ErrorCode.UNKNOWN_TOPIC_ID, errorMessage: 'This server does not host this topic ID.' }
      : { ...base, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: 'This server does not host this topic-partition.' }
  }
  if (!broker.config['delete.topic.enable']) return { ...base, errorCode: ErrorCode.TOPIC_DELETION_DISABLED, errorMessage: 'Topic deletion is disabled.' }
  try {
    await broker.topics.delete(topic.name)
    return { ...base, errorCode: 0, errorMessage: null }
  } catch (err) {
    if (err instanceof BrokerError) return { ...base, errorCode: err.errorCode, errorMessage: err.message }
    throw err
  }
}

export const deleteTopicsHandler: ApiHandler<DeleteTopicsRequest, DeleteTopicsResponse> = {
  apiKey: 20,
  name: 'DeleteTopics',
  minVersion: 0,
  maxVersion: 6,
  async handle (req, ctx) {
    const wanted = ctx.apiVersion >= 6
      ? req.topics.map((t) => ({ name: t.name ?? null, topicId: t.topicId ?? ZERO_UUID }))
      : req.topicNames.map((name) => ({ name, topicId: ZERO_UUID }))
    const responses: Result[] = []
    for (const w of wanted) responses.push(await deleteOne(ctx.broker, w.name, w.topicId))
    return { throttleTimeMs: 0, responses }
  },
}
