import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SchemaBuilder, SinkRecord, Struct } from '@tributary/connect-api'
import { mountSmallDisk, TMPFS_MISSING } from '@tributary/testkit'
import { FileStreamSinkConnector } from './file-stream-sink-connector.ts'
import { FileStreamSinkTask, WRITE_BUFFER_BYTES } from './file-stream-sink-task.ts'
import { javaString } from './java-string.ts'

test('appends one line per record, values printed as Java would', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fsink-'))
  const file = join(dir, 'out.txt')
  await writeFile(file, 'existing\n')
  const t = new FileStreamSinkTask()
  await t.start({ file })
  const schema = SchemaBuilder.struct().field('model_id', SchemaBuilder.int32().build()).field('model_name', SchemaBuilder.string().build()).build()
  const rec = (value: unknown, offset: number): SinkRecord => new SinkRecord({ topic: 't', kafkaPartition: 0, kafkaOffset: offset, value })
  await t.put([rec('plain', 0), rec(new Struct(schema).put('model_id', 1).put('model_name', 'The Blonde'), 1), rec(null, 2), rec({ a: 1, b: [1, 2] }, 3)])
  await t.flush([])
  await t.stop()
  assert.equal(await readFile(file, 'utf8'), 'existing\nplain\nStruct{model_id=1,model_name=The Blonde}\nnull\n{a=1, b=[1, 2]}\n')
})

test('javaString and the connector task configs', () => {
  assert.equal(javaString(new Map([['k', 'v'], ['n', null]])), '{k=v, n=null}')
  assert.equal(javaString(true), 'true')
  const c = new FileStreamSinkConnector()
  c.start({ file: '/out', topics: 't' })
  assert.deepEqual(c.taskConfigs(2), [{ file: '/out' }, { file: '/out' }])
})

test('batches larger than the write buffer, multi-byte text and a line longer than the buffer are written whole and in order', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fsink-'))
  const file = join(dir, 'out.txt')
  const t = new FileStreamSinkTask()
  await t.start({ file })
  const rec = (value: unknown, offset: number): SinkRecord => new SinkRecord({ topic: 't', kafkaPartition: 0, kafkaOffset: offset, value })
  // ~3.5 buffers of 1 KiB-ish lines with 2-, 3- and 4-byte UTF-8 characters, then one line of 1.5 buffers.
  const lines = Array.from({ length: 3500 }, (_, i) => `${i}:${'é€😀x'.repeat(200)}`)
  const long = 'L'.repeat(Math.floor(WRITE_BUFFER_BYTES * 1.5))
  await t.put(lines.map((l, i) => rec(l, i)))
  await t.put([rec(long, 3500), rec('after', 3501)])
  await t.put(lines.slice(0, 3).map((l, i) => rec(l, 3502 + i)))
  await t.stop()
  const expected = [...lines, long, 'after', ...lines.slice(0, 3)].join('\n') + '\n'
  const got = await readFile(file, 'utf8')
  assert.equal(got.length, expected.length)
  assert.ok(got === expected, 'file content differs from the records')
})

test('a put that fills the disk fails and is cut back off the file; after space is freed the batch is written whole', async (t) => {
  // A real full disk: a 256 KiB tmpfs (mounting one needs root; skipped without it).
  const disk = await mountSmallDisk(256 * 1024)
  if (disk === null) {
    t.skip(TMPFS_MISSING)
    return
  }
  t.after(() => disk.release())
  const dir = disk.dir
  const ballast = join(dir, 'ballast')
  await writeFile(ballast, Buffer.alloc(64 * 1024, 1))
  const file = join(dir, 'out.txt')
  const rec = (i: number): SinkRecord => new SinkRecord({ topic: 't', kafkaPartition: 0, kafkaOffset: i, value: `${i}:${'x'.repeat(1000)}` })
  const batch = (from: number): SinkRecord[] => Array.from({ length: 20 }, (_, i) => rec(from + i))
  const lines = (n: number): string => Array.from({ length: n }, (_, i) => String(rec(i).value) + '\n').join('')
  const task = new FileStreamSinkTask()
  await task.start({ file })
  let written = 0
  let failure: unknown
  while (failure === undefined && written < 1000) {
    try {
      await task.put(batch(written))
      written += 20
    } catch (err) { failure = err }
  }
  await task.stop()
  assert.match(String((failure as NodeJS.ErrnoException | undefined)?.code), /ENOSPC/, 'the disk never filled up')
  assert.ok(written > 0)
  assert.equal(await readFile(file, 'utf8'), lines(written), 'only the lines of the puts that succeeded, no torn line')

  await rm(ballast)
  const again = new FileStreamSinkTask()
  await again.start({ file })
  await again.put(batch(written))
  await again.stop()
  assert.equal(await readFile(file, 'utf8'), lines(written + 20))
})
