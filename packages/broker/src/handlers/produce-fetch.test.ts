// Produce / Fetch / ListOffsets / InitProducerId through KafkaJS (Produce v7, Fetch v11),
// @platformatic/kafka (flexible versions) and raw requests for the exact protocol cases.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { Consumer, Producer, stringSerializers } from '@platformatic/kafka'
import { ErrorCode } from '@tributary/protocol'
import kafkajs from 'kafkajs'
import { decodeBatches, fetchBody, readAll } from '../testing/fetch-records.ts'
import { RawClient } from '../testing/raw-client.ts'
import { clientBatch } from '../testing/record-batch.ts'
import { startTestBroker } from '../testing/test-broker.ts'
import type { TestBroker } from '../testing/test-broker.ts'

const { Kafka, logLevel } = kafkajs

let tb: TestBroker
let raw: RawClient

before(async () => {
  tb = await startTestBroker({ 'num.partitions': 1, 'group.initial.rebalance.delay.ms': 0 })
  raw = await RawClient.connect(tb.broker.port)
})
after(async () => {
  raw.close()
  await tb.stop()
})

function produceBody (topic: string, partition: number, records: Buffer | null, acks = -1) {
  return { transactionalId: null, acks, timeoutMs: 5000, topicData: [{ name: topic, partitionData: [{ index: partition, records }] }] }
}

async function createTopic (name: string, partitions = 1, configs: Array<{ name: string; value: string }> = []): Promise<void> {
  const res = await raw.request(19, 7, { topics: [{ name, numPartitions: partitions, replicationFactor: 1, assignments: [], configs }], timeoutMs: 1000, validateOnly: false })
  assert.equal(res.topics[0].errorCode, 0)
}

test('KafkaJS produces with acks -1, 1 and 0; records read back in order (Fetch v11 and v12)', async () => {
  await createTopic('kjs-acks')
  const kafka = new Kafka({ brokers: [tb.bootstrap], logLevel: logLevel.NOTHING })
  const producer = kafka.producer()
  await producer.connect()
  try {
    for (const acks of [-1, 1, 0]) {
      await producer.send({ topic: 'kjs-acks', acks, messages: Array.from({ length: 10 }, (_, i) => ({ key: `${acks}:${i}`, value: `v${i}` })) })
    }
    // acks=0 has no response: wait until the log has everything.
    const deadline = Date.now() + 5000
    while (tb.broker.topics.getPartition('kjs-acks', 0)!.logEndOffset() < 30 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
  } finally {
    await producer.disconnect()
  }
  for (const version of [11, 12]) {
    const records = await readAll(raw, 'kjs-acks', 0, 0, version)
    assert.deepEqual(records.map((r) => r.offset), Array.from({ length: 30 }, (_, i) => i))
    assert.deepEqual(records.slice(0, 2).map((r) => [r.key, r.value]), [['-1:0', 'v0'], ['-1:1', 'v1']])
    assert.equal(records[29].key, '0:9')
  }
})

test('@platformatic/kafka idempotent producer (flexible Produce) auto-creates and writes', async () => {
  const producer = new Producer({ clientId: 'plt', bootstrapBrokers: [tb.bootstrap], serializers: stringSerializers, idempotent: true, autocreateTopics: true })
  try {
    for (let i = 0; i < 5; i++) {
      await producer.send({ messages: Array.from({ length: 20 }, (_, j) => ({ topic: 'plt-auto', key: `k${i * 20 + j}`, value: `v${i * 20 + j}`, partition: 0 })) })
    }
  } finally {
    await producer.close()
  }
  assert.ok(tb.broker.topics.get('plt-auto') !== undefined, 'auto-created on produce')
  const records = await readAll(raw, 'plt-auto', 0)
  assert.equal(records.length, 100)
  assert.deepEqual(records.map((r) => r.key), Array.from({ length: 100 }, (_, i) => `k${i}`))
})

// Regression: @platformatic/kafka's Fetch v12 encoder writes the topic id where the name goes,
// so with Fetch capped at v12 its consumers got UNKNOWN_TOPIC_OR_PARTITION; v13+ fixes it.
test('@platformatic/kafka Consumer.fetch by topic id reads what was produced', async () => {
  const consumer = new Consumer({ clientId: 'plt-fetch', groupId: 'plt-fetch-unused', bootstrapBrokers: [tb.bootstrap] })
  try {
    const metadata = await consumer.metadata({ topics: ['plt-auto'] })
    const info = metadata.topics.get('plt-auto')!
    const response = await consumer.fetch({
      node: info.partitions[0].leader,
      maxWaitTime: 100,
      topics: [{ topicId: info.id, partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20, currentLeaderEpoch: -1, lastFetchedEpoch: -1 }] }],
    } as any)
    const data = response.responses[0].partitions[0]
    assert.equal(data.errorCode, 0)
    const count = (data.records ?? []).reduce((n: number, b: any) => n + b.records.length, 0)
    assert.equal(count, 100)
  } finally {
    await consumer.close()
  }
})

