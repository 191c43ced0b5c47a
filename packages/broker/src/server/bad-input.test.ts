// Bad input on one connection never disturbs another: each case is followed by a request on
// a healthy connection opened before it.

import assert from 'node:assert/strict'
import { connect } from 'node:net'
import { after, before, test } from 'node:test'
import { decodeResponseFrame, ErrorCode } from '@tributary/protocol'
import { Kafka, logLevel } from 'kafkajs'
import { handlers } from '../handlers/index.ts'
import { RawClient } from '../testing/raw-client.ts'
import { startTestBroker } from '../testing/test-broker.ts'
import type { TestBroker } from '../testing/test-broker.ts'

let tb: TestBroker
let healthy: RawClient

before(async () => {
  tb = await startTestBroker({ 'socket.request.max.bytes': 1 << 20 })
  healthy = await RawClient.connect(tb.broker.port)
})
after(async () => {
  healthy.close()
  await tb.stop()
})

async function assertHealthy (): Promise<void> {
  const res = await healthy.request(3, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false })
  assert.equal(res.brokers[0].port, tb.broker.port)
}

function frame (payload: Buffer): Buffer {
  const size = Buffer.alloc(4)
  size.writeInt32BE(payload.length)
  return Buffer.concat([size, payload])
}

function header (apiKey: number, apiVersion: number, correlationId: number): Buffer {
  const b = Buffer.alloc(10)
  b.writeInt16BE(apiKey, 0)
  b.writeInt16BE(apiVersion, 2)
  b.writeInt32BE(correlationId, 4)
  b.writeInt16BE(-1, 8) // null client id
  return b
}

test('garbage bytes close that connection only', async () => {
  const c = await RawClient.connect(tb.broker.port)
  c.write(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'))
  assert.equal(await c.waitClosed(), true)
  await assertHealthy()
})

test('a 2 GB size prefix closes the connection without allocating it', async () => {
  const before = process.memoryUsage().rss
  const c = await RawClient.connect(tb.broker.port)
  const prefix = Buffer.alloc(4)
  prefix.writeInt32BE(0x7fffffff)
  c.write(prefix)
  c.write(Buffer.alloc(64 * 1024, 1))
  assert.equal(await c.waitClosed(), true)
  assert.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024, 'memory did not balloon')
  await assertHealthy()
})

test('a frame above socket.request.max.bytes closes the connection', async () => {
  const c = await RawClient.connect(tb.broker.port)
  const prefix = Buffer.alloc(4)
  prefix.writeInt32BE((1 << 20) + 1)
  c.write(prefix)
  assert.equal(await c.waitClosed(), true)
  await assertHealthy()
})

test('unknown api key closes; unsupported version closes except ApiVersions', async () => {
  const unknown = await RawClient.connect(tb.broker.port)
  unknown.write(frame(header(999, 0, 1)))
  assert.equal(await unknown.waitClosed(), true)

  const badVersion = await RawClient.connect(tb.broker.port)
  badVersion.write(frame(header(3, 99, 2)))
  assert.equal(await badVersion.waitClosed(), true)

  const apiVersions = await RawClient.connect(tb.broker.port)
  apiVersions.write(frame(Buffer.concat([header(18, 99, 7), Buffer.from([0])])))
  const { correlationId, body } = decodeResponseFrame(18, 0, await apiVersions.nextFrame())
  assert.equal(correlationId, 7)
  assert.equal(body.errorCode, ErrorCode.UNSUPPORTED_VERSION)
  const produce = body.apiKeys.find((k: any) => k.apiKey === 0)
  assert.deepEqual([produce.minVersion, produce.maxVersion], [0, 11])
  apiVersions.close()

  const badSoftware = await RawClient.connect(tb.broker.port)
  const invalid = await badSoftware.request(18, 3, { clientSoftwareName: 'bad name!', clientSoftwareVersion: '1.0' })
  assert.equal(invalid.errorCode, ErrorCode.INVALID_REQUEST)
  const valid = await badSoftware.request(18, 3, { clientSoftwareName: 'tributary-test', clientSoftwareVersion: '1.0.0' })
  assert.equal(valid.errorCode, 0)
  assert.ok(valid.apiKeys.length >= 15)
  badSoftware.close()
  await assertHealthy()
})

test('truncated and undecodable frames close that connection only', async () => {
  // A Metadata v1 whose topic array claims 5 entries but has none.
  const bad = await RawClient.connect(tb.broker.port)
  const body = Buffer.alloc(4)
  body.writeInt32BE(5)
  bad.write(frame(Buffer.concat([header(3, 1, 1), body])))
  assert.equal(await bad.waitClosed(), true)
  // Too short for a header.
  const short = await RawClient.connect(tb.broker.port)
  short.write(frame(Buffer.from([0, 3])))
  assert.equal(await short.waitClosed(), true)
  // Half a frame, then the client hangs up.
  const half = await RawClient.connect(tb.broker.port)
  const sizeOnly = Buffer.alloc(4)
  sizeOnly.writeInt32BE(100)
  half.write(Buffer.concat([sizeOnly, Buffer.alloc(10)]))
  half.socket.end()
  assert.equal(await half.waitClosed(), true)
  await assertHealthy()
})

