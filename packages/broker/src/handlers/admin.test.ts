// Topic and config administration through real clients (KafkaJS: non-flexible versions;
// @platformatic/kafka: flexible versions) and raw requests for exact error codes.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { Admin } from '@platformatic/kafka'
import { ErrorCode } from '@tributary/protocol'
import kafkajs from 'kafkajs'
import { RawClient } from '../testing/raw-client.ts'
import { clientBatch } from '../testing/record-batch.ts'
import { startTestBroker } from '../testing/test-broker.ts'
import type { TestBroker } from '../testing/test-broker.ts'

const { ConfigResourceTypes, Kafka, logLevel } = kafkajs

let tb: TestBroker
let raw: RawClient

before(async () => {
  tb = await startTestBroker({ 'num.partitions': 2, 'log.retention.hours': 48 })
  raw = await RawClient.connect(tb.broker.port)
})
after(async () => {
  raw.close()
  await tb.stop()
})

function createTopicsBody (name: string, extra: Record<string, unknown> = {}) {
  return { topics: [{ name, numPartitions: 1, replicationFactor: 1, assignments: [], configs: [], ...extra }], timeoutMs: 1000, validateOnly: false }
}

test('KafkaJS: create, describe, alter configs, add partitions, delete records, delete', async () => {
  const kafka = new Kafka({ brokers: [tb.bootstrap], logLevel: logLevel.NOTHING })
  const admin = kafka.admin()
  await admin.connect()
  try {
    assert.equal(await admin.createTopics({ topics: [{ topic: 'kjs-a', numPartitions: 3, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }] }), true)
    assert.equal(await admin.createTopics({ validateOnly: true, waitForLeaders: false, topics: [{ topic: 'kjs-never', numPartitions: 1 }] }), true)
    assert.equal(await admin.createTopics({ topics: [{ topic: 'kjs-a' }] }), false, 'already exists')
    assert.ok(!(await admin.listTopics()).includes('kjs-never'), 'validate_only created nothing')
    const md = await admin.fetchTopicMetadata({ topics: ['kjs-a'] })
    assert.equal(md.topics[0].partitions.length, 3)

    const described = await admin.describeConfigs({ includeSynonyms: true, resources: [{ type: ConfigResourceTypes.TOPIC, name: 'kjs-a' }] })
    const entries = new Map(described.resources[0].configEntries.map((e) => [e.configName, e]))
    assert.equal(entries.get('cleanup.policy')?.configValue, 'compact')
    assert.equal(entries.get('cleanup.policy')?.configSource, 1, 'DYNAMIC_TOPIC_CONFIG')
    assert.equal(entries.get('retention.ms')?.configValue, String(48 * 3_600_000), 'falls back to log.retention.hours')
    assert.equal(entries.get('retention.ms')?.configSource, 4, 'STATIC_BROKER_CONFIG')
    assert.equal(entries.get('segment.bytes')?.configSource, 5, 'DEFAULT_CONFIG')
    assert.ok(entries.size >= 20, 'every topic config, defaults included')

    await admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: 'kjs-a', configEntries: [{ name: 'retention.ms', value: '1000' }] }] })
    assert.deepEqual(tb.broker.topics.get('kjs-a')?.configs, { 'retention.ms': '1000' }, 'AlterConfigs replaces the whole override set')
    assert.equal(tb.broker.topics.get('kjs-a')?.logConfig.retentionMs, 1000)

    await admin.createPartitions({ topicPartitions: [{ topic: 'kjs-a', count: 5 }] })
    assert.equal(tb.broker.topics.get('kjs-a')?.partitions.length, 5)
    await assert.rejects(admin.createPartitions({ topicPartitions: [{ topic: 'kjs-a', count: 2 }] }))

    const producer = kafka.producer()
    await producer.connect()
    await producer.send({ topic: 'kjs-a', messages: Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: 'v', partition: 0 })) })
    await producer.disconnect()
    await admin.deleteTopicRecords({ topic: 'kjs-a', partitions: [{ partition: 0, offset: '3' }] })
    const offsets = await admin.fetchTopicOffsets('kjs-a')
    assert.deepEqual(offsets.find((o) => o.partition === 0), { partition: 0, offset: '5', high: '5', low: '3' })

    const cluster = await admin.describeCluster()
    assert.equal(cluster.brokers[0].port, tb.broker.port)

    assert.equal(await admin.deleteTopics({ topics: ['kjs-a'] }), undefined)
    assert.ok(!(await admin.listTopics()).includes('kjs-a'))
  } finally {
    await admin.disconnect()
  }
})

