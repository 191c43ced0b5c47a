// A file sink whose disk fills up: the task fails with the disk error in its trace while the worker
// keeps answering, the file holds only whole lines of records in order, and after space is freed a
// task restart completes the copy: every record once, in order. The disk is a real 256 KiB tmpfs
// (mounting one needs root; skipped without it, see testkit's tmpfs.ts).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Producer, ProduceAcks } from '@platformatic/kafka'
import { mountSmallDisk, TMPFS_MISSING } from '@tributary/testkit'
import { startTestKafka } from '../test-support/test-kafka.ts'
import { eventually, startTestWorker } from '../test-support/test-worker.ts'

const RECORDS = 100
const value = (i: number): string => `${i}:${'x'.repeat(1000)}`

test('a full disk fails the file sink task, keeps whole lines only, and a restart after freeing space completes the copy', async (t) => {
  // Undone in reverse order after the test: producer, worker, broker, then the disk.
  const cleanup: Array<() => Promise<unknown> | unknown> = []
  t.after(async () => { for (const undo of cleanup.reverse()) await undo() })
  const disk = await mountSmallDisk(256 * 1024)
  if (disk === null) {
    t.skip(TMPFS_MISSING)
    return
  }
  cleanup.push(() => disk.release())
  const dir = disk.dir
  // Leaves ~64 KiB for the sink's ~100 KB: the disk fills part way; freeing the ballast makes room.
  const ballast = join(dir, 'ballast')
  await writeFile(ballast, Buffer.alloc(192 * 1024, 1))
  const kafka = await startTestKafka(t)
  if (kafka === null) return
  cleanup.push(() => kafka.stop())
  const w = await startTestWorker(kafka.bootstrap, { props: { 'value.converter': 'org.apache.kafka.connect.storage.StringConverter' } })
  cleanup.push(() => w.stop())
  const producer = new Producer({ clientId: 'full-disk', bootstrapBrokers: [kafka.bootstrap], acks: ProduceAcks.ALL, idempotent: true, autocreateTopics: true })
  cleanup.push(() => producer.close())
  const output = join(dir, 'out.txt')
  const created = await w.http('POST', '/connectors', { name: 'full', config: { 'connector.class': 'FileStreamSink', file: output, topics: 'full-in' } })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const taskState = async (): Promise<string | undefined> => (await w.http('GET', '/connectors/full/status')).body.tasks[0]?.state
  const lineCount = async (): Promise<number> => (await readFile(output, 'utf8').catch(() => '')).split('\n').length - 1
  // Ten sends, each waited for, so the sink puts several batches and the first ones fit.
  for (let i = 0; i < RECORDS; i += 10) {
    await producer.send({ messages: Array.from({ length: 10 }, (_, j) => ({ topic: 'full-in', partition: 0, value: Buffer.from(value(i + j)) })) })
    await eventually(async () => await lineCount() >= i + 10 || await taskState() === 'FAILED', 30000, `records ${i}..${i + 9} written or the task failed`)
  }

  const failed = await eventually(async () => {
    const s = (await w.http('GET', '/connectors/full/status')).body
    return s.tasks[0]?.state === 'FAILED' ? s : null
  }, 30000, 'the sink task FAILED')
  assert.match(failed.tasks[0].trace, /^org\.apache\.kafka\.connect\.errors\.ConnectException: Exiting WorkerSinkTask due to unrecoverable exception\./)
  assert.match(failed.tasks[0].trace, /\nCaused by: java\.lang\.RuntimeException: ENOSPC: no space left on device/)
  assert.equal((await w.http('GET', '/')).status, 200, 'the worker still answers')
  const before = (await readFile(output, 'utf8')).split('\n')
  assert.equal(before.pop(), '', 'the file ends with a whole line')
  assert.deepEqual(before, before.map((_, i) => value(i)), 'whole lines of the first records, in order')
  assert.ok(before.length > 0 && before.length < RECORDS, `the disk filled up part way (${before.length} of ${RECORDS} lines)`)

  await rm(ballast)
  assert.equal((await w.http('POST', '/connectors/full/tasks/0/restart')).status, 204)
  await eventually(async () => (await readFile(output, 'utf8')).split('\n').length > RECORDS, 30000, 'every record in the file')
  await new Promise((resolve) => setTimeout(resolve, 500))
  const after = (await readFile(output, 'utf8')).split('\n')
  assert.equal(after.pop(), '')
  assert.deepEqual(after, Array.from({ length: RECORDS }, (_, i) => value(i)), 'every record once, in order')
})
