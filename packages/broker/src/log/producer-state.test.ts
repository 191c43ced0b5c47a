import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildClientBatch } from './client-batch-builder.ts'
import { openTestLog, readAll, recordsOf, tempPartitionDir } from './log-test-support.ts'

const idem = (seq: number, count: number, epoch = 0, pid = 7): Buffer =>
  buildClientBatch(Array.from({ length: count }, (_, i) => ({ key: `k${seq + i}`, value: `v${seq + i}` })), { producerId: pid, producerEpoch: epoch, baseSequence: seq })

test('idempotent producer: a retried batch is answered with its original offsets and not appended', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir)
  t.after(() => log.close())
  await log.append(buildClientBatch([{ key: 'x', value: 'x' }]), { durable: false }) // offset 0, no producer
  const first = await log.append(idem(0, 3), { durable: false })
  const second = await log.append(idem(3, 2), { durable: false })
  assert.equal(first.baseOffset, 1)
  assert.equal(second.baseOffset, 4)
  const retry = await log.append(idem(0, 3), { durable: false })
  assert.equal(retry.errorCode, 0)
  assert.equal(retry.baseOffset, 1)
  assert.equal(log.logEndOffset(), 6)
  // Concurrent duplicate while the original is still in flight.
  const [a, b] = await Promise.all([log.append(idem(5, 1), { durable: true }), log.append(idem(5, 1), { durable: true })])
  assert.equal(a.baseOffset, 6)
  assert.equal(b.baseOffset, 6)
  assert.equal(recordsOf(await readAll(log)).length, 7)
})

test('idempotent producer: gaps, old epochs and new epochs', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir)
  t.after(() => log.close())
  assert.equal((await log.append(idem(10, 2, 1), { durable: false })).errorCode, 0, 'unknown producer: any sequence')
  assert.equal((await log.append(idem(13, 1, 1), { durable: false })).errorCode, 45, 'gap')
  assert.equal((await log.append(idem(12, 1, 0), { durable: false })).errorCode, 47, 'older epoch')
  assert.equal((await log.append(idem(5, 1, 2), { durable: false })).errorCode, 45, 'new epoch must start at 0')
  assert.equal((await log.append(idem(0, 1, 2), { durable: false })).errorCode, 0)
  assert.equal((await log.append(idem(1, 1, 2), { durable: false })).errorCode, 0)
  assert.equal(log.logEndOffset(), 4)
})

test('producer state survives a clean restart and a crash (rebuilt by replay)', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir, { segmentBytes: 400 })
  for (let i = 0; i < 20; i++) await log.append(idem(i * 2, 2), { durable: false })
  await log.close()
  const clean = await openTestLog(dir, { segmentBytes: 400 })
  assert.equal(clean.recoveryReport.clean, true)
  assert.equal((await clean.append(idem(38, 2), { durable: false })).baseOffset, 38, 'duplicate of the last batch')
  assert.equal((await clean.append(idem(41, 1), { durable: false })).errorCode, 45)
  assert.equal((await clean.append(idem(40, 1), { durable: false })).baseOffset, 40)
  await clean.flush()
  // Crash: no close, so no marker and no final snapshot.
  const crashed = await openTestLog(dir, { segmentBytes: 400 })
  t.after(() => crashed.close())
  assert.equal(crashed.recoveryReport.clean, false)
  assert.equal((await crashed.append(idem(40, 1), { durable: false })).baseOffset, 40, 'dedup after replay')
  assert.equal((await crashed.append(idem(41, 1), { durable: false })).baseOffset, 41)
  assert.equal((await crashed.append(idem(43, 1), { durable: false })).errorCode, 45)
})

