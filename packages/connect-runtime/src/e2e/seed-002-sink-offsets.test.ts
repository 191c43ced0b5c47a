// Seed 002's walkthrough as written: a FileStreamSink writes 17 JSON-with-schema records as
// Struct{...} lines; its offsets read 17; stopped, PATCHed back to 10, resumed: exactly records
// 11..17 are appended again.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Producer, ProduceAcks } from '@platformatic/kafka'
import { startTestKafka } from '../test-support/test-kafka.ts'
import { eventually, startTestWorker } from '../test-support/test-worker.ts'

const MODELS: Array<[number, string, number, number]> = [
  [1, 'The Blonde', 23000, 1], [2, 'The Brunette', 25000, 1], [3, 'The Red Head', 29000, 1], [4, 'Hat', 22000, 2],
  [5, 'Sweater', 25000, 2], [6, 'T-Shirt', 27000, 2], [7, 'Orange', 15000, 3], [8, 'Blue', 12000, 3], [9, 'Green', 17000, 3],
  [10, 'LaFerrari', 125000, 4], [11, '450', 75000, 4], [12, 'F12 Berlinetta', 110000, 4], [13, 'F40', 100000, 4],
  [14, 'Extra', 30000, 5], [15, 'Too Much', 35000, 5], [16, 'Beats', 24000, 6], [17, 'Bars', 35000, 6],
]
const SCHEMA = {
  type: 'struct',
  fields: [
    { type: 'int32', optional: false, field: 'model_id' },
    { type: 'string', optional: false, field: 'model_name' },
    { type: 'int32', optional: false, field: 'model_base_price' },
    { type: 'int32', optional: false, field: 'brand_id' },
  ],
  optional: false,
  name: 'models',
}
const line = ([id, name, price, brand]: [number, string, number, number]): string => `Struct{model_id=${id},model_name=${name},model_base_price=${price},brand_id=${brand}}`

test('seed 002: sink offsets read, connector stopped, offset PATCHed to 10, resumed: records after 10 appended again', async (t) => {
  const kafka = await startTestKafka(t)
  if (kafka === null) return
  t.after(() => kafka.stop())
  const w = await startTestWorker(kafka.bootstrap)
  t.after(() => w.stop())
  const topic = 'sqlite-sample-Models'
  const producer = new Producer({ clientId: 'seed-002', bootstrapBrokers: [kafka.bootstrap], acks: ProduceAcks.ALL, idempotent: true, autocreateTopics: true })
  t.after(() => producer.close())
  await producer.send({
    messages: MODELS.map(([model_id, model_name, model_base_price, brand_id]) => ({
      topic,
      partition: 0,
      value: Buffer.from(JSON.stringify({ schema: SCHEMA, payload: { model_id, model_name, model_base_price, brand_id } })),
    })),
  })

  const sinkFile = join(w.dir, 'sink.txt')
  const created = await w.http('POST', '/connectors', {
    name: 'File-Sink-Connector',
    config: { topics: topic, 'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector', 'value.converter': 'org.apache.kafka.connect.json.JsonConverter', file: sinkFile },
  })
  assert.equal(created.status, 201)
  const expected = MODELS.map(line)
  await eventually(async () => (await readFile(sinkFile, 'utf8').catch(() => '')) === expected.join('\n') + '\n', 60000, '17 Struct lines')

  const status = await w.http('GET', '/connectors/File-Sink-Connector/status')
  assert.deepEqual(status.body, {
    name: 'File-Sink-Connector',
    connector: { state: 'RUNNING', worker_id: w.workerId },
    tasks: [{ id: 0, state: 'RUNNING', worker_id: w.workerId }],
    type: 'sink',
  })

  const at17 = { offsets: [{ partition: { kafka_topic: topic, kafka_partition: 0 }, offset: { kafka_offset: 17 } }] }
  await eventually(async () => JSON.stringify((await w.http('GET', '/connectors/File-Sink-Connector/offsets')).body) === JSON.stringify(at17), 20000, 'offset 17')

  // Offsets cannot be altered while the connector runs.
  const early = await w.http('PATCH', '/connectors/File-Sink-Connector/offsets', { offsets: [{ partition: { kafka_topic: topic, kafka_partition: 0 }, offset: { kafka_offset: 10 } }] })
  assert.equal(early.status, 400)
  assert.equal(early.body.message, "Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/File-Sink-Connector/stop' endpoint")

  assert.equal((await w.http('PUT', '/connectors/File-Sink-Connector/stop')).status, 204)
  const stopped = await w.http('GET', '/connectors/File-Sink-Connector/status')
  assert.deepEqual({ state: stopped.body.connector.state, tasks: stopped.body.tasks }, { state: 'STOPPED', tasks: [] })

  const patched = await w.http('PATCH', '/connectors/File-Sink-Connector/offsets', { offsets: [{ partition: { kafka_topic: topic, kafka_partition: 0 }, offset: { kafka_offset: 10 } }] })
  assert.equal(patched.status, 200)
  assert.deepEqual(patched.body, { message: 'The offsets for this connector have been altered successfully' })
  assert.deepEqual((await w.http('GET', '/connectors/File-Sink-Connector/offsets')).body, { offsets: [{ partition: { kafka_topic: topic, kafka_partition: 0 }, offset: { kafka_offset: 10 } }] })

  assert.equal((await w.http('PUT', '/connectors/File-Sink-Connector/resume')).status, 202)
  const again = [...expected, ...MODELS.slice(10).map(line)]
  await eventually(async () => (await readFile(sinkFile, 'utf8')) === again.join('\n') + '\n', 60000, 'records 11..17 appended again')
  // And nothing more arrives.
  await new Promise((resolve) => setTimeout(resolve, 1500))
  assert.equal(await readFile(sinkFile, 'utf8'), again.join('\n') + '\n')
})