test('KafkaJS consumer group reads what @platformatic/kafka produced, keys in order', async () => {
  const kafka = new Kafka({ brokers: [tb.bootstrap], logLevel: logLevel.NOTHING })
  const consumer = kafka.consumer({ groupId: 'kjs-reads-plt', maxWaitTimeInMs: 100 })
  const keys: string[] = []
  await consumer.connect()
  try {
    await consumer.subscribe({ topic: 'plt-auto', fromBeginning: true })
    const done = new Promise<void>((resolve, reject) => {
      consumer.run({ eachMessage: async ({ message }) => { keys.push(message.key!.toString()); if (keys.length === 100) resolve() } }).catch(reject)
    })
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`only ${keys.length} records`)), 30000) })
    try {
      await Promise.race([done, timeout])
    } finally {
      clearTimeout(timer)
    }
  } finally {
    await consumer.disconnect()
  }
  assert.deepEqual(keys, Array.from({ length: 100 }, (_, i) => `k${i}`))
})

test('idempotence: a re-sent batch is deduplicated, a sequence gap is rejected', async () => {
  await createTopic('idem')
  const init = await raw.request(22, 4, { transactionalId: null, transactionTimeoutMs: 60000, producerId: -1, producerEpoch: -1 })
  assert.equal(init.errorCode, 0)
  const pid = Number(init.producerId)
  const batch = () => clientBatch([{ key: 'a', value: '1' }, { key: 'b', value: '2' }, { key: 'c', value: '3' }], { producerId: pid, producerEpoch: 0, baseSequence: 0 })
  const first = await raw.request(0, 9, produceBody('idem', 0, batch()))
  const again = await raw.request(0, 9, produceBody('idem', 0, batch()))
  assert.equal(first.responses[0].partitionResponses[0].errorCode, 0)
  assert.equal(again.responses[0].partitionResponses[0].errorCode, 0)
  assert.equal(Number(again.responses[0].partitionResponses[0].baseOffset), Number(first.responses[0].partitionResponses[0].baseOffset))
  assert.equal(tb.broker.topics.getPartition('idem', 0)!.logEndOffset(), 3, 'the duplicate was not appended')
  const gap = await raw.request(0, 9, produceBody('idem', 0, clientBatch([{ key: 'd', value: '4' }], { producerId: pid, producerEpoch: 0, baseSequence: 7 })))
  assert.equal(gap.responses[0].partitionResponses[0].errorCode, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER)
  const next = await raw.request(22, 4, { transactionalId: null, transactionTimeoutMs: 60000, producerId: -1, producerEpoch: -1 })
  assert.notEqual(Number(next.producerId), pid, 'every InitProducerId gets a fresh id')
})

