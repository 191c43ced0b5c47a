// Every server.properties key issue 2 names is not only parsed but obeyed: each is set to a
// non-default value on a real broker and its effect is observed through the wire (real clients
// where they expose it, raw requests for exact error codes), or, for the log.* keys, in the
// log settings every partition is opened with (the log tests prove the logs obey those).

import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { test } from 'node:test'
import pino from 'pino'
import { ErrorCode } from '@tributary/protocol'
import kafkajs from 'kafkajs'
import { startBroker } from './broker.ts'
import type { PartitionLogExtras } from './log/partition-log.ts'
import { RawClient } from './testing/raw-client.ts'
import { startTestBroker } from './testing/test-broker.ts'

const { Kafka, logLevel } = kafkajs

const settings = {
  'num.partitions': 3,
  'auto.create.topics.enable': true,
  'default.replication.factor': 1,
  'log.segment.bytes': 65536,
  'log.roll.ms': 600_000,
  'log.retention.ms': 120_000,
  'log.retention.bytes': 1_000_000,
  'log.flush.interval.messages': 10,
  'log.flush.interval.ms': 250,
  'log.cleanup.policy': 'compact,delete',
  'log.cleaner.delete.retention.ms': 5000,
  'log.message.timestamp.type': 'LogAppendTime',
  'message.max.bytes': 2000,
  'group.initial.rebalance.delay.ms': 400,
  'group.min.session.timeout.ms': 2000,
  'group.max.session.timeout.ms': 20_000,
  'transaction.max.timeout.ms': 5000,
}

function joinBody (groupId: string, memberId: string, sessionTimeoutMs: number) {
  return {
    groupId, sessionTimeoutMs, rebalanceTimeoutMs: 10_000, memberId, groupInstanceId: null,
    protocolType: 'consumer', protocols: [{ name: 'range', metadata: Buffer.alloc(0) }], reason: null,
  }
}

test('issue 2\'s broker keys each change what the broker does', async (t) => {
  const tb = await startTestBroker(settings)
  t.after(() => tb.stop())
  const kafka = new Kafka({ brokers: [tb.bootstrap], logLevel: logLevel.NOTHING })
  const producer = kafka.producer()
  await producer.connect()
  t.after(() => producer.disconnect())

  // num.partitions + auto.create.topics.enable: Produce to an unknown topic creates it with 3.
  await producer.send({ topic: 'auto', acks: -1, messages: [{ key: 'k', value: 'small' }] })
  const topic = tb.broker.topics.get('auto')!
  assert.equal(topic.partitions.length, 3)

  // log.* keys reach every partition's log settings (the topic stores no overrides).
  assert.deepEqual(topic.configs, {})
  const lc = topic.logConfig
  assert.deepEqual(
    [lc.segmentBytes, lc.segmentMs, lc.retentionMs, lc.retentionBytes, lc.flushMessages, lc.flushMs, lc.cleanupPolicy, lc.deleteRetentionMs, lc.messageTimestampType, lc.maxMessageBytes, lc.durableAcks],
    [65536, 600_000, 120_000, 1_000_000, 10, 250, 'compact,delete', 5000, 'LogAppendTime', 2000, false],
  )

  // log.message.timestamp.type=LogAppendTime: the broker's clock, not the producer's.
  const raw = await RawClient.connect(tb.broker.port)
  t.after(() => raw.close())
  await producer.send({ topic: 'stamped', acks: -1, messages: [{ key: 'k', value: 'v', partition: 0, timestamp: '1000' }] })
  const fetched = await raw.request(2, 7, { replicaId: -1, isolationLevel: 0, topics: [{ name: 'stamped', partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp: -3, maxNumOffsets: 1 }] }], timeoutMs: 1000 })
  assert.ok(Number(fetched.topics[0].partitions[0].timestamp) > Date.now() - 60_000, 'the max timestamp is the append time')

  // message.max.bytes: a larger batch gets Kafka's MESSAGE_TOO_LARGE.
  await assert.rejects(
    producer.send({ topic: 'auto', acks: -1, messages: [{ key: 'k', value: 'x'.repeat(3000) }] }),
    (err: any) => err.type === 'MESSAGE_TOO_LARGE' || err.cause?.type === 'MESSAGE_TOO_LARGE' || /MESSAGE_TOO_LARGE|larger than/.test(String(err)),
  )

  // group.min/max.session.timeout.ms bound what a member may ask for.
  const below = await raw.request(11, 5, joinBody('g-bounds', '', 1000))
  assert.equal(below.errorCode, ErrorCode.INVALID_SESSION_TIMEOUT, 'below group.min.session.timeout.ms')
  const above = await raw.request(11, 5, joinBody('g-bounds', '', 30_000))
  assert.equal(above.errorCode, ErrorCode.INVALID_SESSION_TIMEOUT, 'above group.max.session.timeout.ms')

  // group.initial.rebalance.delay.ms: the first join of an empty group waits for more members.
  const first = await raw.request(11, 5, joinBody('g-delay', '', 10_000))
  assert.equal(first.errorCode, ErrorCode.MEMBER_ID_REQUIRED)
  const started = Date.now()
  const joined = await raw.request(11, 5, joinBody('g-delay', first.memberId, 10_000))
  assert.equal(joined.errorCode, ErrorCode.NONE)
  assert.ok(Date.now() - started >= 350, `join answered after ${Date.now() - started} ms`)

  // transaction.max.timeout.ms bounds a transactional producer's timeout.
  const tooLong = await raw.request(22, 4, { transactionalId: 'tx-bounds', transactionTimeoutMs: 5001, producerId: -1, producerEpoch: -1 })
  assert.equal(tooLong.errorCode, ErrorCode.INVALID_TRANSACTION_TIMEOUT)
  const ok = await raw.request(22, 4, { transactionalId: 'tx-bounds', transactionTimeoutMs: 5000, producerId: -1, producerEpoch: -1 })
  assert.equal(ok.errorCode, ErrorCode.NONE)
})

