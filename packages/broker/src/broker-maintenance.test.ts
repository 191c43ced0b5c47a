// Retention, segment rolls and compaction through the whole broker, driven only by broker
// settings (Kafka's server.properties keys) and a real client: the log unit tests prove the
// algorithms, these prove the settings reach the logs and the scheduler runs them.

import assert from 'node:assert/strict'
import { readdir } from 'node:fs/promises'
import { test } from 'node:test'
import kafkajs from 'kafkajs'
import { readPartition } from './testing/platformatic-read.ts'
import { startTestBroker } from './testing/test-broker.ts'
import type { TestBroker } from './testing/test-broker.ts'

const { Kafka, logLevel } = kafkajs

async function until (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Sends each message as its own request (one batch each), so segment contents are predictable. */
async function produceOneByOne (tb: TestBroker, topic: string, messages: Array<{ key: string; value: string | null; timestamp?: string }>): Promise<void> {
  const producer = new Kafka({ brokers: [tb.bootstrap], logLevel: logLevel.NOTHING }).producer()
  await producer.connect()
  try {
    for (const m of messages) await producer.send({ topic, acks: -1, messages: [m] })
  } finally {
    await producer.disconnect()
  }
}

const padding = 'x'.repeat(1200)

test('log.retention.ms deletes old segments on the scheduler; a client reads from the new log start', async (t) => {
  // Two 1.2 KB batches do not fit a 2 KB segment, so every batch gets a segment of its own.
  const tb = await startTestBroker({ 'log.segment.bytes': 2048, 'log.retention.ms': 60_000, 'log.retention.check.interval.ms': 100 })
  t.after(() => tb.stop())
  const old = String(Date.now() - 10 * 60_000)
  await produceOneByOne(tb, 'by-time', [
    ...Array.from({ length: 10 }, (_, i) => ({ key: `old${i}`, value: padding, timestamp: old })),
    ...Array.from({ length: 3 }, (_, i) => ({ key: `new${i}`, value: padding })),
  ])
  const log = tb.broker.topics.getPartition('by-time', 0)!
  await until('the old segments to go', () => log.logStartOffset() === 10)
  const admin = new Kafka({ brokers: [tb.bootstrap], logLevel: logLevel.NOTHING }).admin()
  await admin.connect()
  try {
    const [offsets] = await admin.fetchTopicOffsets('by-time')
    assert.deepEqual([offsets.low, offsets.high], ['10', '13'])
  } finally {
    await admin.disconnect()
  }
  const records = await readPartition(tb.bootstrap, 'by-time')
  assert.deepEqual(records.map((r) => [r.offset, r.key]), [[10, 'new0'], [11, 'new1'], [12, 'new2']])
  // Nothing newer than retention.ms is ever deleted.
  await new Promise((resolve) => setTimeout(resolve, 300))
  assert.equal(log.logStartOffset(), 10)
})

test('log.retention.bytes keeps each partition at or just above the limit, oldest segments first', async (t) => {
  const tb = await startTestBroker({ 'log.segment.bytes': 2048, 'log.retention.bytes': 3500, 'log.retention.check.interval.ms': 100 })
  t.after(() => tb.stop())
  await produceOneByOne(tb, 'by-size', Array.from({ length: 12 }, (_, i) => ({ key: `k${i}`, value: padding })))
  const log = tb.broker.topics.getPartition('by-size', 0)!
  // Every batch is the same size, one per segment.
  const batchSize = (): number => log.size() / (log.logEndOffset() - log.logStartOffset())
  await until('size retention', () => log.size() - batchSize() < 3500)
  // Kafka's rule: delete the oldest segment while the log would still be >= retention.bytes without it.
  assert.ok(log.size() >= 3500, `size ${log.size()} stays at or above retention.bytes`)
  assert.equal(Math.floor(3500 / batchSize()) + 1, 12 - log.logStartOffset(), 'the fewest whole segments holding at least 3500 bytes are kept')
  const records = await readPartition(tb.bootstrap, 'by-size')
  assert.deepEqual(records.map((r) => r.key), Array.from({ length: 12 - log.logStartOffset() }, (_, i) => `k${log.logStartOffset() + i}`))
  assert.ok(records.every((r) => r.value === padding))
})

test('log.roll.ms rolls the active segment by age on the next append', async (t) => {
  const tb = await startTestBroker({ 'log.roll.ms': 300 })
  t.after(() => tb.stop())
  const segments = async () => (await readdir(tb.broker.topics.getPartition('by-age', 0)!.dir)).filter((f) => f.endsWith('.log')).sort()
  const producer = new Kafka({ brokers: [tb.bootstrap], logLevel: logLevel.NOTHING }).producer()
  await producer.connect()
  await producer.send({ topic: 'by-age', acks: -1, messages: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] }) // one batch
  await producer.disconnect()
  assert.equal((await segments()).length, 1, 'young segment is not rolled')
  await new Promise((resolve) => setTimeout(resolve, 400))
  await produceOneByOne(tb, 'by-age', [{ key: 'c', value: '3' }])
  assert.deepEqual(await segments(), ['00000000000000000000.log', '00000000000000000002.log'])
  const records = await readPartition(tb.bootstrap, 'by-age')
  assert.deepEqual(records.map((r) => r.key), ['a', 'b', 'c'])
})