test('Produce errors: acks, unknown partition, size limit, CRC, old versions', async () => {
  await createTopic('limits', 1, [{ name: 'max.message.bytes', value: '200' }])
  const ok = clientBatch([{ key: 'k', value: 'v' }])
  const check = async (body: object, code: number, version = 9) => {
    const res = await raw.request(0, version, body)
    assert.equal(res.responses[0].partitionResponses[0].errorCode, code, JSON.stringify(res.responses[0].partitionResponses[0]))
  }
  await check(produceBody('limits', 0, ok, 2), ErrorCode.INVALID_REQUIRED_ACKS)
  await createTopic('compacted', 1, [{ name: 'cleanup.policy', value: 'compact' }])
  await check(produceBody('compacted', 0, clientBatch([{ key: null, value: 'v' }])), ErrorCode.INVALID_RECORD)
  await check(produceBody('compacted', 0, ok), 0)
  await check(produceBody('limits', 5, ok), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION)
  await check(produceBody('limits', 0, clientBatch([{ key: 'k', value: 'x'.repeat(300) }])), ErrorCode.MESSAGE_TOO_LARGE)
  const corrupt = clientBatch([{ key: 'k', value: 'v' }])
  corrupt[corrupt.length - 1] ^= 0xff
  await check(produceBody('limits', 0, corrupt), ErrorCode.CORRUPT_MESSAGE)
  await check(produceBody('limits', 0, ok), 0, 3)
  await check(produceBody('limits', 0, clientBatch([{ key: 'k', value: 'v' }], { timestamp: Date.now() + 2 * 3_600_000 })), ErrorCode.INVALID_TIMESTAMP)
  await check(produceBody('limits', 0, clientBatch([{ key: 'k', value: 'v' }], { timestamp: 1000 })), 0)
  const old = await RawClient.connect(tb.broker.port)
  old.send(0, 2, produceBody('limits', 0, ok))
  assert.equal(await old.waitClosed(), true, 'Produce v2 closes the connection, as in Kafka 4')
})

test('Produce to an unknown topic with auto-creation disabled', async () => {
  const other = await startTestBroker({ 'auto.create.topics.enable': false })
  const c = await RawClient.connect(other.broker.port)
  try {
    const res = await c.request(0, 9, produceBody('nope', 0, clientBatch([{ key: 'k', value: 'v' }])))
    assert.equal(res.responses[0].partitionResponses[0].errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION)
    assert.equal(other.broker.topics.get('nope'), undefined)
  } finally {
    c.close()
    await other.stop()
  }
})

test('Fetch long-polls until data arrives or max.wait.ms passes', async () => {
  await createTopic('poll')
  let started = Date.now()
  const empty = await raw.request(1, 12, fetchBody('poll', 0, 0, { maxWaitMs: 300, minBytes: 1 }))
  const waited = Date.now() - started
  assert.ok(waited >= 280 && waited < 3000, `waited ${waited} ms`)
  assert.equal(decodeBatches(empty.responses[0].partitions[0].records).length, 0)

  const waiter = await RawClient.connect(tb.broker.port)
  started = Date.now()
  const pending = waiter.request(1, 12, fetchBody('poll', 0, 0, { maxWaitMs: 10000, minBytes: 1 }))
  setTimeout(() => { void raw.request(0, 9, produceBody('poll', 0, clientBatch([{ key: 'k', value: 'woke' }]))) }, 200)
  const res = await pending
  const elapsed = Date.now() - started
  assert.ok(elapsed >= 150 && elapsed < 5000, `woken after ${elapsed} ms (max.wait.ms was 10000)`)
  assert.deepEqual(decodeBatches(res.responses[0].partitions[0].records).map((r) => r.value), ['woke'])
  waiter.close()

  // A long-poll on a connection that closes is dropped (the broker still closes promptly).
  const quitter = await RawClient.connect(tb.broker.port)
  quitter.send(1, 12, fetchBody('poll', 0, 1, { maxWaitMs: 30000, minBytes: 1 }))
  await new Promise((r) => setTimeout(r, 50))
  quitter.close()
})

