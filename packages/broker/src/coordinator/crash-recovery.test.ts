// kill -9 of a broker process during a group rebalance and during an open transaction, then a
// restart on the same data dir: groups recover, committed offsets are intact, the open
// transaction is aborted (markers written, LSO free). Also a transaction found half-ended
// (PrepareCommit on disk) is completed on restart.

import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { after, describe, it } from 'node:test'
import { ErrorCode } from '@tributary/protocol'
import { Kafka, logLevel } from 'kafkajs'
import pino from 'pino'
import { startBroker } from '../broker.ts'
import type { Broker } from '../broker.ts'
import { RawClient } from '../testing/raw-client.ts'
import { clientBatch } from '../testing/record-batch.ts'
import { CoordinatorLog } from './store/coordinator-log.ts'
import { waitFor } from './test-fixtures/group-test-support.ts'

const BROKER_SCRIPT = fileURLToPath(new URL('./test-fixtures/broker-process.ts', import.meta.url))
const CONFIG = { 'group.initial.rebalance.delay.ms': 0, 'group.min.session.timeout.ms': 1000 }

const cleanups: Array<() => Promise<void>> = []
after(async () => { for (const c of cleanups.reverse()) await c().catch(() => {}) })

async function tempDir (): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'coord-crash-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  return dir
}

async function spawnBroker (dataDir: string): Promise<{ proc: ChildProcess; port: number }> {
  const proc = spawn(process.execPath, [BROKER_SCRIPT, dataDir, '0', JSON.stringify(CONFIG)], { stdio: ['ignore', 'pipe', 'inherit'] })
  cleanups.push(async () => { proc.kill('SIGKILL') })
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: proc.stdout! }).once('line', resolve)
    proc.once('exit', (code) => reject(new Error(`broker process exited with ${code}`)))
  })
  return { proc, port: (JSON.parse(line) as { port: number }).port }
}

async function killHard (proc: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => proc.once('exit', resolve))
  proc.kill('SIGKILL')
  await exited
}

async function restartInProcess (dataDir: string): Promise<Broker> {
  const broker = await startBroker({ host: '127.0.0.1', port: 0, dataDir, config: CONFIG, logger: pino({ level: 'silent' }) })
  cleanups.push(() => broker.close())
  return broker
}

function subscription (topic: string): Buffer {
  const name = Buffer.from(topic)
  const b = Buffer.alloc(2 + 4 + 2 + name.length + 4)
  b.writeInt32BE(1, 2)
  b.writeInt16BE(name.length, 6)
  name.copy(b, 8)
  b.writeInt32BE(-1, 8 + name.length)
  return b
}

