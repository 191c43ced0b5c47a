import { test } from 'node:test'
import assert from 'node:assert/strict'
import { appendFile, readdir, rm, stat, truncate, writeFile, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { buildClientBatch } from './client-batch-builder.ts'
import { openTestLog, readAll, recordsOf, tempPartitionDir } from './log-test-support.ts'

const batchOf = (i: number): Buffer => buildClientBatch([{ key: `k${i}`, value: `value-${i}-${'x'.repeat(40)}` }])
const logFiles = async (dir: string): Promise<string[]> => (await readdir(dir)).filter((f) => f.endsWith('.log')).sort()

async function writeLog (dir: string, count: number, segmentBytes = 1 << 30): Promise<void> {
  const log = await openTestLog(dir, { segmentBytes })
  for (let i = 0; i < count; i++) await log.append(batchOf(i), { durable: false })
  await log.flush() // and no close: the next open is a crash recovery
}

test('garbage appended after the last batch is truncated away', async (t) => {
  const dir = await tempPartitionDir(t)
  await writeLog(dir, 10)
  const [file] = await logFiles(dir)
  const goodSize = (await stat(join(dir, file))).size
  await appendFile(join(dir, file), Buffer.from('this is not a record batch at all, just garbage bytes'))
  const log = await openTestLog(dir)
  t.after(() => log.close())
  assert.equal(log.recoveryReport.clean, false)
  assert.ok(log.recoveryReport.truncatedBytes > 0)
  assert.equal((await stat(join(dir, file))).size, goodSize)
  assert.equal(log.logEndOffset(), 10)
  assert.equal((await log.append(batchOf(10), { durable: false })).baseOffset, 10)
  assert.deepEqual(recordsOf(await readAll(log)).map((r) => r.key), Array.from({ length: 11 }, (_, i) => `k${i}`))
})

test('a batch cut short at the end is dropped; one with a bad CRC too, and everything after it', async (t) => {
  const dir = await tempPartitionDir(t)
  await writeLog(dir, 10)
  const [file] = await logFiles(dir)
  const path = join(dir, file)
  const size = (await stat(path)).size
  const batchSize = batchOf(0).length
  await truncate(path, size - 7) // torn last batch
  let log = await openTestLog(dir)
  assert.equal(log.logEndOffset(), 9)
  assert.equal((await stat(path)).size, batchSize * 9)
  await log.close()

  // Flip one byte inside batch 5's records (CRC-covered): batches 5.. are gone.
  const bytes = await readFile(path)
  bytes[batchSize * 5 + 70] ^= 0xff
  await writeFile(path, bytes)
  await rm(join(dir, '.clean-shutdown'))
  log = await openTestLog(dir)
  t.after(() => log.close())
  assert.equal(log.logEndOffset(), 5)
  assert.deepEqual(recordsOf(await readAll(log)).map((r) => r.key), ['k0', 'k1', 'k2', 'k3', 'k4'])
})

test('corruption in an older unflushed segment truncates it and deletes the later segments', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir, { segmentBytes: 500 })
  for (let i = 0; i < 30; i++) await log.append(batchOf(i), { durable: false })
  await log.flush()
  const files = await logFiles(dir)
  assert.ok(files.length >= 4)
  // Pretend the last two rolls never reached the checkpoint, then damage the second-to-last segment.
  const victim = files[files.length - 2]
  const victimBase = Number(victim.slice(0, 20))
  const { writeCheckpoint } = await import('./recovery.ts')
  await writeCheckpoint(dir, { logStartOffset: 0, recoveryPoint: victimBase })
  const bytes = await readFile(join(dir, victim))
  bytes[bytes.length - 3] ^= 0x55
  await writeFile(join(dir, victim), bytes)
  const reopened = await openTestLog(dir, { segmentBytes: 500 })
  t.after(() => reopened.close())
  assert.equal(reopened.recoveryReport.deletedSegments, 1)
  assert.deepEqual(await logFiles(dir), files.slice(0, -1))
  const keys = recordsOf(await readAll(reopened)).map((r) => r.key)
  assert.equal(keys.length, reopened.logEndOffset())
  assert.ok(reopened.logEndOffset() < 30 && reopened.logEndOffset() > victimBase)
  assert.equal((await reopened.append(batchOf(99), { durable: false })).baseOffset, keys.length)
})

test('missing or corrupt index files are rebuilt and give the same lookups', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir, { segmentBytes: 1000, indexIntervalBytes: 100 })
  for (let i = 0; i < 60; i++) await log.append(batchOf(i), { durable: false })
  await log.close()
  const indexes = (await readdir(dir)).filter((f) => f.endsWith('.index')).sort()
  await rm(join(dir, indexes[0]))
  await writeFile(join(dir, indexes[1].replace('.index', '.timeindex')), Buffer.from('garbage'))
  const reopened = await openTestLog(dir, { segmentBytes: 1000, indexIntervalBytes: 100 })
  t.after(() => reopened.close())
  assert.equal(reopened.recoveryReport.rebuiltIndexes, 2)
  assert.ok((await readdir(dir)).includes(indexes[0]), 'rebuilt index written back')
  for (let offset = 0; offset < 60; offset++) {
    const [first] = recordsOf((await reopened.read(offset, 1, 'read_uncommitted')).records)
    assert.equal(first.key, `k${offset}`)
  }
})

test('leftover temp and .cleaned files from an interrupted write are removed', async (t) => {
  const dir = await tempPartitionDir(t)
  await writeLog(dir, 3)
  await writeFile(join(dir, '00000000000000000000.log.cleaned'), 'partial')
  await writeFile(join(dir, 'log.checkpoint.tmp'), 'partial')
  const log = await openTestLog(dir)
  t.after(() => log.close())
  const names = await readdir(dir)
  assert.ok(!names.some((n) => n.endsWith('.cleaned') || n.endsWith('.tmp')))
  assert.equal(log.logEndOffset(), 3)
})

test('batches larger than the scan chunk survive recovery and are served whole', async (t) => {
  const dir = await tempPartitionDir(t)
  const config = { maxMessageBytes: 8 << 20 }
  const log = await openTestLog(dir, config, 0)
  const big = buildClientBatch([{ key: 'big', value: Buffer.alloc(3 << 20, 7) }])
  await log.append(batchOf(0), { durable: false })
  await log.append(big, { durable: false })
  await log.append(batchOf(2), { durable: false })
  await log.flush()
  const reopened = await openTestLog(dir, config, 0)
  t.after(() => reopened.close())
  assert.equal(reopened.recoveryReport.truncatedBytes, 0)
  assert.equal(reopened.logEndOffset(), 3)
  const r = await reopened.read(1, 1 << 20, 'read_uncommitted')
  assert.equal(r.records.length, 1)
  assert.equal(r.bytes, big.length)
  assert.deepEqual(recordsOf(await readAll(reopened)).map((x) => x.key), ['k0', 'big', 'k2'])
})

test('a clean-shutdown marker that does not match the files is not trusted', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir)
  for (let i = 0; i < 5; i++) await log.append(batchOf(i), { durable: false })
  await log.close()
  const [file] = await logFiles(dir)
  await appendFile(join(dir, file), Buffer.alloc(100, 0xab))
  const reopened = await openTestLog(dir)
  t.after(() => reopened.close())
  assert.equal(reopened.recoveryReport.clean, false)
  assert.equal(reopened.recoveryReport.truncatedBytes, 100)
  assert.equal(reopened.logEndOffset(), 5)
  assert.ok(!(await readdir(dir)).includes('.clean-shutdown'), 'the marker is consumed at open')
})
