// @platformatic/kafka transactions (InitProducerId v5, AddPartitionsToTxn v3, AddOffsetsToTxn v4,
// TxnOffsetCommit/EndTxn v4, flexible encodings) against the embedded broker: isolation levels,
// consume-transform-produce with the consumer's offsets in the transaction, fencing.

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Consumer, Producer } from '@platformatic/kafka'
import { startTestBroker } from '../testing/test-broker.ts'
import type { TestBroker } from '../testing/test-broker.ts'
import { waitFor } from './test-fixtures/group-test-support.ts'

const READ_UNCOMMITTED = 0
const READ_COMMITTED = 1

describe('@platformatic/kafka transactions', () => {
  let tb: TestBroker
  const closers: Array<() => Promise<void>> = []
  let readers = 0

  before(async () => {
    tb = await startTestBroker({ 'group.initial.rebalance.delay.ms': 0 })
    for (const topic of ['p-plain', 'p-in', 'p-out', 'p-fenced']) await tb.broker.topics.create(topic, { partitions: 2 })
  })
  after(async () => {
    for (const close of closers.reverse()) await close().catch(() => {})
    await tb.stop()
  })

  function producer (transactionalId?: string): Producer {
    // @platformatic/kafka 2.12 sends InitProducerId with producer id 0 / epoch 0 unless told
    // otherwise, which Kafka (and this broker) read as "I am producer 0" (KIP-360) and fence
    // when the transactional id belongs to another producer id; -1 says "no current producer".
    const txn = transactionalId ? { transactionalId, idempotent: true, producerId: -1n, producerEpoch: -1 } : {}
    const p = new Producer({ clientId: 'plt-txn', bootstrapBrokers: [tb.bootstrap], ...txn })
    closers.push(() => p.close())
    return p
  }

  async function readTopic (topic: string, isolationLevel: number, expected: number): Promise<string[]> {
    const consumer = new Consumer({ groupId: `p-reader-${++readers}`, clientId: 'plt-reader', bootstrapBrokers: [tb.bootstrap], maxWaitTime: 100 })
    const stream = await consumer.consume({ topics: [topic], mode: 'earliest', autocommit: false, isolationLevel })
    const seen: string[] = []
    stream.on('data', (m) => { seen.push(m.value.toString()) })
    await waitFor(`${expected} records on ${topic}`, () => seen.length >= expected)
    await new Promise((resolve) => setTimeout(resolve, 500))
    await stream.close()
    await consumer.close()
    return seen.sort()
  }

  const msg = (topic: string, value: string, key = value) => ({ topic, key: Buffer.from(key), value: Buffer.from(value) })

  it('shows committed transactions to read_committed and aborted ones only to read_uncommitted', async () => {
    const p = producer('plt-plain')
    const t1 = await p.beginTransaction()
    await t1.send({ messages: [msg('p-plain', 'committed-1'), msg('p-plain', 'committed-2')] })
    await t1.commit()
    const t2 = await p.beginTransaction()
    await t2.send({ messages: [msg('p-plain', 'aborted-1')] })
    await t2.abort()
    assert.deepEqual(await readTopic('p-plain', READ_COMMITTED, 2), ['committed-1', 'committed-2'])
    assert.deepEqual(await readTopic('p-plain', READ_UNCOMMITTED, 3), ['aborted-1', 'committed-1', 'committed-2'])
  })

  it('commits consume-transform-produce output and input offsets atomically', async () => {
    const input = Array.from({ length: 20 }, (_, i) => `in-${i}`)
    await producer().send({ messages: input.map((v) => msg('p-in', v)) })
    const p = producer('plt-ctp')
    const consumer = new Consumer({ groupId: 'p-ctp', clientId: 'plt-ctp', bootstrapBrokers: [tb.bootstrap], maxWaitTime: 100 })
    closers.push(() => consumer.close())
    const stream = await consumer.consume({ topics: ['p-in'], mode: 'committed', fallbackMode: 'earliest', autocommit: false })
    const done = new Set<string>()
    const started = new Set<string>()
    let aborted = 0
    let stagedAfterAbort = -2
    stream.on('data', (m) => {
      stream.pause()
      void (async () => {
        const value = m.value.toString()
        // The client rewinds to the committed offset after an abort, so a record can come twice.
        if (done.has(value) || started.has(value)) { stream.resume(); return }
        started.add(value)
        const txn = await p.beginTransaction()
        await txn.send({ messages: [msg('p-out', value.replace('in-', 'out-'))] })
        await txn.addConsumer(consumer)
        await txn.addOffset(m)
        // One record is first tried in a transaction that aborts (offset and output dropped).
        // Only one: @platformatic/kafka 2.12's read_committed filter keys aborted ranges by
        // producer id, so it honours one aborted transaction per producer per fetch response
        // (the broker returns them all, as Kafka does; KafkaJS filters them all).
        if (value === 'in-7' && aborted === 0) {
          aborted++
          await txn.abort()
          stagedAfterAbort = tb.broker.groups!.fetchOffsets('p-ctp', [{ name: 'p-in', partitionIndexes: [m.partition] }], true).topics[0].partitions[0].committedOffset
          assert.ok(stagedAfterAbort < Number(m.offset) + 1, 'an aborted transaction commits no offset')
          const retry = await p.beginTransaction()
          await retry.send({ messages: [msg('p-out', value.replace('in-', 'out-'))] })
          await retry.addConsumer(consumer)
          await retry.addOffset(m)
          await retry.commit()
        } else {
          await txn.commit()
        }
        done.add(value)
        stream.resume()
      })()
    })
    await waitFor('every input transformed', () => done.size >= input.length)
    assert.notEqual(stagedAfterAbort, -2)
    await stream.close()
    assert.equal(tb.broker.groups!.describeLag('p-ctp').reduce((sum, l) => sum + l.lag, 0), 0, 'input offsets committed')
    assert.deepEqual(await readTopic('p-out', READ_COMMITTED, input.length), input.map((v) => v.replace('in-', 'out-')).sort())
    assert.equal((await readTopic('p-out', READ_UNCOMMITTED, input.length + aborted)).length, input.length + aborted)
  })

  it('fences the first producer when a second one initializes the same transactional.id', async () => {
    const first = producer('plt-fence')
    const t1 = await first.beginTransaction()
    await t1.send({ messages: [msg('p-fenced', 'zombie')] })
    const second = producer('plt-fence')
    const t2 = await second.beginTransaction() // InitProducerId: aborts first's transaction, bumps the epoch
    await assert.rejects(t1.commit())
    await t2.send({ messages: [msg('p-fenced', 'second')] })
    await t2.commit()
    assert.deepEqual(await readTopic('p-fenced', READ_COMMITTED, 1), ['second'])
  })
})
