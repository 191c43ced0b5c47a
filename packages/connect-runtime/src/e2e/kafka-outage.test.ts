// A Kafka outage pauses tasks instead of failing them: with the broker gone, source and sink stay
// RUNNING while their clients retry; when it returns on the same address, the pipeline resumes and
// the lines written meanwhile arrive.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { appendFile, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBroker } from '@tributary/broker'
import { pino } from 'pino'
import { eventually, startTestWorker } from '../test-support/test-worker.ts'

test('tasks survive a broker outage and resume when it returns', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'outage-broker-'))
  const logger = pino({ level: process.env.TRIBUTARY_TEST_LOG ?? 'silent' })
  let broker = await startBroker({ host: '127.0.0.1', port: 0, dataDir, logger })
  const port = broker.port
  const w = await startTestWorker(`127.0.0.1:${port}`)
  t.after(async () => {
    await w.stop()
    await broker.close()
  })
  const input = join(w.dir, 'in.txt')
  const output = join(w.dir, 'out.txt')
  await writeFile(input, 'before\n')
  assert.equal((await w.http('POST', '/connectors', { name: 'src', config: { 'connector.class': 'FileStreamSource', file: input, topic: 'outage' } })).status, 201)
  assert.equal((await w.http('POST', '/connectors', { name: 'sink', config: { 'connector.class': 'FileStreamSink', file: output, topics: 'outage' } })).status, 201)
  await eventually(async () => (await readFile(output, 'utf8').catch(() => '')) === 'before\n', 30000, 'first line')

  await broker.close()
  await appendFile(input, 'during\n')
  await new Promise((resolve) => setTimeout(resolve, 3000))
  const states = async (): Promise<string[]> => {
    const body = (await w.http('GET', '/connectors?expand=status')).body
    return ['src', 'sink'].map((c) => body[c].status.tasks[0].state)
  }
  assert.deepEqual(await states(), ['RUNNING', 'RUNNING'])

  broker = await startBroker({ host: '127.0.0.1', port, dataDir, logger })
  await eventually(async () => (await readFile(output, 'utf8')).includes('during\n'), 60000, 'the line written during the outage')
  assert.deepEqual(await states(), ['RUNNING', 'RUNNING'])
  assert.equal((await readFile(output, 'utf8')).split('\n').filter((l) => l === 'during').length >= 1, true)
})