test('@platformatic/kafka: create with configs, incremental alter, describe cluster config, delete', async () => {
  const admin = new Admin({ clientId: 'plt-admin', bootstrapBrokers: [tb.bootstrap] })
  try {
    const [created] = await admin.createTopics({ topics: ['plt-a'], partitions: 4, replicas: 1, configs: [{ name: 'max.message.bytes', value: '5000' }] })
    assert.equal(created.partitions, 4)
    assert.equal(created.id, tb.broker.topics.get('plt-a')?.id.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'))
    assert.equal(created.configuration['max.message.bytes'], '5000')

    await admin.incrementalAlterConfigs({ resources: [{ resourceType: 2, resourceName: 'plt-a', configs: [
      { name: 'cleanup.policy', configOperation: 2, value: 'compact' },
      { name: 'max.message.bytes', configOperation: 1, value: null },
    ] }] } as any)
    assert.deepEqual(tb.broker.topics.get('plt-a')?.configs, { 'cleanup.policy': 'delete,compact' })
    assert.equal(tb.broker.topics.get('plt-a')?.logConfig.cleanupPolicy, 'compact,delete')

    const [brokerConfig] = await admin.describeConfigs({ resources: [{ resourceType: 4, resourceName: String(tb.broker.nodeId), configurationKeys: ['num.partitions', 'message.max.bytes'] }] })
    assert.deepEqual(brokerConfig.configs.map((c) => [c.name, c.value]), [['message.max.bytes', '1048588'], ['num.partitions', '2']])

    await admin.createPartitions({ topics: [{ name: 'plt-a', count: 6, assignments: [] }] } as any)
    assert.equal(tb.broker.topics.get('plt-a')?.partitions.length, 6)
    await admin.deleteTopics({ topics: ['plt-a'] })
    assert.equal(tb.broker.topics.get('plt-a'), undefined)
  } finally {
    await admin.close()
  }
})

test('CreateTopics error codes (raw)', async () => {
  await raw.request(19, 7, createTopicsBody('dup'))
  const cases: Array<[object, number]> = [
    [createTopicsBody('dup'), ErrorCode.TOPIC_ALREADY_EXISTS],
    [createTopicsBody('bad name!'), ErrorCode.INVALID_TOPIC_EXCEPTION],
    [createTopicsBody('rf3', { replicationFactor: 3 }), ErrorCode.INVALID_REPLICATION_FACTOR],
    [createTopicsBody('zero', { numPartitions: 0 }), ErrorCode.INVALID_PARTITIONS],
    [createTopicsBody('badcfg', { configs: [{ name: 'retention.ms', value: 'soon' }] }), ErrorCode.INVALID_CONFIG],
    [createTopicsBody('unknowncfg', { configs: [{ name: 'no.such', value: '1' }] }), ErrorCode.INVALID_CONFIG],
    [createTopicsBody('d_u_p'), 0],
    [createTopicsBody('d.u.p'), ErrorCode.INVALID_TOPIC_EXCEPTION],
    [createTopicsBody('__consumer_offsets'), ErrorCode.INVALID_TOPIC_EXCEPTION],
  ]
  for (const [body, code] of cases) {
    const res = await raw.request(19, 7, body)
    assert.equal(res.topics[0].errorCode, code, JSON.stringify(body))
  }
  // KafkaJS's version (v3, non-flexible) gets the same answers.
  const v3 = await raw.request(19, 3, createTopicsBody('dup'))
  assert.equal(v3.topics[0].errorCode, ErrorCode.TOPIC_ALREADY_EXISTS)
  // Default partition count comes from num.partitions.
  const dflt = await raw.request(19, 7, createTopicsBody('dflt', { numPartitions: -1, replicationFactor: -1 }))
  assert.equal(dflt.topics[0].numPartitions, 2)
})

test('DeleteTopics by id (v6) and unknown ids/names', async () => {
  await raw.request(19, 7, createTopicsBody('by-id'))
  const id = tb.broker.topics.get('by-id')!.id
  const res = await raw.request(20, 6, { topics: [{ name: null, topicId: id }, { name: null, topicId: 'ab'.repeat(16) }, { name: 'nope', topicId: '0'.repeat(32) }], timeoutMs: 1000 })
  assert.deepEqual(res.responses.map((r: any) => [r.name, r.errorCode]), [['by-id', 0], [null, ErrorCode.UNKNOWN_TOPIC_ID], ['nope', ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]])
  assert.equal(tb.broker.topics.get('by-id'), undefined)
})

test('Metadata auto-creates only when enabled and allowed', async () => {
  const noAuto = await raw.request(3, 12, { topics: [{ topicId: '0'.repeat(32), name: 'auto-no' }], allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false })
  assert.equal(noAuto.topics[0].errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION)
  const auto = await raw.request(3, 12, { topics: [{ topicId: '0'.repeat(32), name: 'auto-yes' }], allowAutoTopicCreation: true, includeTopicAuthorizedOperations: false })
  assert.equal(auto.topics[0].errorCode, 0)
  assert.equal(auto.topics[0].partitions.length, 2)
  assert.equal(auto.topics[0].topicId, tb.broker.topics.get('auto-yes')!.id)
  const invalid = await raw.request(3, 12, { topics: [{ topicId: '0'.repeat(32), name: 'bad/name' }], allowAutoTopicCreation: true, includeTopicAuthorizedOperations: false })
  assert.equal(invalid.topics[0].errorCode, ErrorCode.INVALID_TOPIC_EXCEPTION)
})

test('AlterConfigs refuses broker resources and bad values', async () => {
  await raw.request(19, 7, createTopicsBody('alter-me'))
  const res = await raw.request(33, 2, { resources: [
    { resourceType: 4, resourceName: '', configs: [{ name: 'num.partitions', value: '3' }] },
    { resourceType: 2, resourceName: 'alter-me', configs: [{ name: 'retention.ms', value: 'x' }] },
    { resourceType: 2, resourceName: 'missing', configs: [] },
  ], validateOnly: false })
  assert.deepEqual(res.responses.map((r: any) => r.errorCode), [ErrorCode.INVALID_REQUEST, ErrorCode.INVALID_CONFIG, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION])
})

test('OffsetForLeaderEpoch, DescribeCluster endpoint types, manual assignments, DeleteRecords bounds (raw)', async () => {
  await raw.request(19, 7, createTopicsBody('epochs'))
  const ofle = await raw.request(23, 4, { replicaId: -1, topics: [{ topic: 'epochs', partitions: [
    { partition: 0, currentLeaderEpoch: -1, leaderEpoch: 0 },
    { partition: 0, currentLeaderEpoch: 0, leaderEpoch: 3 },
    { partition: 0, currentLeaderEpoch: 2, leaderEpoch: 0 },
    { partition: 4, currentLeaderEpoch: -1, leaderEpoch: 0 },
  ] }] })
  assert.deepEqual(ofle.topics[0].partitions.map((p: any) => [p.errorCode, p.leaderEpoch, Number(p.endOffset)]),
    [[0, 0, 0], [0, -1, -1], [ErrorCode.UNKNOWN_LEADER_EPOCH, -1, -1], [ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, -1, -1]])

  const brokers = await raw.request(60, 1, { includeClusterAuthorizedOperations: false, endpointType: 1 })
  assert.deepEqual([brokers.errorCode, brokers.brokers.length, brokers.controllerId], [0, 1, tb.broker.nodeId])
  const controllers = await raw.request(60, 1, { includeClusterAuthorizedOperations: false, endpointType: 2 })
  assert.equal(controllers.errorCode, ErrorCode.MISMATCHED_ENDPOINT_TYPE)

  const assigned = await raw.request(19, 7, createTopicsBody('assigned', { numPartitions: -1, replicationFactor: -1, assignments: [{ partitionIndex: 0, brokerIds: [tb.broker.nodeId] }, { partitionIndex: 1, brokerIds: [tb.broker.nodeId] }] }))
  assert.deepEqual([assigned.topics[0].errorCode, assigned.topics[0].numPartitions], [0, 2])
  const elsewhere = await raw.request(19, 7, createTopicsBody('elsewhere', { numPartitions: -1, replicationFactor: -1, assignments: [{ partitionIndex: 0, brokerIds: [42] }] }))
  assert.equal(elsewhere.topics[0].errorCode, ErrorCode.INVALID_REPLICA_ASSIGNMENT)
  const both = await raw.request(19, 7, createTopicsBody('both', { numPartitions: 2, assignments: [{ partitionIndex: 0, brokerIds: [tb.broker.nodeId] }] }))
  assert.equal(both.topics[0].errorCode, ErrorCode.INVALID_REQUEST)

  const beyond = await raw.request(21, 2, { topics: [{ name: 'epochs', partitions: [{ partitionIndex: 0, offset: 5 }, { partitionIndex: 3, offset: 0 }] }], timeoutMs: 1000 })
  assert.deepEqual(beyond.topics[0].partitions.map((p: any) => p.errorCode), [ErrorCode.OFFSET_OUT_OF_RANGE, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION])
})

test('DescribeLogDirs reports the data dir and partition sizes (@platformatic/kafka and raw)', async () => {
  await raw.request(19, 7, createTopicsBody('sized-dir'))
  await raw.request(0, 9, { transactionalId: null, acks: -1, timeoutMs: 1000, topicData: [{ name: 'sized-dir', partitionData: [{ index: 0, records: clientBatch([{ key: 'k', value: 'x'.repeat(500) }]) }] }] })
  const res = await raw.request(35, 4, { topics: [{ topic: 'sized-dir', partitions: [0, 9] }, { topic: 'missing', partitions: [0] }] })
  assert.equal(res.results[0].logDir, tb.dataDir)
  assert.deepEqual(res.results[0].topics.map((t: any) => [t.name, t.partitions.map((p: any) => p.partitionIndex)]), [['sized-dir', [0]]])
  assert.ok(Number(res.results[0].topics[0].partitions[0].partitionSize) > 500)
  assert.ok(Number(res.results[0].totalBytes) > 0 && Number(res.results[0].usableBytes) > 0)
  const admin = new Admin({ clientId: 'plt-logdirs', bootstrapBrokers: [tb.bootstrap] })
  try {
    const dirs = await admin.describeLogDirs({ topics: [{ name: 'sized-dir', partitions: [0] }] } as any)
    assert.equal(JSON.stringify(dirs, (_, v) => (typeof v === 'bigint' ? Number(v) : v)).includes(tb.dataDir), true)
  } finally {
    await admin.close()
  }
})
