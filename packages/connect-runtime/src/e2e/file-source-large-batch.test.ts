// Regression (found by bench W5): a FileStreamSource poll of 2000 × 1 KiB lines (Kafka's default
// batch.size) went to the producer as one ~2 MiB record batch, which the broker refused with
// MESSAGE_TOO_LARGE and the task FAILED. The batch is now sent in pieces under the limit.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startTestKafka } from '../test-support/test-kafka.ts'
import { eventually, startTestWorker } from '../test-support/test-worker.ts'

test('a 2 MiB source poll batch reaches the topic and the sink file intact', async (t) => {
  const kafka = await startTestKafka(t)
  if (kafka === null) return
  t.after(() => kafka.stop())
  const w = await startTestWorker(kafka.bootstrap, { props: { 'value.converter': 'org.apache.kafka.connect.storage.StringConverter' } })
  t.after(() => w.stop())
  const source = join(w.dir, 'input.jsonl')
  const copy = join(w.dir, 'copy.jsonl')
  const content = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: i, pad: 'x'.repeat(1000) })).join('\n') + '\n'
  await writeFile(source, content)

  assert.equal((await w.http('POST', '/connectors', { name: 'big-source', config: { 'connector.class': 'FileStreamSource', file: source, topic: 'big-lines', 'batch.size': '2000' } })).status, 201)
  assert.equal((await w.http('POST', '/connectors', { name: 'big-sink', config: { 'connector.class': 'FileStreamSink', file: copy, topics: 'big-lines' } })).status, 201)

  await eventually(async () => {
    const status = (await w.http('GET', '/connectors/big-source/status')).body
    assert.notEqual(status.tasks[0]?.state, 'FAILED', status.tasks[0]?.trace)
    return (await readFile(copy, 'utf8').catch(() => '')).length === content.length
  }, 90_000, 'the copy to hold every line')
  assert.equal(await readFile(copy, 'utf8'), content)
})
