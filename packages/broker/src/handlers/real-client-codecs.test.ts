// Compressed batches with all four codecs, produced by a real client, validated by the broker,
// stored and served as sent (the codec bits survive), decoded by a real client record for
// record; and ListOffsets by timestamp as two real clients ask it.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { Producer, stringSerializers } from '@platformatic/kafka'
import kafkajs from 'kafkajs'
import { readPartition } from '../testing/platformatic-read.ts'
import { startTestBroker } from '../testing/test-broker.ts'
import type { TestBroker } from '../testing/test-broker.ts'

const { Kafka, logLevel } = kafkajs

let tb: TestBroker
before(async () => { tb = await startTestBroker({ 'num.partitions': 3 }) })
after(() => tb.stop())

const CODECS = { gzip: 1, snappy: 2, lz4: 3, zstd: 4 } as const
const PER_CODEC = 600

for (const [codec, bits] of Object.entries(CODECS)) {
  test(`${codec}: @platformatic/kafka batches are accepted, served unchanged and read back intact`, async () => {
    const topic = `codec-${codec}`
    const producer = new Producer({ clientId: `codec-${codec}`, bootstrapBrokers: [tb.bootstrap], serializers: stringSerializers, autocreateTopics: true })
    try {
      for (let start = 0; start < PER_CODEC; start += 100) {
        await producer.send({
          acks: -1,
          compression: codec as keyof typeof CODECS,
          messages: Array.from({ length: 100 }, (_, j) => {
            const i = start + j
            return { topic, partition: i % 3, key: `key-${i}`, value: `value-${i}-${'z'.repeat(i % 50)}`, headers: new Map([['n', String(i)], ['codec', codec]]) }
          }),
        })
      }
    } finally {
      await producer.close()
    }
    let total = 0
    for (const partition of [0, 1, 2]) {
      const records = await readPartition(tb.bootstrap, topic, partition)
      const expected = Array.from({ length: PER_CODEC }, (_, i) => i).filter((i) => i % 3 === partition)
      assert.deepEqual(records.map((r) => r.key), expected.map((i) => `key-${i}`), `partition ${partition}: every key, in order`)
      assert.deepEqual(records.map((r) => r.value), expected.map((i) => `value-${i}-${'z'.repeat(i % 50)}`))
      assert.deepEqual(records.map((r) => r.headers), expected.map((i) => [['n', String(i)], ['codec', codec]]))
      assert.deepEqual(records.map((r) => r.offset), expected.map((_, at) => at), 'dense offsets')
      assert.ok(records.every((r) => r.codec === bits), `served with the producer's ${codec} batches`)
      total += records.length
    }
    assert.equal(total, PER_CODEC)
  })
}

test('ListOffsets by timestamp through KafkaJS and @platformatic/kafka', async () => {
  const kafka = new Kafka({ brokers: [tb.bootstrap], logLevel: logLevel.NOTHING })
  const admin = kafka.admin()
  const producer = kafka.producer()
  await Promise.all([admin.connect(), producer.connect()])
  try {
    await admin.createTopics({ topics: [{ topic: 'by-timestamp', numPartitions: 1 }] })
    for (const ts of [1_000, 2_000, 3_000, 4_000]) {
      await producer.send({ topic: 'by-timestamp', acks: -1, messages: [{ key: String(ts), value: 'v', timestamp: String(ts) }] })
    }
    const at = async (ts: number) => (await admin.fetchTopicOffsetsByTimestamp('by-timestamp', ts))[0].offset
    assert.equal(await at(2_000), '1', 'an exact timestamp finds its record')
    assert.equal(await at(2_500), '2', 'between timestamps: the first later record')
    assert.equal(await at(500), '0')
    // After the last timestamp Kafka answers -1 and KafkaJS falls back to the latest offset.
    assert.equal(await at(9_000), '4')
  } finally {
    await Promise.all([admin.disconnect(), producer.disconnect()])
  }
  const { Consumer } = await import('@platformatic/kafka')
  const consumer = new Consumer({ clientId: 'lo', groupId: 'lo-unused', bootstrapBrokers: [tb.bootstrap] })
  try {
    const found = await consumer.listOffsetsWithTimestamps({ topics: ['by-timestamp'], timestamp: 3_000n })
    const [entry] = [...found.get('by-timestamp')!.values()]
    assert.equal(entry.offset, 2n)
    assert.equal(entry.timestamp, 3_000n)
  } finally {
    await consumer.close()
  }
})