test('cleanup.policy=compact through the broker: a real client reads back the latest value per key, tombstoned keys gone', async (t) => {
  const tb = await startTestBroker({ 'log.retention.check.interval.ms': 100 })
  t.after(() => tb.stop())
  const admin = new Kafka({ brokers: [tb.bootstrap], logLevel: logLevel.NOTHING }).admin()
  await admin.connect()
  try {
    await admin.createTopics({
      topics: [{
        topic: 'compacted',
        numPartitions: 1,
        configEntries: [
          { name: 'cleanup.policy', value: 'compact' },
          { name: 'segment.bytes', value: '2048' },
          { name: 'delete.retention.ms', value: '0' },
        ],
      }],
    })
  } finally {
    await admin.disconnect()
  }
  const value = (key: string, round: number) => `${key}@${round}:${'v'.repeat(200)}`
  const messages: Array<{ key: string; value: string | null }> = []
  for (let round = 0; round < 5; round++) {
    for (let k = 0; k < 10; k++) messages.push({ key: `k${k}`, value: value(`k${k}`, round) })
  }
  messages.push({ key: 'k3', value: null })
  // Later records push everything above into rolled (cleanable) segments.
  for (let i = 0; i < 6; i++) messages.push({ key: `tail${i}`, value: padding })
  await produceOneByOne(tb, 'compacted', messages)

  const expected = new Map<string, string>()
  for (let k = 0; k < 10; k++) if (k !== 3) expected.set(`k${k}`, value(`k${k}`, 4))
  let records: Awaited<ReturnType<typeof readPartition>> = []
  await until('compaction', async () => {
    records = await readPartition(tb.bootstrap, 'compacted')
    return records.filter((r) => r.key?.startsWith('k') === true).length === expected.size
  }, 30_000)
  const keyed = records.filter((r) => r.key?.startsWith('k') === true)
  assert.deepEqual(new Map(keyed.map((r) => [r.key, r.value])), expected)
  const offsets = records.map((r) => r.offset)
  assert.deepEqual(offsets, [...offsets].sort((a, b) => a - b), 'offsets keep their order')
  assert.equal(offsets.at(-1), messages.length - 1, 'offsets are never reassigned')
  assert.equal(tb.broker.topics.getPartition('compacted', 0)!.logEndOffset(), messages.length)

  // The compacted log is what a restart finds, and it keeps accepting writes.
  await tb.restart({ 'log.retention.check.interval.ms': 100 })
  await produceOneByOne(tb, 'compacted', [{ key: 'k0', value: 'after-restart' }])
  const after = await readPartition(tb.bootstrap, 'compacted')
  assert.deepEqual(after.slice(0, keyed.length).map((r) => r.offset), keyed.map((r) => r.offset))
  assert.equal(after.at(-1)!.value, 'after-restart')
})
