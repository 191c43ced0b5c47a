// Fetch reads the disk into pooled buffers (log/read-buffer-pool.ts) and reuses them once a
// response is on the socket. A buffer reused too early would put another fetch's bytes into a
// response still waiting to be sent: a client that stops reading while other clients fetch the
// same sizes must still get exactly the records it asked for.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { decodeResponseFrame } from '@tributary/protocol'
import { ReadBufferPool } from '../log/read-buffer-pool.ts'
import { decodeBatches, fetchBody } from '../testing/fetch-records.ts'
import { RawClient } from '../testing/raw-client.ts'
import { clientBatch } from '../testing/record-batch.ts'
import { startTestBroker } from '../testing/test-broker.ts'
import type { TestBroker } from '../testing/test-broker.ts'

const BATCHES = 16
const PER_BATCH = 900
const VALUE_BYTES = 1000

let tb: TestBroker

const keyOf = (partition: number, offset: number): string => `p${partition}-${offset}`
const valueOf = (partition: number, offset: number): string => `${keyOf(partition, offset)}:`.padEnd(VALUE_BYTES, String.fromCharCode(97 + (offset % 26)))

before(async () => {
  tb = await startTestBroker()
  const raw = await RawClient.connect(tb.broker.boundPort)
  const created = await raw.request(19, 7, { topics: [{ name: 'pool', numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000, validateOnly: false })
  assert.equal(created.topics[0].errorCode, 0)
  for (const partition of [0, 1]) {
    for (let b = 0; b < BATCHES; b++) {
      const records = Array.from({ length: PER_BATCH }, (_, i) => ({ key: keyOf(partition, b * PER_BATCH + i), value: valueOf(partition, b * PER_BATCH + i) }))
      const res = await raw.request(0, 9, { transactionalId: null, acks: 1, timeoutMs: 5000, topicData: [{ name: 'pool', partitionData: [{ index: partition, records: clientBatch(records) }] }] })
      assert.equal(res.responses[0].partitionResponses[0].errorCode, 0)
    }
  }
  raw.close()
  await tb.restart() // an empty tail cache: every fetch below reads the segment files
})
after(async () => { await tb.stop() })

function assertBatchAt (partition: number, firstOffset: number, records: Buffer | null): void {
  const got = decodeBatches(records)
  assert.equal(got.length, PER_BATCH, `partition ${partition} at ${firstOffset}: ${got.length} records`)
  for (let i = 0; i < got.length; i++) {
    const offset = firstOffset + i
    assert.equal(got[i].offset, offset)
    assert.equal(got[i].key, keyOf(partition, offset))
    assert.equal(got[i].value, valueOf(partition, offset))
  }
}

test('responses waiting behind a client that does not read keep their bytes while other fetches reuse buffers', async () => {
  const port = tb.broker.boundPort
  const slow = await RawClient.connect(port)
  const fast = await RawClient.connect(port)
  try {
    // ~14 MB of responses queued on one connection: far more than the socket buffers take.
    slow.socket.pause()
    const ids: number[] = []
    for (let b = 0; b < BATCHES; b++) ids.push(slow.send(1, 12, fetchBody('pool', 0, b * PER_BATCH, { partitionMaxBytes: 1 << 20 })))
    await new Promise((resolve) => setTimeout(resolve, 200))

    // Same read sizes on another connection, round and round the pool.
    for (let round = 0; round < 3; round++) {
      for (let b = 0; b < BATCHES; b++) {
        const res = await fast.request(1, 12, fetchBody('pool', 1, b * PER_BATCH, { partitionMaxBytes: 1 << 20 }))
        assertBatchAt(1, b * PER_BATCH, res.responses[0].partitions[0].records)
      }
    }
    assert.ok(tb.broker.readBuffers.pooledBytes > 0, 'fast fetches gave their buffers back')

    slow.socket.resume()
    for (let b = 0; b < BATCHES; b++) {
      const frame = await slow.nextFrame()
      assert.equal(frame.readInt32BE(0), ids[b])
      const res = decodeResponseFrame<any>(1, 12, frame).body
      assertBatchAt(0, b * PER_BATCH, res.responses[0].partitions[0].records)
    }
  } finally {
    slow.close()
    fast.close()
  }
})

test('the pool reuses a buffer only after its lease is released, and keeps at most its limit', () => {
  const pool = new ReadBufferPool({ maxPooledBytes: 256 * 1024, maxBufferBytes: 128 * 1024 })
  const first = pool.lease()
  const a = first.alloc(100_000)
  const b = first.alloc(100_000)
  assert.equal(a.length, 100_000)
  assert.notEqual(a.buffer, b.buffer)
  const second = pool.lease()
  const c = second.alloc(100_000)
  assert.notEqual(c.buffer, a.buffer, 'nothing was given back yet')
  first.release()
  first.release() // twice is once
  assert.equal(pool.pooledBytes, 2 * 128 * 1024)
  const d = second.alloc(70_000) // same 64 KiB step: reuses one of first's buffers
  assert.ok(d.buffer === a.buffer || d.buffer === b.buffer)
  assert.equal(pool.pooledBytes, 128 * 1024)
  second.release()
  assert.equal(pool.pooledBytes, 2 * 128 * 1024, 'over the limit: the extra buffer is dropped')
  const big = pool.lease().alloc(1 << 20)
  assert.equal(big.length, 1 << 20, 'reads over maxBufferBytes are plain allocations')
})
