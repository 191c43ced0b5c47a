// The last stable offset as real clients meet it: while a transaction is open, a read_committed
// consumer (@platformatic/kafka) stops before it — even for plain records appended after it —
// and ListOffsets latest under read_committed answers the LSO; once the transaction commits,
// everything becomes visible in offset order.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Consumer, Producer, stringSerializers } from '@platformatic/kafka'
import { startTestBroker } from '../testing/test-broker.ts'

const READ_UNCOMMITTED = 0
const READ_COMMITTED = 1

test('read_committed consumers stop at the LSO of an open transaction, then see it once committed', async (t) => {
  const tb = await startTestBroker({ 'group.initial.rebalance.delay.ms': 0 })
  t.after(() => tb.stop())
  await tb.broker.topics.create('lso', { partitions: 1 })
  const plain = new Producer({ clientId: 'lso-plain', bootstrapBrokers: [tb.bootstrap], serializers: stringSerializers })
  // producerId -1 / epoch -1: "no current producer" (see platformatic-transactions.test.ts).
  const txnProducer = new Producer({ clientId: 'lso-txn', bootstrapBrokers: [tb.bootstrap], serializers: stringSerializers, transactionalId: 'lso-tx', idempotent: true, producerId: -1n, producerEpoch: -1 })
  const consumer = new Consumer({ clientId: 'lso-reader', groupId: 'lso-reader', bootstrapBrokers: [tb.bootstrap], maxWaitTime: 100 })
  t.after(async () => { await plain.close(); await txnProducer.close(); await consumer.close() })

  const msg = (value: string) => ({ topic: 'lso', partition: 0, key: value, value })
  await plain.send({ acks: -1, messages: [msg('before')] })
  const txn = await txnProducer.beginTransaction()
  await txn.send({ messages: [msg('open-1'), msg('open-2')] })
  await plain.send({ acks: -1, messages: [msg('after')] })

  const latest = async (isolationLevel: number) =>
    (await consumer.listOffsets({ topics: ['lso'], timestamp: -1n, isolationLevel })).get('lso')![0]
  assert.equal(await latest(READ_COMMITTED), 1n, 'ListOffsets latest under read_committed is the LSO')
  assert.equal(await latest(READ_UNCOMMITTED), 4n, 'read_uncommitted: the high watermark')

  const stream = await consumer.consume({ topics: ['lso'], mode: 'earliest', autocommit: false, isolationLevel: READ_COMMITTED })
  const seen: Array<[bigint, string]> = []
  stream.on('data', (m: any) => { seen.push([m.offset, m.value.toString()]) })
  let committed = false
  try {
    const joined = Date.now() + 15_000
    while (seen.length === 0 && Date.now() < joined) await new Promise((resolve) => setTimeout(resolve, 50))
    await new Promise((resolve) => setTimeout(resolve, 1000)) // time to deliver more, if it wrongly would
    assert.deepEqual(seen, [[0n, 'before']], 'nothing at or after the open transaction is delivered')
    await txn.commit()
    committed = true
    const deadline = Date.now() + 15_000
    while (seen.length < 4 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
  } finally {
    if (!committed) await txn.abort().catch(() => {})
    await stream.close()
  }
  assert.deepEqual(seen, [[0n, 'before'], [1n, 'open-1'], [2n, 'open-2'], [3n, 'after']])
  assert.equal(await latest(READ_COMMITTED), 5n, 'after the commit marker the LSO is the log end')
})
