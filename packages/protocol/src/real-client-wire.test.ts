// Against real clients' bytes: KafkaJS 2.2.4 (non-flexible versions: Produce v7, Metadata v6,
// ApiVersions v2) and @platformatic/kafka (flexible versions: Produce v11, Metadata v12,
// ApiVersions v3+) connect to a tiny TCP server that answers ApiVersions, Metadata,
// InitProducerId and Produce with this codec's encoders. The captured Produce frames are
// decoded with decodeRequest, their batches validated and read back record by record, so
// both directions are checked against each client's own codec.

import assert from 'node:assert/strict'
import { once } from 'node:events'
import { createServer } from 'node:net'
import type { AddressInfo, Server, Socket } from 'node:net'
import { after, before, test } from 'node:test'
import kafkajs from 'kafkajs'
import { Producer as PlatformaticProducer, stringSerializers } from '@platformatic/kafka'
import { ApiKey, decodeRequest, decodeRequestHeader, encodeResponse, iterateRecords, readBatchHeader, validateClientBatch } from './index.ts'

const { Kafka, CompressionTypes, logLevel } = kafkajs
const TOPIC = 'kjs-wire'

interface Captured { apiVersion: number; body: any }

const versionsSeen = new Map<number, number[]>()

let server: Server
let port = 0
const produced: Captured[] = []
const sockets = new Set<Socket>()

function answer (apiKey: number, apiVersion: number, body: any): object | null {
  switch (apiKey) {
    case ApiKey.ApiVersions:
      return {
        errorCode: 0,
        throttleTimeMs: 0,
        apiKeys: [
          { apiKey: ApiKey.Produce, minVersion: 0, maxVersion: 11 },
          { apiKey: ApiKey.Metadata, minVersion: 0, maxVersion: 12 },
          { apiKey: ApiKey.ApiVersions, minVersion: 0, maxVersion: 4 },
          { apiKey: ApiKey.InitProducerId, minVersion: 0, maxVersion: 5 },
        ],
      }
    case ApiKey.Metadata:
      return {
        throttleTimeMs: 0,
        brokers: [{ nodeId: 0, host: '127.0.0.1', port, rack: null }],
        clusterId: 'wire-test',
        controllerId: 0,
        topics: [{
          errorCode: 0, name: TOPIC, isInternal: false, topicId: '0'.repeat(32), topicAuthorizedOperations: 0,
          partitions: [{ errorCode: 0, partitionIndex: 0, leaderId: 0, leaderEpoch: 0, replicaNodes: [0], isrNodes: [0], offlineReplicas: [] }],
        }],
        clusterAuthorizedOperations: 0,
      }
    case ApiKey.InitProducerId:
      return { throttleTimeMs: 0, errorCode: 0, producerId: 4321, producerEpoch: 0 }
    case ApiKey.Produce:
      produced.push({ apiVersion, body })
      if (body.acks === 0) return null
      return {
        throttleTimeMs: 0,
        responses: body.topicData.map((t: any) => ({
          name: t.name,
          partitionResponses: t.partitionData.map((p: any) => ({ index: p.index, errorCode: 0, baseOffset: 0, logAppendTimeMs: -1, logStartOffset: 0, recordErrors: [], errorMessage: null })),
        })),
      }
  }
  throw new Error(`unexpected api key ${apiKey}`)
}

function serve (socket: Socket): void {
  sockets.add(socket)
  socket.on('close', () => sockets.delete(socket))
  let pending = Buffer.alloc(0)
  socket.on('data', (data: Buffer) => {
    pending = Buffer.concat([pending, data])
    while (pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) {
      const size = pending.readInt32BE(0)
      const frame = pending.subarray(4, 4 + size)
      pending = pending.subarray(4 + size)
      const h = decodeRequestHeader(frame)
      versionsSeen.set(h.apiKey, [...(versionsSeen.get(h.apiKey) ?? []), h.apiVersion])
      const body = decodeRequest(h.apiKey, h.apiVersion, frame, h.headerSize)
      const response = answer(h.apiKey, h.apiVersion, body)
      if (response !== null) for (const chunk of encodeResponse(h.apiKey, h.apiVersion, h.correlationId, response)) socket.write(chunk)
    }
  })
}

before(async () => {
  server = createServer(serve)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  port = (server.address() as AddressInfo).port
})

after(async () => {
  for (const s of sockets) s.destroy()
  server.close()
})

function client (retries = 0): InstanceType<typeof Kafka> {
  return new Kafka({
    clientId: 'wire-test',
    brokers: [`127.0.0.1:${port}`],
    logLevel: logLevel.NOTHING,
    retry: { retries, initialRetryTime: 50, maxRetryTime: 200 },
    connectionTimeout: 3000,
    requestTimeout: 5000,
  })
}

