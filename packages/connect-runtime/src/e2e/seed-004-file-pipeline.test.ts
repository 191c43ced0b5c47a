// Seed 004's walkthrough as written: the FileSreamSource typo answered as Kafka does, a properties
// file copied through FileStreamSource → topic → FileStreamSink, then DELETE.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startTestKafka } from '../test-support/test-kafka.ts'
import { eventually, startTestWorker } from '../test-support/test-worker.ts'

const SERVER_PROPERTIES = Array.from({ length: 60 }, (_, i) => i % 7 === 0 ? `# comment line ${i}` : `setting.${i}=value-${i} with spaces and ünïcode`).join('\n') + '\n'

test('seed 004: file source → topic → file sink copies the file; typo and delete answered as Kafka', async (t) => {
  const kafka = await startTestKafka(t)
  if (kafka === null) return
  t.after(() => kafka.stop())
  const w = await startTestWorker(kafka.bootstrap)
  t.after(() => w.stop())
  const source = join(w.dir, 'server.properties')
  const copy = join(w.dir, 'copy-of-server-properties')
  await writeFile(source, SERVER_PROPERTIES)

  // The blog's typo: Kafka Connect answers 500 and lists the connectors it knows.
  const typo = await w.http('POST', '/connectors', { name: 'load-kafka-config', config: { 'connector.class': 'FileSreamSource', file: source, topic: 'kafka-config-topic' } })
  assert.equal(typo.status, 500)
  assert.equal(typo.body.error_code, 500)
  assert.match(typo.body.message, /^Failed to find any class that implements Connector and which name matches FileSreamSource, available connectors are: PluginDesc\{klass=class org\.apache\.kafka\.connect\.file\.FileStreamSinkConnector, name='org\.apache\.kafka\.connect\.file\.FileStreamSinkConnector', version='3\.9\.0', encodedVersion=3\.9\.0, type=sink, typeName='sink', location='classpath'\}/)
  assert.deepEqual((await w.http('GET', '/connectors')).body, [])

  const created = await w.http('POST', '/connectors', { name: 'load-kafka-config', config: { 'connector.class': 'FileStreamSource', file: source, topic: 'kafka-config-topic' } })
  assert.equal(created.status, 201)
  assert.equal(created.headers.get('location'), '/connectors/load-kafka-config')
  assert.deepEqual(created.body, {
    name: 'load-kafka-config',
    config: { 'connector.class': 'FileStreamSource', file: source, topic: 'kafka-config-topic', name: 'load-kafka-config' },
    tasks: [{ connector: 'load-kafka-config', task: 0 }],
    type: 'source',
  })

  const sink = await w.http('POST', '/connectors', { name: 'dump-kafka-config', config: { 'connector.class': 'FileStreamSink', file: copy, topics: 'kafka-config-topic' } })
  assert.equal(sink.status, 201)
  assert.equal(sink.body.type, 'sink')

  await eventually(async () => (await readFile(copy, 'utf8').catch(() => '')) === SERVER_PROPERTIES, 60000, 'the copy to equal the source')

  const status = await w.http('GET', '/connectors/dump-kafka-config/status')
  assert.equal(status.body.connector.state, 'RUNNING')
  assert.deepEqual(status.body.tasks.map((x: { state: string }) => x.state), ['RUNNING'])
  assert.equal(status.body.connector.worker_id, w.workerId)
  assert.deepEqual((await w.http('GET', '/connectors/load-kafka-config/topics')).body, { 'load-kafka-config': { topics: ['kafka-config-topic'] } })

  // Source offsets: the byte position after the last line, keyed by filename.
  const offsets = await eventually(async () => {
    const r = await w.http('GET', '/connectors/load-kafka-config/offsets')
    return r.body.offsets.length === 1 && r.body.offsets[0].offset.position === Buffer.byteLength(SERVER_PROPERTIES) ? r.body : null
  }, 20000, 'source offsets')
  assert.deepEqual(offsets, { offsets: [{ partition: { filename: source }, offset: { position: Buffer.byteLength(SERVER_PROPERTIES) } }] })

  const del = await w.http('DELETE', '/connectors/dump-kafka-config')
  assert.equal(del.status, 204)
  assert.deepEqual((await w.http('GET', '/connectors/dump-kafka-config')).body, { error_code: 404, message: 'Connector dump-kafka-config not found' })
  assert.deepEqual((await w.http('GET', '/connectors')).body, ['load-kafka-config'])
})
