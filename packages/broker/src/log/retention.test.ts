import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdir } from 'node:fs/promises'
import { buildClientBatch } from './client-batch-builder.ts'
import { openTestLog, readAll, recordsOf, tempPartitionDir } from './log-test-support.ts'

const batchAt = (i: number, timestamp: number): Buffer => buildClientBatch([{ key: `k${i}`, value: 'x'.repeat(60), timestamp }])
const logFiles = async (dir: string): Promise<string[]> => (await readdir(dir)).filter((f) => f.endsWith('.log')).sort()

test('retention.ms deletes whole old segments (by their largest timestamp) and advances the log start', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir, { segmentBytes: 400, retentionMs: 10_000 })
  t.after(() => log.close())
  for (let i = 0; i < 20; i++) await log.append(batchAt(i, i < 10 ? 1_000 : 50_000), { durable: false })
  const before = await logFiles(dir)
  await log.runMaintenance(20_000)
  const after = await logFiles(dir)
  assert.ok(after.length < before.length)
  assert.equal(log.logStartOffset(), Number(after[0].slice(0, 20)), 'the first surviving segment starts the log')
  assert.ok(log.logStartOffset() > 0 && log.logStartOffset() <= 10, 'only segments with nothing newer than retention went')
  assert.equal((await log.read(0, 1000, 'read_uncommitted')).errorCode, 1, 'below the log start: OFFSET_OUT_OF_RANGE')
  const keys = recordsOf(await readAll(log)).map((r) => r.key)
  assert.equal(keys[0], `k${log.logStartOffset()}`)
  assert.equal(keys.length, 20 - log.logStartOffset())

  // Everything expired: the active segment is rolled and deleted too; offsets continue.
  await log.runMaintenance(100_000)
  assert.equal(log.logStartOffset(), 20)
  assert.equal(log.logEndOffset(), 20)
  assert.equal((await log.append(batchAt(20, 100_000), { durable: false })).baseOffset, 20)
})

test('retention.bytes keeps the log at or above the limit by deleting the oldest segments', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir, { segmentBytes: 400, retentionBytes: 1000, retentionMs: -1 })
  t.after(() => log.close())
  for (let i = 0; i < 40; i++) await log.append(batchAt(i, Date.now()), { durable: false })
  const size = log.size()
  await log.runMaintenance(Date.now())
  assert.ok(log.size() <= size - 400 * 0.5)
  assert.ok(log.size() >= 1000 - 400, `size ${log.size()}`)
  assert.ok(log.size() - 400 < 1000)
  assert.equal(recordsOf(await readAll(log)).length, 40 - log.logStartOffset())
})

test('DeleteRecords advances the log start inside a segment and removes whole segments below it; persisted', async (t) => {
  const dir = await tempPartitionDir(t)
  let log = await openTestLog(dir, { segmentBytes: 400 })
  for (let i = 0; i < 20; i++) await log.append(batchAt(i, 1), { durable: false })
  const files = await logFiles(dir)
  assert.equal(await log.deleteRecordsBefore(9), 9)
  assert.equal(log.logStartOffset(), 9)
  assert.ok((await logFiles(dir)).length < files.length)
  assert.equal((await log.read(8, 1000, 'read_uncommitted')).errorCode, 1)
  assert.equal(recordsOf((await log.read(9, 1, 'read_uncommitted')).records).some((r) => r.offset === 9), true)
  assert.equal(await log.deleteRecordsBefore(5), 9, 'never moves back')
  assert.equal(await log.deleteRecordsBefore(1000), 20, 'clamped to the high watermark')
  await log.close()
  log = await openTestLog(dir, { segmentBytes: 400 })
  t.after(() => log.close())
  assert.equal(log.logStartOffset(), 20)
  assert.equal(log.logEndOffset(), 20)
  assert.deepEqual(await log.offsetForTimestamp(-2), { offset: 20, timestamp: -1 })
})
