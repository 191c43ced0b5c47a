// SinkTaskContext.offset(): a sink that rewinds from open() (as sinks keeping their own offsets do)
// consumes from there, once — the re-subscription's open() asking for the same position is a no-op.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Producer, ProduceAcks } from '@platformatic/kafka'
import { startTestKafka } from '../test-support/test-kafka.ts'
import { captured, testPlugins } from '../test-support/test-connectors.ts'
import { eventually, startTestWorker } from '../test-support/test-worker.ts'

test('a sink task rewinding in open() consumes from the requested offset', async (t) => {
  const kafka = await startTestKafka(t)
  if (kafka === null) return
  t.after(() => kafka.stop())
  const w = await startTestWorker(kafka.bootstrap, { plugins: testPlugins, props: { 'value.converter': 'org.apache.kafka.connect.storage.StringConverter' } })
  t.after(() => w.stop())
  const producer = new Producer({ clientId: 'rewind-test', bootstrapBrokers: [kafka.bootstrap], acks: ProduceAcks.ALL, idempotent: true, autocreateTopics: true })
  t.after(() => producer.close())
  await producer.send({ messages: ['r0', 'r1', 'r2', 'r3'].map((v) => ({ topic: 'rewind-in', partition: 0, value: Buffer.from(v) })) })
  assert.equal((await w.http('POST', '/connectors', { name: 'rewinder', config: { 'connector.class': 'test.RewindingSinkConnector', topics: 'rewind-in', 'rewind.to': '2' } })).status, 201)
  await eventually(() => (captured.get('rewinder')?.length ?? 0) >= 2, 30000, 'records from offset 2')
  await producer.send({ messages: [{ topic: 'rewind-in', partition: 0, value: Buffer.from('r4') }] })
  await eventually(() => (captured.get('rewinder')?.length ?? 0) >= 3, 30000, 'the next record')
  await new Promise((resolve) => setTimeout(resolve, 1500))
  assert.deepEqual(captured.get('rewinder')!.map((r) => [r.kafkaOffset, r.value]), [[2, 'r2'], [3, 'r3'], [4, 'r4']])
  const offsets = await eventually(async () => {
    const o = (await w.http('GET', '/connectors/rewinder/offsets')).body.offsets
    return o[0]?.offset.kafka_offset === 5 ? o : null
  }, 10000, 'committed offset 5')
  assert.deepEqual(offsets, [{ partition: { kafka_topic: 'rewind-in', kafka_partition: 0 }, offset: { kafka_offset: 5 } }])
})
