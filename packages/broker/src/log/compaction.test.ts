import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdir } from 'node:fs/promises'
import { readBatchHeader } from '@tributary/protocol'
import { buildClientBatch } from './client-batch-builder.ts'
import { batchCrcValid } from './batch-header.ts'
import { openTestLog, readAll, recordsOf, tempPartitionDir } from './log-test-support.ts'

const config = { cleanupPolicy: 'compact' as const, segmentBytes: 600, deleteRetentionMs: 1000 }

test('compaction keeps the latest record per key, offsets and order unchanged, and survives reopen', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir, config)
  const expected = new Map<string, { offset: number; value: string | null }>()
  for (let round = 0; round < 6; round++) {
    for (const key of ['a', 'b', 'c', 'd']) {
      const value = `${key}-${round}`
      const r = await log.append(buildClientBatch([{ key, value, timestamp: 100 }]), { durable: false })
      expected.set(key, { offset: r.baseOffset, value })
    }
  }
  // A compressed batch whose records are partly superseded later.
  const mixed = await log.append(buildClientBatch([{ key: 'e', value: 'e-old', timestamp: 100 }, { key: 'f', value: 'f-keep', timestamp: 100 }], { compression: 'gzip' }), { durable: false })
  expected.set('f', { offset: mixed.baseOffset + 1, value: 'f-keep' })
  const e = await log.append(buildClientBatch([{ key: 'e', value: 'e-new', timestamp: 100 }]), { durable: false })
  expected.set('e', { offset: e.baseOffset, value: 'e-new' })
  // Roll a few times so everything above sits in non-active segments.
  for (let i = 0; i < 8; i++) await log.append(buildClientBatch([{ key: 'pad', value: 'x'.repeat(100), timestamp: 100 }]), { durable: false })
  await log.flush()
  const before = recordsOf(await readAll(log))
  await log.runMaintenance(200)
  const after = recordsOf(await readAll(log))
  assert.ok(after.length < before.length)
  for (const [key, want] of expected) {
    const kept = after.filter((r) => r.key === key)
    assert.deepEqual(kept.map((r) => [r.offset, r.value]), [[want.offset, want.value]], `key ${key}`)
  }
  const offsets = after.map((r) => r.offset)
  assert.deepEqual(offsets, [...offsets].sort((x, y) => x - y), 'order preserved')
  for (const batch of await readAll(log)) assert.ok(batchCrcValid(batch))
  // Reading from a removed offset resumes at the next existing one.
  const [first] = recordsOf((await log.read(0, 1, 'read_uncommitted')).records)
  assert.ok(first.offset >= 0)
  await log.close()
  const reopened = await openTestLog(dir, config)
  t.after(() => reopened.close())
  assert.deepEqual(recordsOf(await readAll(reopened)), after)
  assert.ok(!(await readdir(dir)).some((f) => f.endsWith('.cleaned')))
})

test('tombstones stay until delete.retention.ms has passed, then go', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir, config)
  t.after(() => log.close())
  await log.append(buildClientBatch([{ key: 'gone', value: 'v1', timestamp: 100 }]), { durable: false })
  await log.append(buildClientBatch([{ key: 'stay', value: 'v1', timestamp: 100 }]), { durable: false })
  await log.append(buildClientBatch([{ key: 'gone', value: null, timestamp: 100 }]), { durable: false })
  for (let i = 0; i < 10; i++) await log.append(buildClientBatch([{ key: `pad${i}`, value: 'x'.repeat(100), timestamp: 100 }]), { durable: false })
  await log.flush()
  await log.runMaintenance(500) // within delete.retention.ms of the segment's newest record
  let gone = recordsOf(await readAll(log)).filter((r) => r.key === 'gone')
  assert.deepEqual(gone.map((r) => r.value), [null], 'the old value is removed, the tombstone kept')
  await log.runMaintenance(5_000)
  gone = recordsOf(await readAll(log)).filter((r) => r.key === 'gone')
  assert.deepEqual(gone, [], 'tombstone removed after delete.retention.ms')
  assert.equal(recordsOf(await readAll(log)).filter((r) => r.key === 'stay').length, 1)
})

