import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startTestKafka } from '../test-support/test-kafka.ts'
import { eventually, startTestWorker } from '../test-support/test-worker.ts'

// Regression: a sink whose topic did not exist yet failed with 'Unknown topic'.
test('a sink created before its topic exists waits for it', async (t) => {
  const kafka = await startTestKafka(t)
  if (kafka === null) return
  t.after(() => kafka.stop())
  const w = await startTestWorker(kafka.bootstrap)
  t.after(() => w.stop())
  const out = join(w.dir, 'out.txt')
  await w.http('POST', '/connectors', { name: 'sink', config: { 'connector.class': 'FileStreamSink', file: out, topics: 'later' } })
  // The task waits for the topic (or has the broker create it) instead of failing.
  await new Promise((resolve) => setTimeout(resolve, 2000))
  assert.equal((await w.http('GET', '/connectors/sink/status')).body.tasks[0].state, 'RUNNING')
  await writeFile(join(w.dir, 'in.txt'), 'x\ny\n')
  await w.http('POST', '/connectors', { name: 'src', config: { 'connector.class': 'FileStreamSource', file: join(w.dir, 'in.txt'), topic: 'later' } })
  await eventually(async () => (await readFile(out, 'utf8').catch(() => '')) === 'x\ny\n', 30000, 'lines')
})