test('auto.create.topics.enable=false and log.flush.durable=true reach the topics', async (t) => {
  const tb = await startTestBroker({ 'auto.create.topics.enable': false, 'log.flush.durable': true })
  t.after(() => tb.stop())
  const producer = new Kafka({ brokers: [tb.bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).producer()
  await producer.connect()
  t.after(() => producer.disconnect())
  await assert.rejects(producer.send({ topic: 'nope', acks: -1, messages: [{ value: 'v' }] }), /does not host this topic-partition/, 'UNKNOWN_TOPIC_OR_PARTITION')
  assert.equal(tb.broker.topics.get('nope'), undefined)
  await tb.broker.topics.create('yes', { partitions: 1 })
  assert.equal(tb.broker.topics.get('yes')!.logConfig.durableAcks, true)
})

test('bad values for issue 2\'s keys refuse startup with the key named; unknown keys only warn', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'trib-settings-'))
  t.after(() => rm(dataDir, { recursive: true, force: true }))
  const bad: Array<[string, string]> = [
    ['log.retention.ms', '-5'], ['log.retention.bytes', 'big'], ['log.flush.interval.messages', '0'],
    ['log.flush.interval.ms', '-1'], ['log.segment.bytes', '10'], ['message.max.bytes', '-1'],
    ['group.initial.rebalance.delay.ms', '-1'], ['group.min.session.timeout.ms', 'soon'],
    ['transaction.max.timeout.ms', '0'], ['log.roll.ms', '0'], ['node.id', '-1'],
  ]
  for (const [key, value] of bad) {
    await assert.rejects(startBroker({ host: '127.0.0.1', port: 0, dataDir, config: { [key]: value } }),
      (err: Error) => err.message.includes(key), `${key}=${value}`)
  }
  // min above max is refused too (the coordinator checks the pair).
  await assert.rejects(startTestBroker({ 'group.min.session.timeout.ms': 30_000, 'group.max.session.timeout.ms': 20_000 }), /group\.min\.session\.timeout\.ms/)

  const lines: string[] = []
  const sink = new Writable({ write (chunk, _encoding, done) { lines.push(String(chunk)); done() } })
  const broker = await startBroker({ host: '127.0.0.1', port: 0, dataDir, config: { 'no.such.setting': 1 }, logger: pino({ level: 'warn' }, sink) })
  await broker.close()
  assert.ok(lines.some((l) => l.includes('no.such.setting') && l.includes('"level":40')), 'unknown key logged as a warning')
})

test('log.flush.durable and log.flush.interval.messages decide when Produce fsyncs', async (t) => {
  const syncs = (tb: Awaited<ReturnType<typeof startTestBroker>>, topic: string) =>
    (tb.broker.topics.getPartition(topic, 0) as unknown as PartitionLogExtras).writerStats().syncs
  const send = async (bootstrap: string, topic: string, acks: number, count: number) => {
    const producer = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING }).producer()
    await producer.connect()
    try {
      for (let i = 0; i < count; i++) await producer.send({ topic, acks, messages: [{ key: String(i), value: 'v' }] })
    } finally {
      await producer.disconnect()
    }
  }

  // Durable mode: every acks=-1 Produce is answered after an fsync; acks=1 is not.
  const durable = await startTestBroker({ 'log.flush.durable': true })
  t.after(() => durable.stop())
  await durable.broker.topics.create('durable', { partitions: 1 })
  await send(durable.bootstrap, 'durable', -1, 3)
  assert.ok(syncs(durable, 'durable') >= 3, `3 acks=-1 requests, ${syncs(durable, 'durable')} fsyncs`)
  const afterAll = syncs(durable, 'durable')
  await send(durable.bootstrap, 'durable', 1, 3)
  assert.equal(syncs(durable, 'durable'), afterAll, 'acks=1 does not wait for fsync')

  // Not durable: only log.flush.interval.messages makes Produce fsync.
  const counted = await startTestBroker({ 'log.flush.durable': false, 'log.flush.interval.messages': 4 })
  t.after(() => counted.stop())
  await counted.broker.topics.create('counted', { partitions: 1 })
  await send(counted.bootstrap, 'counted', -1, 3)
  assert.equal(syncs(counted, 'counted'), 0, 'below log.flush.interval.messages')
  await send(counted.bootstrap, 'counted', -1, 1)
  assert.equal(syncs(counted, 'counted'), 1, 'the 4th message triggers the fsync')
})