test('transactions: LSO, read_committed bound, aborted list, markers', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir)
  t.after(() => log.close())
  const txn = (pid: number, seq: number, key: string): Buffer =>
    buildClientBatch([{ key, value: key }], { producerId: pid, producerEpoch: 0, baseSequence: seq, transactional: true })
  await log.append(buildClientBatch([{ key: 'plain', value: 'p' }]), { durable: false }) // 0
  await log.append(txn(1, 0, 'a1'), { durable: false }) // 1 — txn of producer 1 opens
  await log.append(txn(2, 0, 'b1'), { durable: false }) // 2 — txn of producer 2 opens
  await log.append(txn(1, 1, 'a2'), { durable: false }) // 3
  assert.equal(log.lastStableOffset(), 1)
  assert.deepEqual([...log.openTransactions()], [[1, { producerEpoch: 0, firstOffset: 1 }], [2, { producerEpoch: 0, firstOffset: 2 }]])
  const committedRead = await log.read(0, 1 << 20, 'read_committed')
  assert.deepEqual(recordsOf(committedRead.records).map((r) => r.offset), [0])
  assert.equal(committedRead.lastStableOffset, 1)
  // A non-transactional write from a producer inside a transaction is refused.
  const stray = await log.append(buildClientBatch([{ key: 's', value: 's' }], { producerId: 1, producerEpoch: 0, baseSequence: 2 }), { durable: false })
  assert.equal(stray.errorCode, 48)

  const abort = await log.appendControl({ producerId: 1, producerEpoch: 0, commit: false, coordinatorEpoch: 3 }, { durable: false }) // 4
  assert.equal(abort.baseOffset, 4)
  assert.equal(log.lastStableOffset(), 2)
  await log.appendControl({ producerId: 2, producerEpoch: 0, commit: true, coordinatorEpoch: 3 }, { durable: false }) // 5
  assert.equal(log.lastStableOffset(), 6)
  assert.equal(log.openTransactions().size, 0)

  const all = await log.read(0, 1 << 20, 'read_committed')
  assert.equal(all.records.length, 6)
  assert.deepEqual(all.abortedTransactions, [{ producerId: 1, firstOffset: 1 }])
  assert.deepEqual((await log.read(5, 1 << 20, 'read_committed')).abortedTransactions, [])
  assert.equal((await log.read(0, 1 << 20, 'read_uncommitted')).abortedTransactions, null)
  // The marker is a control batch with one record: key (version 0, type 0 = abort).
  const marker = all.records[4]
  assert.equal(marker.readInt16BE(21) & 0x30, 0x30)
})

test('open transactions and the aborted index survive a crash; the LSO holds until the coordinator aborts', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir, { segmentBytes: 300 })
  const txn = (pid: number, seq: number): Buffer =>
    buildClientBatch([{ key: `k${seq}`, value: 'v' }], { producerId: pid, producerEpoch: 0, baseSequence: seq, transactional: true })
  await log.append(txn(1, 0), { durable: false })
  await log.append(txn(1, 1), { durable: false })
  await log.appendControl({ producerId: 1, producerEpoch: 0, commit: false, coordinatorEpoch: 0 }, { durable: false })
  for (let i = 0; i < 5; i++) await log.append(buildClientBatch([{ key: `n${i}`, value: 'x'.repeat(50) }]), { durable: false })
  await log.append(txn(9, 0), { durable: false }) // offset 8, left open
  await log.flush()
  const reopened = await openTestLog(dir, { segmentBytes: 300 })
  t.after(() => reopened.close())
  assert.equal(reopened.recoveryReport.clean, false)
  assert.deepEqual([...reopened.openTransactions()], [[9, { producerEpoch: 0, firstOffset: 8 }]])
  assert.equal(reopened.lastStableOffset(), 8)
  assert.deepEqual((await reopened.read(0, 1 << 20, 'read_committed')).abortedTransactions, [{ producerId: 1, firstOffset: 0 }])
  await reopened.appendControl({ producerId: 9, producerEpoch: 1, commit: false, coordinatorEpoch: 1 }, { durable: true })
  assert.equal(reopened.lastStableOffset(), reopened.logEndOffset())
})

test('idle producers expire during maintenance; open transactions keep theirs', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir, { producerIdExpirationMs: 1000 })
  t.after(() => log.close())
  await log.append(buildClientBatch([{ key: 'a', value: 'a' }], { producerId: 1, producerEpoch: 0, baseSequence: 0, timestamp: 100 }), { durable: false })
  await log.append(buildClientBatch([{ key: 'b', value: 'b' }], { producerId: 2, producerEpoch: 0, baseSequence: 0, timestamp: 100, transactional: true }), { durable: false })
  const gap = buildClientBatch([{ key: 'c', value: 'c' }], { producerId: 1, producerEpoch: 0, baseSequence: 5, timestamp: 200 })
  assert.equal((await log.append(gap, { durable: false })).errorCode, 45)
  await log.runMaintenance(10_000)
  assert.equal((await log.append(gap, { durable: false })).errorCode, 0, 'expired producer: any sequence again')
  assert.deepEqual([...log.openTransactions().keys()], [2])
})

test('a badly framed batch is refused before it can reach the segment', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir)
  t.after(() => log.close())
  const batch = buildClientBatch([{ key: 'a', value: 'a' }])
  assert.equal((await log.append(batch.subarray(0, batch.length - 1), { durable: false })).errorCode, 2)
  assert.equal((await log.append(Buffer.concat([batch, Buffer.alloc(3)]), { durable: false })).errorCode, 2)
  assert.equal(log.logEndOffset(), 0)
  assert.equal((await log.append(batch, { durable: false })).errorCode, 0)
})
