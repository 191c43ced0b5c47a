import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdir } from 'node:fs/promises'
import { BatchAttribute, readBatchHeader } from '@tributary/protocol'
import { buildClientBatch } from './client-batch-builder.ts'
import { batchCrcValid } from './batch-header.ts'
import { openTestLog, readAll, recordsOf, tempPartitionDir } from './log-test-support.ts'

const batchOf = (from: number, count: number, timestamp = 1_000_000): Buffer =>
  buildClientBatch(Array.from({ length: count }, (_, i) => ({ key: `k${from + i}`, value: `v${from + i}` })), { timestamp })

test('append assigns dense offsets and reads return the same bytes', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir)
  t.after(() => log.close())
  const sent = batchOf(0, 3)
  const r1 = await log.append(sent, { durable: false })
  const r2 = await log.append(batchOf(3, 2), { durable: false })
  assert.equal(r1.errorCode, 0)
  assert.equal(r1.baseOffset, 0)
  assert.equal(r2.baseOffset, 3)
  assert.equal(r1.logAppendTime, -1)
  assert.equal(log.logEndOffset(), 5)
  const read = await log.read(0, 1 << 20, 'read_uncommitted')
  assert.equal(read.errorCode, 0)
  assert.equal(read.highWatermark, 5)
  assert.equal(read.records.length, 2)
  // Only baseOffset and partitionLeaderEpoch differ from what the client sent (no re-encoding).
  assert.deepEqual(read.records[0].subarray(17), sent.subarray(17))
  assert.ok(batchCrcValid(read.records[0]))
  assert.deepEqual(recordsOf(read.records).map((r) => [r.offset, r.key, r.value]),
    [[0, 'k0', 'v0'], [1, 'k1', 'v1'], [2, 'k2', 'v2'], [3, 'k3', 'v3'], [4, 'k4', 'v4']])
})

test('a read from the middle of a batch starts with that whole batch; maxBytes bounds but never empties', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir, {}, 0) // no tail cache: exercise the file path
  t.after(() => log.close())
  for (let i = 0; i < 10; i++) await log.append(batchOf(i * 5, 5), { durable: false })
  const mid = await log.read(12, 1 << 20, 'read_uncommitted')
  assert.equal(readBatchHeader(mid.records[0]).baseOffset, 10)
  assert.equal(mid.records.length, 8)
  const size = mid.records[0].length
  const bounded = await log.read(12, size * 2 + 1, 'read_uncommitted')
  assert.equal(bounded.records.length, 2)
  const tiny = await log.read(12, 1, 'read_uncommitted')
  assert.equal(tiny.records.length, 1, 'one whole batch even when larger than maxBytes')
  assert.equal(tiny.bytes, size)
  const atEnd = await log.read(50, 1000, 'read_uncommitted')
  assert.equal(atEnd.errorCode, 0)
  assert.equal(atEnd.records.length, 0)
  assert.equal((await log.read(51, 1000, 'read_uncommitted')).errorCode, 1)
})

test('the tail cache and the file return the same batches', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir, {}, 1 << 20)
  for (let i = 0; i < 20; i++) await log.append(batchOf(i * 4, 4), { durable: false })
  const cached = await log.read(17, 300, 'read_uncommitted')
  await log.close()
  const reopened = await openTestLog(dir, {}, 0)
  t.after(() => reopened.close())
  const fromFile = await reopened.read(17, 300, 'read_uncommitted')
  assert.ok(cached.records.length > 0)
  assert.deepEqual(fromFile.records, cached.records)
})

test('segments roll by segment.bytes and by segment.ms; index lookups find every offset', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir, { segmentBytes: 2000, indexIntervalBytes: 100 }, 0)
  for (let i = 0; i < 100; i++) await log.append(batchOf(i * 2, 2), { durable: false, now: 1000 })
  const files = (await readdir(dir)).filter((f) => f.endsWith('.log')).sort()
  assert.ok(files.length > 3, `expected several segments, got ${files.join(',')}`)
  assert.match(files[0], /^0{20}\.log$/)
  for (let offset = 0; offset < 200; offset += 7) {
    const r = await log.read(offset, 1, 'read_uncommitted')
    const h = readBatchHeader(r.records[0])
    assert.ok(h.baseOffset <= offset && offset <= h.baseOffset + h.lastOffsetDelta, `offset ${offset}`)
  }
  assert.equal(recordsOf(await readAll(log)).length, 200)
  await log.close()

  // After a clean close, the indexes on disk answer the same lookups.
  const again = await openTestLog(dir, { segmentBytes: 2000, indexIntervalBytes: 100, segmentMs: 10_000 }, 0)
  t.after(() => again.close())
  assert.equal(again.recoveryReport.clean, true)
  assert.equal(again.recoveryReport.scannedSegments, 0)
  assert.equal(again.logEndOffset(), 200)
  for (let offset = 0; offset < 200; offset += 13) {
    const h = readBatchHeader((await again.read(offset, 1, 'read_uncommitted')).records[0])
    assert.ok(h.baseOffset <= offset && offset <= h.baseOffset + h.lastOffsetDelta)
  }
  const before = (await readdir(dir)).filter((f) => f.endsWith('.log')).length
  await again.append(batchOf(200, 1), { durable: false, now: 6_000 })
  assert.equal((await readdir(dir)).filter((f) => f.endsWith('.log')).length, before)
  await again.append(batchOf(201, 1), { durable: false, now: 11_000 }) // segment.ms elapsed since the segment's first append
  assert.equal((await readdir(dir)).filter((f) => f.endsWith('.log')).length, before + 1)
})