test('Fetch limits and OFFSET_OUT_OF_RANGE', async () => {
  await createTopic('sized')
  for (let i = 0; i < 3; i++) await raw.request(0, 9, produceBody('sized', 0, clientBatch([{ key: `k${i}`, value: 'x'.repeat(1000) }])))
  const small = await raw.request(1, 12, fetchBody('sized', 0, 0, { partitionMaxBytes: 100 }))
  assert.deepEqual(decodeBatches(small.responses[0].partitions[0].records).map((r) => r.key), ['k0'], 'the first batch is returned whole')
  const out = await raw.request(1, 12, fetchBody('sized', 0, 99))
  assert.equal(out.responses[0].partitions[0].errorCode, ErrorCode.OFFSET_OUT_OF_RANGE)
  const unknown = await raw.request(1, 12, fetchBody('missing-topic', 0, 0))
  assert.equal(unknown.responses[0].partitions[0].errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION)
  // v13+ name topics by id.
  const id = tb.broker.topics.get('sized')!.id
  const byId = await raw.request(1, 17, { ...fetchBody('sized', 0, 0), topics: [{ topicId: id, partitions: [{ partition: 0, currentLeaderEpoch: -1, fetchOffset: 1, lastFetchedEpoch: -1, logStartOffset: -1, partitionMaxBytes: 1 << 20 }] }] })
  assert.equal(byId.responses[0].topicId, id)
  assert.deepEqual(decodeBatches(byId.responses[0].partitions[0].records).map((r) => r.key), ['k1', 'k2'])
  const unknownId = await raw.request(1, 13, { ...fetchBody('sized', 0, 0), topics: [{ topicId: 'ab'.repeat(16), partitions: [{ partition: 0, currentLeaderEpoch: -1, fetchOffset: 0, lastFetchedEpoch: -1, logStartOffset: -1, partitionMaxBytes: 1 << 20 }] }] })
  assert.equal(unknownId.responses[0].partitions[0].errorCode, ErrorCode.UNKNOWN_TOPIC_ID)
  const staleClient = await raw.request(1, 12, { ...fetchBody('sized', 0, 0), topics: [{ topic: 'sized', partitions: [{ partition: 0, currentLeaderEpoch: 3, fetchOffset: 0, lastFetchedEpoch: -1, logStartOffset: -1, partitionMaxBytes: 1 << 20 }] }] })
  assert.equal(staleClient.responses[0].partitions[0].errorCode, ErrorCode.UNKNOWN_LEADER_EPOCH)
  const session = await raw.request(1, 12, { ...fetchBody('sized', 0, 0), sessionId: 123 })
  assert.equal(session.errorCode, ErrorCode.FETCH_SESSION_ID_NOT_FOUND)
})

test('ListOffsets earliest, latest, by timestamp, max timestamp', async () => {
  await createTopic('times')
  for (const ts of [1000, 5000, 3000]) await raw.request(0, 9, produceBody('times', 0, clientBatch([{ key: 'k', value: String(ts) }], { timestamp: ts })))
  const ask = async (timestamp: number, version = 7) => {
    const res = await raw.request(2, version, { replicaId: -1, isolationLevel: 0, topics: [{ name: 'times', partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp, maxNumOffsets: 1 }] }], timeoutMs: 1000 })
    const p = res.topics[0].partitions[0]
    return [p.errorCode, Number(p.offset), Number(p.timestamp)]
  }
  assert.deepEqual(await ask(-2), [0, 0, -1])
  assert.deepEqual(await ask(-1), [0, 3, -1])
  assert.deepEqual(await ask(2000), [0, 1, 5000])
  assert.deepEqual(await ask(9000), [0, -1, -1])
  assert.deepEqual(await ask(-3), [0, 1, 5000])
  assert.deepEqual(await ask(-1, 1), [0, 3, -1])
  const future = await raw.request(2, 7, { replicaId: -1, isolationLevel: 0, topics: [{ name: 'times', partitions: [{ partitionIndex: 0, currentLeaderEpoch: 5, timestamp: -1, maxNumOffsets: 1 }] }], timeoutMs: 1000 })
  assert.equal(future.topics[0].partitions[0].errorCode, ErrorCode.UNKNOWN_LEADER_EPOCH)
})