test('a request on a half-closed socket is still answered, then the socket closes', async () => {
  const socket = connect({ host: '127.0.0.1', port: tb.broker.port, allowHalfOpen: true })
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
  const chunks: Buffer[] = []
  socket.on('data', (c: Buffer) => chunks.push(c))
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
  socket.end(frame(Buffer.concat([header(18, 0, 42)])))
  await closed
  const all = Buffer.concat(chunks)
  assert.ok(all.length > 8)
  assert.equal(decodeResponseFrame(18, 0, all.subarray(4)).correlationId, 42)
  await assertHealthy()
})

test('pipelined responses come back in request order; acks=0 gets none', async () => {
  const c = await RawClient.connect(tb.broker.port)
  await c.request(19, 7, { topics: [{ name: 'pipelined', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000, validateOnly: false })
  // A parked long-poll first, then a fast request: the fast one must wait its turn.
  const fetchId = c.send(1, 12, {
    replicaId: -1, maxWaitMs: 300, minBytes: 1, maxBytes: 1 << 20, isolationLevel: 0, sessionId: 0, sessionEpoch: -1,
    topics: [{ topic: 'pipelined', partitions: [{ partition: 0, currentLeaderEpoch: -1, fetchOffset: 0, lastFetchedEpoch: -1, logStartOffset: -1, partitionMaxBytes: 1 << 20 }] }],
    forgottenTopicsData: [], rackId: '',
  })
  c.send(0, 9, { transactionalId: null, acks: 0, timeoutMs: 1000, topicData: [] })
  const versionsId = c.send(18, 3, { clientSoftwareName: 'raw', clientSoftwareVersion: '1' })
  const started = Date.now()
  const first = decodeResponseFrame(1, 12, await c.nextFrame())
  assert.equal(first.correlationId, fetchId)
  assert.ok(Date.now() - started >= 250, 'the fetch long-polled')
  const second = decodeResponseFrame(18, 3, await c.nextFrame())
  assert.equal(second.correlationId, versionsId, 'acks=0 produce was not answered')
  c.close()
})

test('a real client keeps working after all of this', async () => {
  const kafka = new Kafka({ brokers: [tb.bootstrap], logLevel: logLevel.NOTHING })
  const admin = kafka.admin()
  await admin.connect()
  try {
    assert.ok((await admin.listTopics()).includes('pipelined'))
  } finally {
    await admin.disconnect()
  }
})

test('idle connections are closed after connections.max.idle.ms, busy ones are not', async () => {
  const other = await startTestBroker({ 'connections.max.idle.ms': 200 })
  try {
    const idle = await RawClient.connect(other.broker.port)
    const busy = await RawClient.connect(other.broker.port)
    await busy.request(19, 7, { topics: [{ name: 'quiet', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000, validateOnly: false })
    // A long-poll longer than the idle limit keeps its connection open.
    const pending = busy.request(1, 12, {
      replicaId: -1, maxWaitMs: 600, minBytes: 1, maxBytes: 1 << 20, isolationLevel: 0, sessionId: 0, sessionEpoch: -1,
      topics: [{ topic: 'quiet', partitions: [{ partition: 0, currentLeaderEpoch: -1, fetchOffset: 0, lastFetchedEpoch: -1, logStartOffset: -1, partitionMaxBytes: 1 << 20 }] }],
      forgottenTopicsData: [], rackId: '',
    })
    assert.equal(await idle.waitClosed(2000), true)
    const res = await pending
    assert.equal(res.errorCode, 0)
    busy.close()
  } finally {
    await other.stop()
  }
})

test('garbage bodies for every served api key and version never disturb the broker', async () => {
  // A fixed-seed generator, so a failure can be replayed.
  let seed = 0x2545f491
  const next = (): number => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed }
  const before = process.memoryUsage().rss
  for (const h of handlers) {
    for (let v = h.minVersion; v <= h.maxVersion; v++) {
      for (let i = 0; i < 2; i++) {
        const body = Buffer.alloc(next() % 48)
        for (let b = 0; b < body.length; b++) body[b] = next() & 0xff
        // Huge declared counts/lengths right where arrays and strings start.
        if (i === 0 && body.length >= 4) body.writeInt32BE(0x7ffffff0, 0)
        const c = await RawClient.connect(tb.broker.port)
        c.write(frame(Buffer.concat([header(h.apiKey, v, i), Buffer.from([0]), body])))
        await Promise.race([c.waitClosed(3000), c.nextFrame(3000).catch(() => undefined)])
        c.close()
      }
    }
  }
  assert.ok(process.memoryUsage().rss - before < 128 * 1024 * 1024, 'memory did not balloon')
  await assertHealthy()
})
