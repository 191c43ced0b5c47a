// Durability and configuration across a worker restart: connectors come back, a file source
// resumes from its committed position (no line copied twice), `${file:...}` placeholders are
// resolved for the connector but never shown by REST, topic tracking resets, and
// topic.creation.* creates the source topic with the requested partitions.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { appendFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Admin } from '@platformatic/kafka'
import { startTestKafka } from '../test-support/test-kafka.ts'
import { eventually, startTestWorker } from '../test-support/test-worker.ts'

test('connectors and source offsets survive a worker restart; secrets stay placeholders', async (t) => {
  const kafka = await startTestKafka(t)
  if (kafka === null) return
  t.after(() => kafka.stop())
  const providers = {
    'config.providers': 'file',
    'config.providers.file.class': 'org.apache.kafka.common.config.provider.FileConfigProvider',
  }
  let w = await startTestWorker(kafka.bootstrap, { props: providers })
  t.after(() => w.stop())
  const dir = w.dir
  const input = join(dir, 'input.txt')
  const output = join(dir, 'output.txt')
  const secrets = join(dir, 'secrets.properties')
  await writeFile(secrets, `input.path=${input}\n`)
  await writeFile(input, 'one\ntwo\n')
  const placeholder = `\${file:${secrets}:input.path}`

  const created = await w.http('POST', '/connectors', {
    name: 'src',
    config: {
      'connector.class': 'FileStreamSource',
      file: placeholder,
      topic: 'lines',
      'topic.creation.default.partitions': '3',
      'topic.creation.default.replication.factor': '1',
    },
  })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  assert.equal(created.body.config.file, placeholder)
  assert.equal((await w.http('GET', '/connectors/src/config')).body.file, placeholder)
  assert.equal((await w.http('GET', '/connectors/src/tasks')).body[0].config.file, placeholder)
  const admin = new Admin({ clientId: 'check', bootstrapBrokers: [kafka.bootstrap] })
  t.after(() => admin.close())
  // The sink comes second: its consumer would otherwise have the broker auto-create the topic first.
  await eventually(async () => (await admin.listTopics()).includes('lines'), 30000, 'topic created by the source')
  const md = await admin.metadata({ topics: ['lines'] })
  assert.equal(md.topics.get('lines')?.partitionsCount, 3)
  assert.equal((await w.http('POST', '/connectors', { name: 'sink', config: { 'connector.class': 'FileStreamSink', file: output, topics: 'lines' } })).status, 201)
  await eventually(async () => (await readFile(output, 'utf8').catch(() => '')).split('\n').filter(Boolean).sort().join(',') === 'one,two', 30000, 'first lines')
    .catch(async (err: unknown) => { throw new Error(`${String(err)}; output: ${JSON.stringify(await readFile(output, 'utf8').catch(() => null))}; statuses: ${JSON.stringify((await w.http('GET', '/connectors?expand=status')).body)}`) })
  await eventually(async () => (await w.http('GET', '/connectors/src/offsets')).body.offsets[0]?.offset.position === 8, 10000, 'offset 8')


  assert.deepEqual((await w.http('GET', '/connectors/src/topics')).body, { src: { topics: ['lines'] } })
  assert.equal((await w.http('PUT', '/connectors/src/topics/reset')).status, 202)
  assert.deepEqual((await w.http('GET', '/connectors/src/topics')).body, { src: { topics: [] } })

  await w.stop()
  await appendFile(input, 'three\n')
  w = await startTestWorker(kafka.bootstrap, { props: providers, dir })
  assert.deepEqual((await w.http('GET', '/connectors')).body.sort(), ['sink', 'src'])
  await eventually(async () => (await readFile(output, 'utf8')).includes('three\n'), 60000, 'third line')
  await new Promise((resolve) => setTimeout(resolve, 1000))
  // The source resumed from its committed position: 'one' and 'two' were not read again. (The sink
  // is at-least-once, so a redelivery of uncommitted records would be allowed; none is expected here.)
  assert.deepEqual([...new Set((await readFile(output, 'utf8')).split('\n').filter(Boolean))].sort(), ['one', 'three', 'two'])
  assert.equal((await readFile(output, 'utf8')).split('\n').filter((l) => l === 'three').length, 1)
})
