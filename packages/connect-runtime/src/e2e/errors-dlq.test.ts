// A record that fails conversion: with errors.tolerance=all it goes to the DLQ with Kafka's
// __connect.errors.* headers and the others are delivered; with tolerance=none the task FAILS.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Consumer, Producer, ProduceAcks } from '@platformatic/kafka'
import { startTestKafka } from '../test-support/test-kafka.ts'
import { captured, testPlugins } from '../test-support/test-connectors.ts'
import { eventually, startTestWorker } from '../test-support/test-worker.ts'

const KEY = Buffer.from(JSON.stringify({ schema: { type: 'string', optional: false }, payload: 'k2' }))
const good = (n: number): Buffer => Buffer.from(JSON.stringify({ schema: { type: 'int32', optional: false }, payload: n }))

test('conversion failure: DLQ with context headers under tolerance=all, task FAILED under none', async (t) => {
  const kafka = await startTestKafka(t)
  if (kafka === null) return
  t.after(() => kafka.stop())
  const w = await startTestWorker(kafka.bootstrap, { plugins: testPlugins })
  t.after(() => w.stop())
  const producer = new Producer({ clientId: 'dlq-test', bootstrapBrokers: [kafka.bootstrap], acks: ProduceAcks.ALL, idempotent: true, autocreateTopics: true })
  t.after(() => producer.close())
  await producer.send({
    messages: [
      { topic: 'orders', partition: 0, value: good(1) },
      { topic: 'orders', partition: 0, key: KEY, value: Buffer.from('this is not json'), headers: new Map([[Buffer.from('origin'), Buffer.from('test')]]) },
      { topic: 'orders', partition: 0, value: good(3) },
    ],
  })

  const tolerant = await w.http('POST', '/connectors', {
    name: 'tolerant',
    config: {
      'connector.class': 'test.CapturingSinkConnector',
      topics: 'orders',
      'errors.tolerance': 'all',
      'errors.log.enable': 'true',
      'errors.deadletterqueue.topic.name': 'orders-dlq',
      'errors.deadletterqueue.topic.replication.factor': '1',
      'errors.deadletterqueue.context.headers.enable': 'true',
    },
  })
  assert.equal(tolerant.status, 201)
  await eventually(() => (captured.get('tolerant')?.length ?? 0) >= 2, 30000, 'two good records')
  // At-least-once: a rebalance may redeliver, so compare the distinct records.
  assert.deepEqual([...new Map(captured.get('tolerant')!.map((r) => [r.kafkaOffset, r.value]))], [[0, 1], [2, 3]])

  const consumer = new Consumer({ groupId: 'dlq-reader', clientId: 'dlq-reader', bootstrapBrokers: [kafka.bootstrap], autocommit: false })
  t.after(() => consumer.close(true))
  const stream = await consumer.consume({ topics: ['orders-dlq'], mode: 'earliest' })
  const dlq = await new Promise<{ key?: Buffer, value?: Buffer, headers: Map<Buffer, Buffer> }>((resolve) => stream.once('data', resolve))
  await stream.close()
  assert.equal(dlq.value?.toString(), 'this is not json')
  assert.deepEqual(dlq.key, KEY)
  const h = new Map([...dlq.headers].map(([k, v]) => [k.toString(), v.toString()]))
  assert.equal(h.get('origin'), 'test')
  assert.equal(h.get('__connect.errors.topic'), 'orders')
  assert.equal(h.get('__connect.errors.partition'), '0')
  assert.equal(h.get('__connect.errors.offset'), '1')
  assert.equal(h.get('__connect.errors.connector.name'), 'tolerant')
  assert.equal(h.get('__connect.errors.task.id'), '0')
  assert.equal(h.get('__connect.errors.stage'), 'VALUE_CONVERTER')
  assert.equal(h.get('__connect.errors.class.name'), 'org.apache.kafka.connect.json.JsonConverter')
  assert.equal(h.get('__connect.errors.exception.class.name'), 'org.apache.kafka.connect.errors.DataException')
  assert.ok((h.get('__connect.errors.exception.message') ?? '').length > 0)
  assert.match(h.get('__connect.errors.exception.stacktrace') ?? '', /^org\.apache\.kafka\.connect\.errors\.DataException: /)
  const status = (await w.http('GET', '/connectors/tolerant/status')).body
  assert.equal(status.tasks[0].state, 'RUNNING')

  const strict = await w.http('POST', '/connectors', { name: 'strict', config: { 'connector.class': 'test.CapturingSinkConnector', topics: 'orders' } })
  assert.equal(strict.status, 201)
  const failed = await eventually(async () => {
    const s = (await w.http('GET', '/connectors/strict/status')).body
    return s.tasks[0]?.state === 'FAILED' ? s : null
  }, 30000, 'strict task FAILED')
  assert.match(failed.tasks[0].trace, /^org\.apache\.kafka\.connect\.errors\.ConnectException: Tolerance exceeded in error handler/)
  assert.match(failed.tasks[0].trace, /Caused by: org\.apache\.kafka\.connect\.errors\.DataException/)
  assert.equal(failed.connector.state, 'RUNNING')
  assert.equal(captured.get('strict'), undefined)
})

test('KIP-610: a sink task reports an errant record; the DLQ gets the original bytes', async (t) => {
  const kafka = await startTestKafka(t)
  if (kafka === null) return
  t.after(() => kafka.stop())
  const w = await startTestWorker(kafka.bootstrap, { plugins: testPlugins, props: { 'value.converter': 'org.apache.kafka.connect.storage.StringConverter' } })
  t.after(() => w.stop())
  const producer = new Producer({ clientId: 'errant-test', bootstrapBrokers: [kafka.bootstrap], acks: ProduceAcks.ALL, idempotent: true, autocreateTopics: true })
  t.after(() => producer.close())
  await producer.send({ messages: ['ok-1', 'bad', 'ok-2'].map((v) => ({ topic: 'errant-in', partition: 0, value: Buffer.from(v) })) })
  const created = await w.http('POST', '/connectors', {
    name: 'errant',
    config: {
      'connector.class': 'test.ErrantSinkConnector',
      topics: 'errant-in',
      'errors.deadletterqueue.topic.name': 'errant-dlq',
      'errors.deadletterqueue.topic.replication.factor': '1',
      'errors.deadletterqueue.context.headers.enable': 'true',
    },
  })
  assert.equal(created.status, 201)
  await eventually(() => (captured.get('errant')?.length ?? 0) >= 2, 30000, 'good records')
  const consumer = new Consumer({ groupId: 'errant-reader', clientId: 'errant-reader', bootstrapBrokers: [kafka.bootstrap], autocommit: false })
  t.after(() => consumer.close(true))
  const stream = await consumer.consume({ topics: ['errant-dlq'], mode: 'earliest' })
  const dlq = await new Promise<{ value?: Buffer, headers: Map<Buffer, Buffer> }>((resolve) => stream.once('data', resolve))
  await stream.close()
  assert.equal(dlq.value?.toString(), 'bad')
  const h = new Map([...dlq.headers].map(([k, v]) => [k.toString(), v.toString()]))
  assert.equal(h.get('__connect.errors.stage'), 'TASK_PUT')
  assert.equal(h.get('__connect.errors.offset'), '1')
  assert.equal(h.get('__connect.errors.exception.message'), 'rejected by the sink')
})