describe('coordinator crash recovery', () => {
  it('keeps the group and its committed offsets when the broker is killed mid-rebalance', async () => {
    const dataDir = await tempDir()
    const { proc, port } = await spawnBroker(dataDir)
    const kafka = new Kafka({ brokers: [`127.0.0.1:${port}`], clientId: 'crash', logLevel: logLevel.NOTHING })
    const admin = kafka.admin()
    await admin.connect()
    await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 2 }] })
    await admin.disconnect()
    const producer = kafka.producer()
    await producer.connect()
    for (const partition of [0, 1]) await producer.send({ topic: 'orders', messages: Array.from({ length: 10 }, (_, i) => ({ partition, value: `p${partition}-${i}` })) })
    await producer.disconnect()

    const a = await RawClient.connect(port)
    const join = (memberId: string) => ({
      groupId: 'crashers', sessionTimeoutMs: 2000, rebalanceTimeoutMs: 2000, memberId, groupInstanceId: null,
      // KafkaJS's assigner name, so the KafkaJS member joining after the restart is compatible.
      protocolType: 'consumer', protocols: [{ name: 'RoundRobinAssigner', metadata: subscription('orders') }], reason: null,
    })
    const first = await a.request(11, 5, join(''))
    const joined = await a.request(11, 5, join(first.memberId))
    const memberA = joined.memberId as string
    await a.request(14, 3, { groupId: 'crashers', generationId: 1, memberId: memberA, groupInstanceId: null, assignments: [{ memberId: memberA, assignment: Buffer.from('all') }] })
    const commit = await a.request(8, 5, {
      groupId: 'crashers', generationIdOrMemberEpoch: 1, memberId: memberA, groupInstanceId: null, retentionTimeMs: -1,
      topics: [{ name: 'orders', partitions: [{ partitionIndex: 0, committedOffset: 5, committedLeaderEpoch: -1, commitTimestamp: -1, committedMetadata: 'm0' }, { partitionIndex: 1, committedOffset: 9, committedLeaderEpoch: -1, commitTimestamp: -1, committedMetadata: 'm1' }] }],
    })
    assert.deepEqual(commit.topics[0].partitions.map((p: any) => p.errorCode), [0, 0])

    // A second member's JoinGroup starts a rebalance; it stays parked while A has not rejoined.
    const b = await RawClient.connect(port)
    b.send(11, 3, join(''))
    await waitFor('rebalance in progress', async () => {
      const hb = await a.request(12, 3, { groupId: 'crashers', generationId: 1, memberId: memberA, groupInstanceId: null })
      return hb.errorCode === ErrorCode.REBALANCE_IN_PROGRESS
    })
    await killHard(proc)
    a.socket.destroy()
    b.socket.destroy()

    const broker = await restartInProcess(dataDir)
    const group = broker.groups!.describeGroup('crashers')!
    assert.equal(group.state, 'Stable', 'the last durable generation is restored')
    assert.deepEqual(group.members.map((m) => m.memberId), [memberA])
    const offsets = broker.groups!.fetchOffsets('crashers', null, false)
    assert.deepEqual(offsets.topics[0].partitions.map((p) => [p.partitionIndex, p.committedOffset, p.metadata]), [[0, 5, 'm0'], [1, 9, 'm1']])

    // A real consumer joining the recovered group resumes exactly from the committed offsets.
    const kafka2 = new Kafka({ brokers: [`127.0.0.1:${broker.port}`], clientId: 'crash', logLevel: logLevel.NOTHING })
    const consumer = kafka2.consumer({ groupId: 'crashers', sessionTimeout: 2000, heartbeatInterval: 200, maxWaitTimeInMs: 100 })
    cleanups.push(() => consumer.disconnect())
    await consumer.connect()
    await consumer.subscribe({ topic: 'orders', fromBeginning: true })
    const seen: string[] = []
    await consumer.run({ eachMessage: async ({ message }) => { seen.push(message.value!.toString()) } })
    await waitFor('resumed records', () => seen.length >= 6)
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.deepEqual(seen.sort(), ['p0-5', 'p0-6', 'p0-7', 'p0-8', 'p0-9', 'p1-9'])
  })

  it('aborts a transaction left open by kill -9 and frees the last stable offset', async () => {
    const dataDir = await tempDir()
    const { proc, port } = await spawnBroker(dataDir)
    const kafka = new Kafka({ brokers: [`127.0.0.1:${port}`], clientId: 'crash-txn', logLevel: logLevel.NOTHING })
    const admin = kafka.admin()
    await admin.connect()
    await admin.createTopics({ topics: [{ topic: 'ledger', numPartitions: 2 }] })
    await admin.disconnect()
    const producer = kafka.producer({ transactionalId: 'crash-tx', idempotent: true, maxInFlightRequests: 1, retry: { retries: 1 } })
    await producer.connect()
    const t1 = await producer.transaction()
    await t1.send({ topic: 'ledger', messages: [{ key: 'a', value: 'committed' }] })
    await t1.commit()
    const t2 = await producer.transaction()
    await t2.send({ topic: 'ledger', messages: [{ key: 'a', value: 'open-1' }, { key: 'b', value: 'open-2' }] })
    await killHard(proc)
    await producer.disconnect().catch(() => {})

    const broker = await restartInProcess(dataDir)
    const logs = broker.topics.get('ledger')!.partitions
    for (const log of logs) {
      assert.equal(log.openTransactions().size, 0, `no open transaction on ledger-${log.partition}`)
      assert.equal(log.lastStableOffset(), log.logEndOffset())
    }
    const state = broker.transactions!.describe('crash-tx')!
    assert.equal(state.state, 'CompleteAbort')
    assert.equal(state.producerEpoch, 1, 'the producer that crashed with the broker is fenced')

    const kafka2 = new Kafka({ brokers: [`127.0.0.1:${broker.port}`], clientId: 'crash-txn', logLevel: logLevel.NOTHING })
    const read = async (readUncommitted: boolean, expected: number) => {
      const consumer = kafka2.consumer({ groupId: `reader-${readUncommitted}`, readUncommitted, maxWaitTimeInMs: 100 })
      await consumer.connect()
      await consumer.subscribe({ topic: 'ledger', fromBeginning: true })
      const seen: string[] = []
      await consumer.run({ eachMessage: async ({ message }) => { seen.push(message.value!.toString()) } })
      await waitFor(`${expected} records`, () => seen.length >= expected)
      await new Promise((resolve) => setTimeout(resolve, 400))
      await consumer.disconnect()
      return seen.sort()
    }
    assert.deepEqual(await read(false, 1), ['committed'])
    assert.deepEqual(await read(true, 3), ['committed', 'open-1', 'open-2'])
  })

  it('completes a commit that a crash interrupted between PrepareCommit and its markers', async () => {
    const dataDir = await tempDir()
    let broker = await restartInProcess(dataDir)
    await broker.topics.create('half', { partitions: 1 })
    const raw = await RawClient.connect(broker.port)
    const init = await raw.request(22, 4, { transactionalId: 'half-tx', transactionTimeoutMs: 60_000, producerId: -1, producerEpoch: -1 })
    const producerId = Number(init.producerId)
    const add = await raw.request(24, 3, { v3AndBelowTransactionalId: 'half-tx', v3AndBelowProducerId: producerId, v3AndBelowProducerEpoch: 0, v3AndBelowTopics: [{ name: 'half', partitions: [0] }], transactions: [] })
    assert.equal(add.resultsByTopicV3AndBelow[0].resultsByPartition[0].partitionErrorCode, 0)
    const produced = await raw.request(0, 9, { transactionalId: 'half-tx', acks: -1, timeoutMs: 5000, topicData: [{ name: 'half', partitionData: [{ index: 0, records: clientBatch([{ key: 'k', value: 'v' }], { producerId, producerEpoch: 0, baseSequence: 0, transactional: true }) }] }] })
    assert.equal(produced.responses[0].partitionResponses[0].errorCode, 0)
    raw.socket.destroy()
    await broker.close()

    // What a crash right after EndTxn's PrepareCommit was persisted leaves on disk.
    const store = new CoordinatorLog({ dir: join(dataDir, '__coordinator') })
    await store.open()
    await store.append([{ t: 'txn', id: 'half-tx', pid: producerId, epoch: 0, lastEpoch: -1, timeoutMs: 60_000, state: 'PrepareCommit', partitions: [['half', 0]], groups: [], startedAt: Date.now() }], { durable: true })
    await store.close()

    broker = await restartInProcess(dataDir)
    const log = broker.topics.getPartition('half', 0)!
    assert.equal(log.openTransactions().size, 0)
    assert.equal(broker.transactions!.describe('half-tx')!.state, 'CompleteCommit')
    const read = await log.read(0, 1 << 20, 'read_committed')
    assert.deepEqual(read.abortedTransactions ?? [], [], 'committed, not aborted')
    assert.equal(read.lastStableOffset, log.logEndOffset())
    assert.equal(log.logEndOffset(), 2, 'the record and its commit marker')
  })
})