test('LogAppendTime sets attribute bit 3 and maxTimestamp and recomputes the CRC', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir, { messageTimestampType: 'LogAppendTime' })
  t.after(() => log.close())
  const r = await log.append(batchOf(0, 3, 5), { durable: false, now: 1_234_567 })
  assert.equal(r.logAppendTime, 1_234_567)
  const [batch] = (await log.read(0, 1 << 20, 'read_uncommitted')).records
  const h = readBatchHeader(batch)
  assert.ok((h.attributes & BatchAttribute.timestampTypeLogAppend) !== 0)
  assert.equal(h.maxTimestamp, 1_234_567)
  assert.ok(batchCrcValid(batch))
})

test('batches above max.message.bytes are refused with MESSAGE_TOO_LARGE', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir, { maxMessageBytes: 200 })
  t.after(() => log.close())
  const r = await log.append(buildClientBatch([{ key: 'k', value: 'x'.repeat(300) }]), { durable: false })
  assert.equal(r.errorCode, 10)
  assert.equal(log.logEndOffset(), 0)
})

test('concurrent appends get offsets in call order and onAppend fires', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir, { durableAcks: true })
  t.after(() => log.close())
  let notified = 0
  const off = log.onAppend(() => { notified++ })
  const results = await Promise.all(Array.from({ length: 50 }, (_, i) => log.append(batchOf(i, 1), { durable: i % 2 === 0 })))
  assert.deepEqual(results.map((r) => r.baseOffset), Array.from({ length: 50 }, (_, i) => i))
  assert.deepEqual(recordsOf(await readAll(log)).map((r) => r.key), Array.from({ length: 50 }, (_, i) => `k${i}`))
  assert.ok(notified > 0)
  off()
})

test('offsetForTimestamp finds the first record at or after a timestamp, and -1/-2/-3', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir, { segmentBytes: 600, indexIntervalBytes: 50 }, 0)
  t.after(() => log.close())
  for (let i = 0; i < 30; i++) {
    await log.append(buildClientBatch([{ key: 'a', value: 'x', timestamp: 1000 + i * 10 }, { key: 'b', value: 'y', timestamp: 1000 + i * 10 + 5 }]), { durable: false })
  }
  assert.deepEqual(await log.offsetForTimestamp(1000), { offset: 0, timestamp: 1000 })
  assert.deepEqual(await log.offsetForTimestamp(1003), { offset: 1, timestamp: 1005 })
  assert.deepEqual(await log.offsetForTimestamp(1150), { offset: 30, timestamp: 1150 })
  assert.deepEqual(await log.offsetForTimestamp(1294), { offset: 59, timestamp: 1295 })
  assert.equal(await log.offsetForTimestamp(5000), null)
  assert.deepEqual(await log.offsetForTimestamp(-1), { offset: 60, timestamp: -1 })
  assert.deepEqual(await log.offsetForTimestamp(-2), { offset: 0, timestamp: -1 })
  assert.deepEqual(await log.offsetForTimestamp(-3), { offset: 59, timestamp: 1295 })
})

test('a read racing close finishes; reads after close answer UNKNOWN_TOPIC_OR_PARTITION', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir, {}, 0)
  for (let i = 0; i < 50; i++) await log.append(batchOf(i, 1), { durable: false })
  const inFlight = log.read(0, 1 << 20, 'read_uncommitted')
  await log.close()
  const r = await inFlight
  assert.equal(r.errorCode, 0)
  assert.equal(recordsOf(r.records).length, 50)
  assert.equal((await log.read(0, 1000, 'read_uncommitted')).errorCode, 3)
  assert.equal((await log.append(batchOf(0, 1), { durable: false })).errorCode, 56)
})
