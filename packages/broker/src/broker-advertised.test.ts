// advertised.listeners is what Metadata and DescribeCluster tell clients; the bound port is separate.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { RawClient } from './testing/raw-client.ts'
import { startTestBroker } from './testing/test-broker.ts'

test('Metadata and DescribeCluster advertise advertised.listeners, node.id and the cluster id', async () => {
  const tb = await startTestBroker({ 'advertised.listeners': 'PLAINTEXT://kafka.example.internal:19999', 'node.id': 7 })
  try {
    assert.notEqual(tb.broker.boundPort, 19999)
    const raw = await RawClient.connect(tb.broker.boundPort)
    const md = await raw.request(3, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false })
    assert.deepEqual(md.brokers.map((b: any) => [b.nodeId, b.host, b.port]), [[7, 'kafka.example.internal', 19999]])
    assert.equal(md.controllerId, 7)
    assert.equal(md.clusterId, tb.broker.clusterId)
    assert.match(md.clusterId, /^[A-Za-z0-9_-]{22}$/)
    const dc = await raw.request(60, 1, { includeClusterAuthorizedOperations: false, endpointType: 1 })
    assert.deepEqual(dc.brokers.map((b: any) => [b.brokerId, b.host, b.port]), [[7, 'kafka.example.internal', 19999]])
    raw.close()
  } finally {
    await tb.stop()
  }
})
