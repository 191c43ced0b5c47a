// Metadata (key 3), v0–12. One broker (this node, the controller), every partition led by it
// with leader epoch 0. Null topics (v1+) or an empty list (v0) = all topics. Unknown topics are
// auto-created when auto.create.topics.enable and the request allows it (v4+ flag; always
// for v0–3); v10+ may ask by topic id. Authorized operations are not computed (INT32_MIN).

import { ErrorCode } from '@tributary/protocol'
import type { MetadataRequest, MetadataResponse, MetadataResponseMetadataResponseTopic } from '@tributary/protocol'
import type { Broker } from '../broker.ts'
import type { ApiHandler } from '../handler.ts'
import type { Topic } from '../topics/topic-registry.ts'
import { LEADER_EPOCH } from './leader-epoch.ts'
import { resolveTopicForWrite } from './topic-lookup.ts'

type TopicResponse = MetadataResponseMetadataResponseTopic

const NO_OPS = -2147483648
const ZERO_UUID = '0'.repeat(32)

function describeTopic (broker: Broker, topic: Topic): TopicResponse {
  const node = broker.nodeId
  return {
    errorCode: 0,
    name: topic.name,
    topicId: topic.id,
    isInternal: topic.internal,
    partitions: topic.partitions.map((_, partitionIndex) => ({
      errorCode: 0, partitionIndex, leaderId: node, leaderEpoch: LEADER_EPOCH, replicaNodes: [node], isrNodes: [node], offlineReplicas: [],
    })),
    topicAuthorizedOperations: NO_OPS,
  }
}

function topicError (name: string | null, topicId: string, errorCode: number): TopicResponse {
  return { errorCode, name, topicId, isInternal: false, partitions: [], topicAuthorizedOperations: NO_OPS }
}

export const metadataHandler: ApiHandler<MetadataRequest, MetadataResponse> = {
  apiKey: 3,
  name: 'Metadata',
  minVersion: 0,
  maxVersion: 12,
  async handle (req, ctx) {
    const broker = ctx.broker
    const all = req.topics === null || (ctx.apiVersion === 0 && req.topics.length === 0)
    const allowAutoCreate = ctx.apiVersion < 4 || req.allowAutoTopicCreation
    let topics: TopicResponse[]
    if (all) {
      topics = broker.topics.list().map((t) => describeTopic(broker, t))
    } else {
      topics = await Promise.all((req.topics ?? []).map(async (wanted) => {
        if (wanted.name === null || wanted.name === undefined) {
          const byId = wanted.topicId !== undefined && wanted.topicId !== ZERO_UUID ? broker.topics.getById(wanted.topicId) : undefined
          return byId === undefined ? topicError(null, wanted.topicId ?? ZERO_UUID, ErrorCode.UNKNOWN_TOPIC_ID) : describeTopic(broker, byId)
        }
        const found = await resolveTopicForWrite(broker, wanted.name, allowAutoCreate)
        return 'topic' in found ? describeTopic(broker, found.topic) : topicError(wanted.name, ZERO_UUID, found.errorCode)
      }))
    }
    return {
      throttleTimeMs: 0,
      brokers: [{ nodeId: broker.nodeId, host: broker.host, port: broker.port, rack: null }],
      clusterId: broker.clusterId,
      controllerId: broker.nodeId,
      topics,
      clusterAuthorizedOperations: NO_OPS,
    }
  },
}
