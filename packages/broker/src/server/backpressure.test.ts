// A client that sends requests but never reads responses must not make the broker buffer
// without bound: once the socket's write buffer is full the broker stops reading it.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { encodeRequest } from '@tributary/protocol'
import { fetchBody } from '../testing/fetch-records.ts'
import { RawClient } from '../testing/raw-client.ts'
import { clientBatch } from '../testing/record-batch.ts'
import { startTestBroker } from '../testing/test-broker.ts'

test('a non-reading client is paused, not buffered for', async () => {
  const tb = await startTestBroker()
  const writer = await RawClient.connect(tb.broker.port)
  try {
    await writer.request(19, 7, { topics: [{ name: 'big', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000, validateOnly: false })
    const value = 'x'.repeat(100_000)
    for (let i = 0; i < 10; i++) {
      await writer.request(0, 9, { transactionalId: null, acks: 1, timeoutMs: 1000, topicData: [{ name: 'big', partitionData: [{ index: 0, records: clientBatch([{ key: `k${i}`, value }]) }] }] })
    }
    const stalled = await RawClient.connect(tb.broker.port)
    stalled.socket.pause() // never read
    const log = tb.broker.topics.getPartition('big', 0)!
    let reads = 0
    const read = log.read.bind(log)
    log.read = async (...args) => { reads++; return read(...args) }
    // 400 fetches of ~1 MB each: without backpressure the broker would queue ~400 MB for this socket.
    for (let i = 0; i < 400; i++) stalled.write(encodeRequest(1, 12, i + 1, 'stalled', fetchBody('big', 0, 0)))
    await new Promise((r) => setTimeout(r, 1500))
    assert.ok(reads < 200, `the broker served ${reads} of 400 fetches to a client that reads nothing`)
    // Everyone else is still served.
    const res = await writer.request(18, 3, { clientSoftwareName: 'x', clientSoftwareVersion: '1' })
    assert.equal(res.errorCode, 0)
    stalled.close()
  } finally {
    writer.close()
    await tb.stop()
  }
})
