import { test } from 'node:test'
import assert from 'node:assert/strict'
import { appendFile, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SourceRecord } from '@tributary/connect-api'
import { FileStreamSourceConnector } from './file-stream-source-connector.ts'
import { FileStreamSourceTask } from './file-stream-source-task.ts'

async function task (file: string, committed: Record<string, unknown> | null = null, batch = '2000'): Promise<FileStreamSourceTask> {
  const t = new FileStreamSourceTask()
  t.initialize({ configs: () => ({}), offsetStorageReader: { offset: async () => committed, offsets: async () => [] } })
  t.start({ file, topic: 'lines', 'batch.size': batch })
  return t
}
const values = (rs: SourceRecord[] | null): unknown[] => (rs ?? []).map((r) => r.value)

test('lines end at \\n, \\r\\n or \\r; a partial last line waits for its terminator', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fsrc-'))
  const file = join(dir, 'in.txt')
  await writeFile(file, 'a\nbé\r\nc\rpartial')
  const t = await task(file)
  const first = await t.poll()
  assert.deepEqual(values(first), ['a', 'bé', 'c'])
  assert.deepEqual(first!.map((r) => r.sourceOffset), [{ position: 2 }, { position: 7 }, { position: 9 }])
  assert.deepEqual(first![0].sourcePartition, { filename: file })
  assert.equal(first![0].topic, 'lines')
  assert.equal(await t.poll(), null)
  await appendFile(file, ' line\n')
  assert.deepEqual(values(await t.poll()), ['partial line'])
  await t.stop()
})

test('resumes from the committed position; batch.size bounds a poll; a missing file is waited for', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fsrc-'))
  const file = join(dir, 'in.txt')
  const t0 = await task(file)
  assert.equal(await t0.poll(), null)
  await writeFile(file, 'one\ntwo\nthree\nfour\n')
  assert.deepEqual(values(await t0.poll()), ['one', 'two', 'three', 'four'])
  await t0.stop()
  const t = await task(file, { position: 8 }, '1')
  assert.deepEqual(values(await t.poll()), ['three'])
  assert.deepEqual(values(await t.poll()), ['four'])
  assert.equal(await t.poll(), null)
  await t.stop()
})

test('connector: one task config; alterOffsets validates like Kafka', () => {
  const c = new FileStreamSourceConnector()
  c.start({ file: '/x', topic: 't' })
  assert.deepEqual(c.taskConfigs(3), [{ file: '/x', topic: 't', 'batch.size': '2000' }])
  assert.equal(c.alterOffsets({ file: '/x', topic: 't' }, [{ partition: { filename: '/x' }, offset: { position: 3 } }, { partition: { junk: 1 }, offset: null }]), true)
  assert.throws(() => c.alterOffsets({ file: '/x', topic: 't' }, [{ partition: { filename: '/x' }, offset: { position: -1 } }]), /should be a non-negative value/)
  assert.throws(() => c.alterOffsets({ file: '/x', topic: 't' }, [{ partition: { filename: '/x' }, offset: { pos: 1 } }]), /should either be null or contain the key 'position'/)
  assert.throws(() => c.alterOffsets({ file: '/x', topic: 't' }, [{ partition: { name: '/x' }, offset: { position: 1 } }]), /Partition objects should contain the key 'filename'/)
  assert.throws(() => c.alterOffsets({ topic: 't' }, []), /Offsets cannot be modified if the 'file' configuration is unspecified/)
  assert.throws(() => new FileStreamSourceConnector().start({ file: '/x' }), /Missing required configuration "topic"/)
})

test('lines across read-chunk boundaries, a \\r\\n split by a boundary and lines longer than the read buffer come out whole, with their end positions', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fsrc-'))
  const file = join(dir, 'in.txt')
  const MiB = 1024 * 1024
  // The first line's \r is the last byte of the first 1 MiB read and its \n the first of the next.
  const lines = [
    'x'.repeat(MiB - 1), 'é'.repeat(1000), 'y'.repeat(MiB - 2000 - 3),
    'z'.repeat(Math.floor(2.5 * MiB)), 'short', 'w'.repeat(3 * MiB + 7), 'last',
  ]
  const terms = ['\r\n', '\r\n', '\r\n', '\n', '\r', '\n', '\n']
  const text = lines.map((l, i) => l + terms[i]).join('')
  await writeFile(file, text)
  const t = await task(file)
  const got: SourceRecord[] = []
  for (let r = await t.poll(); r !== null; r = await t.poll()) got.push(...r)
  assert.equal(got.length, lines.length)
  got.forEach((r, i) => assert.ok(r.value === lines[i], `line ${i} differs (length ${String(r.value).length} vs ${lines[i].length})`))
  let end = 0
  assert.deepEqual(got.map((r) => r.sourceOffset), lines.map((l, i) => ({ position: end += Buffer.byteLength(l + terms[i]) })))
  await t.stop()
})