test('compaction drops aborted transactional data, keeps markers and a producer\'s last batch header', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir, config)
  t.after(() => log.close())
  const txn = (seq: number, key: string, value: string): Buffer =>
    buildClientBatch([{ key, value, timestamp: 100 }], { producerId: 5, producerEpoch: 0, baseSequence: seq, transactional: true })
  await log.append(buildClientBatch([{ key: 'k', value: 'committed', timestamp: 100 }]), { durable: false })
  await log.append(txn(0, 'k', 'aborted'), { durable: false })
  await log.appendControl({ producerId: 5, producerEpoch: 0, commit: false, coordinatorEpoch: 0 }, { durable: false, now: 100 })
  for (let i = 0; i < 10; i++) await log.append(buildClientBatch([{ key: `pad${i}`, value: 'x'.repeat(100), timestamp: 100 }]), { durable: false })
  await log.flush()
  await log.runMaintenance(200)
  const batches = await readAll(log)
  const values = recordsOf(batches).filter((r) => r.key === 'k').map((r) => r.value)
  assert.deepEqual(values, ['committed'], 'aborted data neither shadows nor survives')
  const headers = batches.map((b) => readBatchHeader(b))
  const marker = headers.find((h) => (h.attributes & 0x20) !== 0)
  assert.ok(marker !== undefined, 'control batch kept')
  const empty = headers.find((h) => h.producerId === 5 && (h.attributes & 0x20) === 0)
  assert.ok(empty !== undefined && empty.recordsCount === 0 && empty.baseOffset === 1, 'empty batch keeps producer 5\'s sequence state')
  // The producer's sequence state is intact: the next sequence continues.
  const next = await log.append(buildClientBatch([{ key: 'z', value: 'z' }], { producerId: 5, producerEpoch: 0, baseSequence: 1 }), { durable: false })
  assert.equal(next.errorCode, 0)
})

for (const codec of ['gzip', 'snappy', 'lz4', 'zstd'] as const) {
  test(`a partly superseded ${codec} batch is rebuilt with the same codec`, async (t) => {
    const dir = await tempPartitionDir(t)
    const log = await openTestLog(dir, config)
    t.after(() => log.close())
    await log.append(buildClientBatch([{ key: 'a', value: 'a-old', timestamp: 100 }, { key: 'b', value: 'b-keep', timestamp: 100 }, { key: 'c', value: 'c-keep', timestamp: 100 }], { compression: codec }), { durable: false })
    await log.append(buildClientBatch([{ key: 'a', value: 'a-new', timestamp: 100 }]), { durable: false })
    for (let i = 0; i < 10; i++) await log.append(buildClientBatch([{ key: `pad${i}`, value: 'x'.repeat(100), timestamp: 100 }]), { durable: false })
    await log.flush()
    await log.runMaintenance(200)
    const [first] = (await log.read(0, 1, 'read_uncommitted')).records
    const h = readBatchHeader(first)
    assert.equal(h.attributes & 0x07, { gzip: 1, snappy: 2, lz4: 3, zstd: 4 }[codec])
    assert.equal(h.baseOffset, 0)
    assert.equal(h.lastOffsetDelta, 2, 'the batch keeps its offset range')
    assert.equal(h.recordsCount, 2)
    assert.deepEqual(recordsOf([first]).map((r) => [r.offset, r.key, r.value]), [[1, 'b', 'b-keep'], [2, 'c', 'c-keep']])
  })
}

test('a compacted log keeps its data when reopened without a checkpoint after a crash', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir, config)
  for (let round = 0; round < 5; round++) {
    for (const key of ['a', 'b', 'c']) await log.append(buildClientBatch([{ key, value: `${key}${round}`, timestamp: 100 }]), { durable: false })
  }
  for (let i = 0; i < 10; i++) await log.append(buildClientBatch([{ key: `pad${i}`, value: 'x'.repeat(100), timestamp: 100 }]), { durable: false })
  await log.runMaintenance(200)
  const compacted = recordsOf(await readAll(log))
  await log.flush()
  const { rm } = await import('node:fs/promises')
  await rm(`${dir}/log.checkpoint`)
  const reopened = await openTestLog(dir, config)
  t.after(() => reopened.close())
  assert.equal(reopened.recoveryReport.truncatedBytes, 0)
  assert.deepEqual(recordsOf(await readAll(reopened)), compacted)
})

test('maintenance completes while appends keep flowing', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir, { ...config, durableAcks: true })
  t.after(() => log.close())
  let stop = false
  const writers = Array.from({ length: 4 }, async (_, w) => {
    for (let i = 0; !stop; i++) await log.append(buildClientBatch([{ key: `w${w}-${i % 20}`, value: 'v'.repeat(50), timestamp: 100 }]), { durable: true })
  })
  await new Promise((resolve) => setTimeout(resolve, 50))
  await log.runMaintenance(200)
  await log.runMaintenance(200)
  stop = true
  await Promise.all(writers)
  const records = recordsOf(await readAll(log))
  assert.deepEqual(records.map((r) => r.offset), [...records.map((r) => r.offset)].sort((a, b) => a - b))
})
