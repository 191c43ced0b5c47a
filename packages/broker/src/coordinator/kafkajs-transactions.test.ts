// KafkaJS transactions (InitProducerId/AddPartitionsToTxn/AddOffsetsToTxn/TxnOffsetCommit/EndTxn
// v1, non-flexible) against the embedded broker: read_committed sees committed data only,
// read_uncommitted sees aborted data too; consume-transform-produce commits output and input
// offsets atomically; a second producer with the same transactional.id fences the first; a
// transaction left open past its timeout is aborted by the broker.

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Kafka, logLevel } from 'kafkajs'
import type { Producer } from 'kafkajs'
import { startTestBroker } from '../testing/test-broker.ts'
import type { TestBroker } from '../testing/test-broker.ts'
import { waitFor } from './test-fixtures/group-test-support.ts'

describe('KafkaJS transactions', () => {
  let tb: TestBroker
  let kafka: Kafka
  const producers: Producer[] = []
  let readers = 0

  before(async () => {
    tb = await startTestBroker({ 'group.initial.rebalance.delay.ms': 0, 'transaction.abort.timed.out.transaction.cleanup.interval.ms': 200 })
    for (const topic of ['txn-plain', 'ctp-in', 'ctp-out', 'fenced', 'timeout']) await tb.broker.topics.create(topic, { partitions: 2 })
    kafka = new Kafka({ brokers: [tb.bootstrap], clientId: 'kjs-txn', logLevel: logLevel.NOTHING })
  })
  after(async () => {
    for (const p of producers) await p.disconnect().catch(() => {})
    await tb.stop()
  })

  async function transactional (transactionalId: string, transactionTimeout = 60_000): Promise<Producer> {
    const p = kafka.producer({ transactionalId, idempotent: true, maxInFlightRequests: 1, transactionTimeout, retry: { retries: 2 } })
    await p.connect()
    producers.push(p)
    return p
  }

  /** Every value of a topic as a fresh consumer with this isolation sees it, once `expected` arrived and a quiet period passed. */
  async function readTopic (topic: string, readUncommitted: boolean, expected: number): Promise<string[]> {
    const seen: string[] = []
    const consumer = kafka.consumer({ groupId: `reader-${++readers}`, readUncommitted, maxWaitTimeInMs: 100 })
    await consumer.connect()
    await consumer.subscribe({ topic, fromBeginning: true })
    await consumer.run({ eachMessage: async ({ message }) => { seen.push(message.value!.toString()) } })
    await waitFor(`${expected} records on ${topic}`, () => seen.length >= expected)
    await new Promise((resolve) => setTimeout(resolve, 500))
    await consumer.disconnect()
    return seen.sort()
  }

  it('shows committed transactions to read_committed consumers and aborted ones only to read_uncommitted', async () => {
    const producer = await transactional('kjs-plain')
    const t1 = await producer.transaction()
    await t1.send({ topic: 'txn-plain', messages: [{ key: 'a', value: 'committed-1' }, { key: 'b', value: 'committed-2' }] })
    await t1.commit()
    const t2 = await producer.transaction()
    await t2.send({ topic: 'txn-plain', messages: [{ key: 'a', value: 'aborted-1' }, { key: 'b', value: 'aborted-2' }] })
    await t2.abort()
    const t3 = await producer.transaction()
    await t3.send({ topic: 'txn-plain', messages: [{ key: 'c', value: 'committed-3' }] })
    await t3.commit()
    assert.deepEqual(await readTopic('txn-plain', false, 3), ['committed-1', 'committed-2', 'committed-3'])
    assert.deepEqual(await readTopic('txn-plain', true, 5), ['aborted-1', 'aborted-2', 'committed-1', 'committed-2', 'committed-3'])
    for (const log of tb.broker.topics.get('txn-plain')!.partitions) {
      assert.equal(log.openTransactions().size, 0)
      assert.equal(log.lastStableOffset(), log.logEndOffset())
    }
  })

  it('commits consume-transform-produce output and input offsets atomically (sendOffsets)', async () => {
    const input = Array.from({ length: 40 }, (_, i) => `in-${i}`)
    const plain = kafka.producer()
    await plain.connect()
    await plain.send({ topic: 'ctp-in', messages: input.map((value, i) => ({ key: String(i), value })) })
    await plain.disconnect()

    const producer = await transactional('kjs-ctp')
    const consumer = kafka.consumer({ groupId: 'ctp', maxWaitTimeInMs: 100 })
    await consumer.connect()
    await consumer.subscribe({ topic: 'ctp-in', fromBeginning: true })
    let transformed = 0
    let abortedOnce = false
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset }) => {
        const txn = await producer.transaction()
        await txn.send({ topic: 'ctp-out', messages: batch.messages.map((m) => ({ key: m.key, value: `out-${m.value!.toString().slice(3)}` })) })
        const next = String(Number(batch.lastOffset()) + 1)
        await txn.sendOffsets({ consumerGroupId: 'ctp', topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: next }] }] })
        if (!abortedOnce) {
          // The first attempt is aborted: neither its output nor its offsets may survive.
          abortedOnce = true
          await txn.abort()
          throw new Error('retry this batch')
        }
        await txn.commit()
        for (const m of batch.messages) resolveOffset(m.offset)
        transformed += batch.messages.length
      },
    })
    await waitFor('every input transformed', () => transformed >= input.length)
    await consumer.disconnect()
    const lag = tb.broker.groups!.describeLag('ctp')
    assert.equal(lag.reduce((sum, p) => sum + p.lag, 0), 0, 'input offsets committed with the output')
    const out = await readTopic('ctp-out', false, input.length)
    assert.deepEqual(out, input.map((v) => v.replace('in-', 'out-')).sort(), 'each input transformed exactly once in committed output')
    const everything = await readTopic('ctp-out', true, input.length + 1)
    assert.ok(everything.length > input.length, 'the aborted attempt is in the log, invisible to read_committed')
  })

  it('fences the first producer when a second one initializes the same transactional.id', async () => {
    const first = await transactional('kjs-fence')
    const t1 = await first.transaction()
    await t1.send({ topic: 'fenced', messages: [{ value: 'zombie-open' }] })
    const second = await transactional('kjs-fence')
    // KafkaJS initializes lazily: this InitProducerId aborts first's open transaction and bumps the epoch.
    const t2 = await second.transaction()
    await assert.rejects(t1.commit(), /epoch|fenced/i)
    await t2.send({ topic: 'fenced', messages: [{ value: 'second' }] })
    await t2.commit()
    assert.deepEqual(await readTopic('fenced', false, 1), ['second'])
  })

  it('aborts a transaction left open past its timeout, fencing its producer and freeing the LSO', async () => {
    const producer = await transactional('kjs-timeout', 1000)
    const txn = await producer.transaction()
    await txn.send({ topic: 'timeout', messages: [{ key: 'k', value: 'never-committed' }] })
    const logs = tb.broker.topics.get('timeout')!.partitions
    await waitFor('timeout abort', () => tb.broker.transactions!.describe('kjs-timeout')!.state === 'CompleteAbort', 10_000)
    assert.ok(logs.every((log) => log.openTransactions().size === 0), 'abort markers written')
    await assert.rejects(txn.commit())
    const plain = kafka.producer()
    await plain.connect()
    await plain.send({ topic: 'timeout', messages: [{ key: 'k', value: 'after' }] })
    await plain.disconnect()
    assert.deepEqual(await readTopic('timeout', false, 1), ['after'])
  })
})
