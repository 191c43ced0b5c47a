// The coordinators over their durable store and a real partition log, with an injected clock:
// state survives reopening (across snapshot rotation), staged transactional offsets follow their
// transaction, and a timed-out transaction is aborted by the clock-driven check.

import assert from 'node:assert/strict'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { ErrorCode } from '@tributary/protocol'
import { defaultLogConfig, openPartitionLog } from '../log/index.ts'
import type { PartitionLog } from '../log/types.ts'
import { clientBatch } from '../testing/record-batch.ts'
import { ManualClock } from './clock.ts'
import type { CoordinatorHost } from './coordinator-host.ts'
import { openCoordinators } from './open-coordinators.ts'
import type { Coordinators } from './open-coordinators.ts'
import { waitFor } from './test-fixtures/group-test-support.ts'

const OVERRIDES = { 'group.initial.rebalance.delay.ms': 0, 'transaction.abort.timed.out.transaction.cleanup.interval.ms': 1000 }

describe('openCoordinators', () => {
  let dataDir: string
  let log: PartitionLog
  let host: CoordinatorHost
  let nextProducerId = 100

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'coord-open-'))
    log = await openPartitionLog({ dir: join(dataDir, 'events-0'), topic: 'events', partition: 0, config: defaultLogConfig() })
    const result = await log.append(clientBatch(Array.from({ length: 10 }, (_, i) => ({ key: null, value: `v${i}` }))), { durable: false })
    assert.equal(result.errorCode, 0)
    host = {
      partitionLog: (topic, partition) => (topic === 'events' && partition === 0 ? log : undefined),
      partitionLogs: () => [log],
      allocateProducerId: () => nextProducerId++,
    }
  })
  after(async () => {
    await log.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  const open = (clock = new ManualClock()): Promise<Coordinators> => openCoordinators({ dataDir, host, clock, overrides: OVERRIDES, snapshotAfterBytes: 1024 })
  const simpleCommit = (c: Coordinators, groupId: string, offset: number, topic = 'events') => c.groups.commitOffsets({
    groupId, memberId: '', groupInstanceId: null, generationId: -1,
    topics: [{ name: topic, partitions: [{ partitionIndex: 0, committedOffset: offset, committedMetadata: `at-${offset}` }] }],
  })
  const fetchOne = (c: Coordinators, groupId: string, requireStable = false) => c.groups.fetchOffsets(groupId, [{ name: 'events', partitionIndexes: [0] }], requireStable).topics[0].partitions[0]

  it('keeps groups, offsets and transactions across reopening, through snapshot rotation', async () => {
    const clock = new ManualClock()
    const c = await open(clock)
    for (let i = 1; i <= 60; i++) await simpleCommit(c, 'offsets-g', i % 8)
    assert.deepEqual((await simpleCommit(c, 'offsets-g', 7, 'nope'))[0].partitions[0].errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION)

    const first = await c.groups.join('live-g', joinReq(''))
    const joined = await c.groups.join('live-g', joinReq(first.memberId))
    await c.groups.sync('live-g', { memberId: joined.memberId, groupInstanceId: null, generationId: 1, protocolType: null, protocolName: null, assignments: [{ memberId: joined.memberId, assignment: Buffer.from('mine') }] })

    const init = await c.transactions.initProducerId({ transactionalId: 'open-tx', transactionTimeoutMs: 60_000, producerId: -1, producerEpoch: -1 })
    const ref = { transactionalId: 'open-tx', producerId: init.producerId, producerEpoch: 0 }
    assert.equal(await c.transactions.addOffsets({ ...ref, groupId: 'eos-g' }), ErrorCode.NONE)
    const staged = await c.transactions.txnOffsetCommit({ ...ref, groupId: 'eos-g', memberId: '', groupInstanceId: null, generationId: -1, topics: [{ name: 'events', partitions: [{ partitionIndex: 0, committedOffset: 3, committedMetadata: null }] }] })
    assert.equal(staged[0].partitions[0].errorCode, ErrorCode.NONE)
    assert.equal(fetchOne(c, 'eos-g', true).errorCode, ErrorCode.UNSTABLE_OFFSET_COMMIT)
    assert.equal(fetchOne(c, 'eos-g').committedOffset, -1, 'staged offsets are invisible until commit')
    await c.close()
    assert.ok((await readdir(join(dataDir, '__coordinator'))).includes('snapshot.bin'), 'the store rotated')

    const again = await open()
    assert.deepEqual(fetchOne(again, 'offsets-g'), { partitionIndex: 0, committedOffset: 4, committedLeaderEpoch: -1, metadata: 'at-4', errorCode: 0 })
    assert.deepEqual(again.groups.describeLag('offsets-g').map((l) => [l.committedOffset, l.logEndOffset, l.lag]), [[4, 10, 6]])
    const live = again.groups.describeGroup('live-g')!
    assert.equal(live.state, 'Stable')
    assert.equal(live.members[0].assignment.toString(), 'mine')
    assert.equal(again.transactions.describe('open-tx')!.state, 'Ongoing')
    await again.recover()
    const recovered = again.transactions.describe('open-tx')!
    assert.equal(recovered.state, 'CompleteAbort', 'an ongoing transaction is aborted on recovery')
    assert.equal(recovered.producerEpoch, 1)
    assert.equal(fetchOne(again, 'eos-g', true).errorCode, ErrorCode.NONE, 'its staged offsets were dropped')
    assert.equal(fetchOne(again, 'eos-g').committedOffset, -1)
    await again.close()
  })

  it('snapshots a group mid-rebalance as its last durable generation, never the half-formed one', async () => {
    const c = await openCoordinators({ dataDir, host, clock: new ManualClock(), overrides: OVERRIDES, snapshotAfterBytes: 1 })
    const a0 = await c.groups.join('rebal-g', joinReq(''))
    const a = await c.groups.join('rebal-g', joinReq(a0.memberId))
    await c.groups.sync('rebal-g', { memberId: a.memberId, groupInstanceId: null, generationId: 1, protocolType: null, protocolName: null, assignments: [{ memberId: a.memberId, assignment: Buffer.from('gen1') }] })
    const b0 = await c.groups.join('rebal-g', joinReq(''))
    const b = c.groups.join('rebal-g', joinReq(b0.memberId))
    await c.groups.join('rebal-g', joinReq(a.memberId))
    await b
    assert.equal(c.groups.describeGroup('rebal-g')!.state, 'CompletingRebalance')
    await simpleCommit(c, 'other-g', 1) // any append past the threshold snapshots the store now
    await c.close()
    const again = await open()
    const restored = again.groups.describeGroup('rebal-g')!
    assert.equal(restored.state, 'Stable')
    assert.deepEqual(restored.members.map((m) => [m.memberId, m.assignment.toString()]), [[a.memberId, 'gen1']])
    assert.equal(again.groups.heartbeat('rebal-g', { memberId: a.memberId, groupInstanceId: null, generationId: 1 }), ErrorCode.NONE)
    await again.close()
  })

  it('aborts an open transaction a partition log reports but the coordinator never heard of', async () => {
    const orphan = await log.append(clientBatch([{ key: 'o', value: 'orphan' }], { producerId: 777, producerEpoch: 3, baseSequence: 0, transactional: true }), { durable: false })
    assert.equal(orphan.errorCode, 0)
    assert.ok(log.openTransactions().has(777))
    assert.ok(log.lastStableOffset() < log.logEndOffset(), 'the orphan holds the last stable offset')
    const c = await open()
    await c.recover()
    assert.equal(log.openTransactions().size, 0)
    assert.equal(log.lastStableOffset(), log.logEndOffset())
    const read = await log.read(orphan.baseOffset, 1 << 20, 'read_committed')
    assert.deepEqual(read.abortedTransactions, [{ producerId: 777, firstOffset: orphan.baseOffset }])
    await c.close()
  })

  it('applies staged offsets when their transaction commits, durably', async () => {
    const c = await open()
    const init = await c.transactions.initProducerId({ transactionalId: 'commit-tx', transactionTimeoutMs: 60_000, producerId: -1, producerEpoch: -1 })
    const ref = { transactionalId: 'commit-tx', producerId: init.producerId, producerEpoch: init.producerEpoch }
    await c.transactions.addOffsets({ ...ref, groupId: 'eos-commit' })
    await c.transactions.txnOffsetCommit({ ...ref, groupId: 'eos-commit', memberId: '', groupInstanceId: null, generationId: -1, topics: [{ name: 'events', partitions: [{ partitionIndex: 0, committedOffset: 9, committedMetadata: 'eos' }] }] })
    assert.equal(await c.transactions.endTxn({ ...ref, committed: true }), ErrorCode.NONE)
    assert.equal(await c.transactions.endTxn({ ...ref, committed: true }), ErrorCode.NONE, 'a retried EndTxn succeeds')
    assert.equal(await c.transactions.endTxn({ ...ref, committed: false }), ErrorCode.INVALID_TXN_STATE)
    assert.equal(fetchOne(c, 'eos-commit').committedOffset, 9)
    await c.close()
    const again = await open()
    assert.equal(fetchOne(again, 'eos-commit').committedOffset, 9)
    await again.close()
  })

  it('aborts and fences a transaction that outlives its timeout (clock-driven)', async () => {
    const clock = new ManualClock()
    const c = await open(clock)
    await c.recover() // starts the periodic check
    const init = await c.transactions.initProducerId({ transactionalId: 'slow-tx', transactionTimeoutMs: 2000, producerId: -1, producerEpoch: -1 })
    const ref = { transactionalId: 'slow-tx', producerId: init.producerId, producerEpoch: init.producerEpoch }
    const added = await c.transactions.addPartitions({ ...ref, topics: [{ name: 'events', partitions: [0] }] })
    assert.equal(added[0].results[0].errorCode, ErrorCode.NONE)
    assert.ok(c.transactions.isPartitionInTransaction(ref.producerId, ref.producerEpoch, 'events', 0))
    const endBefore = log.logEndOffset()
    clock.advance(1000)
    await new Promise((resolve) => setImmediate(resolve))
    assert.equal(c.transactions.describe('slow-tx')!.state, 'Ongoing', 'not yet timed out')
    // The check runs every second; the transaction is over its 2 s timeout from the third run on.
    await waitFor('timeout abort', async () => {
      clock.advance(1000)
      await new Promise((resolve) => setImmediate(resolve))
      return c.transactions.describe('slow-tx')!.state === 'CompleteAbort'
    }, 5000)
    assert.equal(log.logEndOffset(), endBefore + 1, 'an abort marker was written')
    assert.equal(c.transactions.isPartitionInTransaction(ref.producerId, ref.producerEpoch, 'events', 0), false)
    assert.equal(await c.transactions.endTxn({ ...ref, committed: true }), ErrorCode.PRODUCER_FENCED)
    await c.close()
    assert.equal(clock.pendingTimers, 0, 'close leaves no timer behind')
  })
})

function joinReq (memberId: string) {
  return {
    memberId, groupInstanceId: null, clientId: 'c', clientHost: '/127.0.0.1', sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000,
    protocolType: 'consumer', protocols: [{ name: 'range', metadata: Buffer.from('m') }], requireKnownMemberId: true, supportsSkipAssignment: false,
  }
}