const messages = Array.from({ length: 20 }, (_, i) => ({
  key: i % 4 === 0 ? null : `key-${i}`,
  value: `value-${i}-${'x'.repeat(i * 3)}`,
  headers: { trace: `t-${i}`, 'ü-header': Buffer.from([i, 255]) },
  timestamp: String(1_700_000_000_000 + i),
}))

function checkBatch (records: Buffer, compression: number, producerId: number, produceVersion = 7): void {
  assert.equal(validateClientBatch(records, { maxMessageBytes: 1048588, compactedTopic: false, produceVersion }), null)
  const h = readBatchHeader(records)
  assert.equal(h.compression, compression)
  assert.equal(h.recordsCount, messages.length)
  assert.equal(h.producerId, producerId)
  const got = [...iterateRecords(records)]
  assert.equal(got.length, messages.length)
  got.forEach((r, i) => {
    const m = messages[i]
    assert.equal(r.offsetDelta, i)
    assert.equal(r.key?.toString() ?? null, m.key)
    assert.equal(r.value?.toString(), m.value)
    assert.equal(r.timestamp, Number(m.timestamp))
    assert.deepEqual(r.headers.map(x => [x.key, x.value]), [['trace', Buffer.from(`t-${i}`)], ['ü-header', Buffer.from([i, 255])]])
  })
}

test('KafkaJS Produce v7 frames decode, uncompressed and gzip', async () => {
  const producer = client().producer({ allowAutoTopicCreation: false })
  await producer.connect()
  try {
    produced.length = 0
    await producer.send({ topic: TOPIC, messages, acks: -1 })
    await producer.send({ topic: TOPIC, messages, compression: CompressionTypes.GZIP })
  } finally {
    await producer.disconnect()
  }
  assert.equal(produced.length, 2)
  for (const [i, p] of produced.entries()) {
    assert.equal(p.apiVersion, 7, 'KafkaJS 2.2.4 caps Produce at v7')
    assert.equal(p.body.acks, -1)
    assert.equal(p.body.transactionalId, null)
    assert.equal(p.body.topicData[0].name, TOPIC)
    assert.equal(p.body.topicData[0].partitionData[0].index, 0)
    checkBatch(p.body.topicData[0].partitionData[0].records, i === 0 ? 0 : 1, -1)
  }
})

test('KafkaJS idempotent producer: InitProducerId answered, batch carries the producer id and sequence 0', async () => {
  const producer = client(1).producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false })
  await producer.connect()
  try {
    produced.length = 0
    await producer.send({ topic: TOPIC, messages })
  } finally {
    await producer.disconnect()
  }
  assert.equal(produced.length, 1)
  const records = produced[0].body.topicData[0].partitionData[0].records
  checkBatch(records, 0, 4321)
  const h = readBatchHeader(records)
  assert.deepEqual([h.producerEpoch, h.baseSequence], [0, 0])
})

test('@platformatic/kafka flexible versions: Produce v11 frames decode with every codec', async () => {
  versionsSeen.clear()
  produced.length = 0
  const producer = new PlatformaticProducer({
    clientId: 'wire-test-plt',
    bootstrapBrokers: [`127.0.0.1:${port}`],
    serializers: stringSerializers,
    idempotent: false,
    retries: 0,
  })
  try {
    for (const compression of ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const) {
      await producer.send({
        acks: -1,
        compression,
        messages: messages.map(m => ({
          topic: TOPIC,
          partition: 0,
          key: m.key ?? undefined,
          value: m.value,
          headers: new Map<string, string>([['trace', m.headers.trace]]),
          timestamp: BigInt(m.timestamp),
        })),
      })
    }
  } finally {
    await producer.close()
  }
  assert.ok((versionsSeen.get(ApiKey.ApiVersions) ?? []).every(v => v >= 3), 'flexible ApiVersions request')
  assert.ok((versionsSeen.get(ApiKey.Metadata) ?? []).every(v => v >= 9), 'flexible Metadata request')
  assert.equal(produced.length, 5)
  for (const [codec, p] of produced.entries()) {
    assert.ok(p.apiVersion >= 9, `flexible Produce (got v${p.apiVersion})`)
    const records = p.body.topicData[0].partitionData[0].records
    assert.equal(validateClientBatch(records, { maxMessageBytes: 1048588, compactedTopic: false, produceVersion: p.apiVersion }), null)
    const h = readBatchHeader(records)
    assert.equal(h.compression, codec)
    const got = [...iterateRecords(records)]
    assert.equal(got.length, messages.length)
    got.forEach((r, i) => {
      assert.equal(r.key?.toString() ?? null, messages[i].key)
      assert.equal(r.value?.toString(), messages[i].value)
      assert.deepEqual(r.headers.map(x => [x.key, x.value?.toString()]), [['trace', `t-${i}`]])
    })
  }
})
