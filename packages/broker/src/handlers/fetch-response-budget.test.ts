// Fetch reads its partitions concurrently when their limits fit the response limit; the answer must
// still be the in-order one: each partition gets min(its limit, what the response has left), and a
// first batch larger than its limit (KIP-74) shrinks what later partitions get.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { decodeBatches, fetchBody } from '../testing/fetch-records.ts'
import { RawClient } from '../testing/raw-client.ts'
import { clientBatch } from '../testing/record-batch.ts'
import { startTestBroker } from '../testing/test-broker.ts'
import type { TestBroker } from '../testing/test-broker.ts'

let tb: TestBroker
let raw: RawClient

before(async () => {
  tb = await startTestBroker({ 'group.initial.rebalance.delay.ms': 0 })
  raw = await RawClient.connect(tb.broker.port)
  const created = await raw.request(19, 7, { topics: [{ name: 'budget', numPartitions: 3, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000, validateOnly: false })
  assert.equal(created.topics[0].errorCode, 0)
  for (let partition = 0; partition < 3; partition++) {
    for (let i = 0; i < 3; i++) {
      const batch = clientBatch([{ key: `p${partition}-${i}`, value: 'x'.repeat(1000) }])
      const res = await raw.request(0, 9, { transactionalId: null, acks: 1, timeoutMs: 5000, topicData: [{ name: 'budget', partitionData: [{ index: partition, records: batch }] }] })
      assert.equal(res.responses[0].partitionResponses[0].errorCode, 0)
    }
  }
})
after(async () => {
  raw.close()
  await tb.stop()
})

function fetchThree (limits: number[], maxBytes: number) {
  const body = fetchBody('budget', 0, 0, { maxBytes })
  body.topics[0].partitions = limits.map((limit, partition) => ({ ...body.topics[0].partitions[0], partition, partitionMaxBytes: limit }))
  return raw.request(1, 12, body)
}

const keys = (part: { records: Buffer | null }): string[] => decodeBatches(part.records).map((r) => String(r.key))

test('limits that fit the response limit: every partition gets its own limit', async () => {
  const res = await fetchThree([1 << 20, 1 << 20, 1 << 20], 1 << 24)
  assert.deepEqual(res.responses[0].partitions.map(keys), [0, 1, 2].map((p) => [`p${p}-0`, `p${p}-1`, `p${p}-2`]))
})

test('a first batch over its limit (KIP-74) leaves later partitions the in-order budget, down to none', async () => {
  // Batches are ~1.07 KB. p0 (limit 100) still returns its first batch whole; p1 then has
  // 1300 - 1070 left and returns one whole batch; the response is full, so p2 gets positions only.
  const res = await fetchThree([100, 1100, 100], 1300)
  const parts = res.responses[0].partitions
  assert.deepEqual(parts.map(keys), [['p0-0'], ['p1-0'], []])
  assert.equal(parts[2].errorCode, 0)
  assert.equal(Number(parts[2].highWatermark), 3)
})

test('a response limit below the sum of the partition limits is served in order', async () => {
  const res = await fetchThree([1 << 20, 1 << 20, 1 << 20], 2500)
  // p0 takes two batches (~2.14 KB), p1 gets the ~360 bytes left (its first batch, whole), p2 nothing.
  assert.deepEqual(res.responses[0].partitions.map(keys), [['p0-0', 'p0-1'], ['p1-0'], []])
})
