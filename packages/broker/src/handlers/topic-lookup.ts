// Finding a topic for a request, with auto-creation (auto.create.topics.enable) where the
// API allows it, and Kafka's error for a name that can never exist.

import { ErrorCode } from '@tributary/protocol'
import type { Broker } from '../broker.ts'
import { BrokerError } from '../broker-error.ts'
import type { Topic } from '../topics/topic-registry.ts'
import { topicNameProblem } from '../topics/topic-name.ts'

export type TopicLookup = { topic: Topic } | { errorCode: number; message: string }

export async function resolveTopicForWrite (broker: Broker, name: string, allowAutoCreate: boolean): Promise<TopicLookup> {
  const existing = broker.topics.get(name)
  if (existing !== undefined) return { topic: existing }
  const problem = topicNameProblem(name)
  if (problem !== undefined) return { errorCode: ErrorCode.INVALID_TOPIC_EXCEPTION, message: problem }
  if (!allowAutoCreate || !broker.config['auto.create.topics.enable']) {
    return { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, message: 'This server does not host this topic-partition.' }
  }
  try {
    return { topic: await broker.topics.autoCreate(name) }
  } catch (err) {
    if (err instanceof BrokerError) return { errorCode: err.errorCode, message: err.message }
    throw err
  }
}
