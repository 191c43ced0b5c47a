// The coordinator's wire behaviour, request by request, with exact Kafka error codes —
// including the bad input real clients rarely send (unknown members, old generations,
// unknown topics, a 10 KB group id, EndTxn without a transaction).

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { ErrorCode } from '@tributary/protocol'
import { RawClient } from '../testing/raw-client.ts'
import { clientBatch } from '../testing/record-batch.ts'
import { startTestBroker } from '../testing/test-broker.ts'
import type { TestBroker } from '../testing/test-broker.ts'

const JOIN = 11
const SYNC = 14
const HEARTBEAT = 12
const LEAVE = 13
const COMMIT = 8
const FETCH = 9

function subscription (...topics: string[]): Buffer {
  const parts = [Buffer.from([0, 0]), int32(topics.length)]
  for (const t of topics) parts.push(int16(Buffer.byteLength(t)), Buffer.from(t))
  parts.push(int32(-1))
  return Buffer.concat(parts)
}
function pick (r: { errorCode: number; producerEpoch: number }): [number, number] { return [r.errorCode, r.producerEpoch] }
function int32 (n: number): Buffer { const b = Buffer.alloc(4); b.writeInt32BE(n); return b }
function int16 (n: number): Buffer { const b = Buffer.alloc(2); b.writeInt16BE(n); return b }

function joinBody (groupId: string, memberId = '', topics = ['orders']) {
  return {
    groupId, sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000, memberId, groupInstanceId: null,
    protocolType: 'consumer', protocols: [{ name: 'range', metadata: subscription(...topics) }], reason: null,
  }
}

function commitBody (groupId: string, generationId: number, memberId: string, topic = 'orders', offset = 5) {
  return {
    groupId, generationIdOrMemberEpoch: generationId, memberId, groupInstanceId: null, retentionTimeMs: -1,
    topics: [{ name: topic, partitions: [{ partitionIndex: 0, committedOffset: offset, committedLeaderEpoch: -1, commitTimestamp: -1, committedMetadata: 'meta' }] }],
  }
}

/** Joins (MEMBER_ID_REQUIRED round trip) and syncs as the only member; returns member id and generation. */
async function joinAlone (client: RawClient, groupId: string, topics = ['orders']) {
  const first = await client.request(JOIN, 5, joinBody(groupId, '', topics))
  assert.equal(first.errorCode, ErrorCode.MEMBER_ID_REQUIRED)
  const joined = await client.request(JOIN, 5, joinBody(groupId, first.memberId, topics))
  assert.equal(joined.errorCode, ErrorCode.NONE)
  const sync = await client.request(SYNC, 3, {
    groupId, generationId: joined.generationId, memberId: joined.memberId, groupInstanceId: null,
    assignments: [{ memberId: joined.memberId, assignment: Buffer.from('assigned') }],
  })
  assert.equal(sync.errorCode, ErrorCode.NONE)
  assert.equal(sync.assignment.toString(), 'assigned')
  return { memberId: joined.memberId as string, generationId: joined.generationId as number }
}

describe('coordinator on the wire', () => {
  let tb: TestBroker
  let client: RawClient

  before(async () => {
    tb = await startTestBroker({ 'group.initial.rebalance.delay.ms': 0 })
    await tb.broker.topics.create('orders', { partitions: 2 })
    client = await RawClient.connect(tb.broker.port)
  })
  after(async () => {
    client.socket.destroy()
    await tb.stop()
  })

  it('FindCoordinator answers this node for groups and transactions, batched from v4', async () => {
    const v2 = await client.request(10, 2, { key: 'g', keyType: 1, coordinatorKeys: [] })
    assert.equal(v2.errorCode, ErrorCode.NONE)
    assert.equal(v2.port, tb.broker.port)
    const v4 = await client.request(10, 4, { key: '', keyType: 0, coordinatorKeys: ['a', 'b'] })
    assert.deepEqual(v4.coordinators.map((c: any) => [c.key, c.nodeId, c.port, c.errorCode]), [['a', tb.broker.nodeId, tb.broker.port, 0], ['b', tb.broker.nodeId, tb.broker.port, 0]])
    const bad = await client.request(10, 4, { key: '', keyType: 7, coordinatorKeys: ['a'] })
    assert.equal(bad.coordinators[0].errorCode, ErrorCode.INVALID_REQUEST)
  })

  it('fences heartbeats and commits from unknown members and old generations', async () => {
    const { memberId, generationId } = await joinAlone(client, 'fencing')
    const hb = (member: string, generation: number) => client.request(HEARTBEAT, 3, { groupId: 'fencing', generationId: generation, memberId: member, groupInstanceId: null })
    assert.equal((await hb(memberId, generationId)).errorCode, ErrorCode.NONE)
    assert.equal((await hb('ghost', generationId)).errorCode, ErrorCode.UNKNOWN_MEMBER_ID)
    assert.equal((await hb(memberId, generationId - 1)).errorCode, ErrorCode.ILLEGAL_GENERATION)
    assert.equal((await client.request(HEARTBEAT, 3, { groupId: 'no-such-group', generationId: 1, memberId, groupInstanceId: null })).errorCode, ErrorCode.UNKNOWN_MEMBER_ID)

    const code = async (body: object, version = 5) => (await client.request(COMMIT, version, body)).topics[0].partitions[0].errorCode
    assert.equal(await code(commitBody('fencing', generationId, 'ghost')), ErrorCode.UNKNOWN_MEMBER_ID)
    assert.equal(await code(commitBody('fencing', generationId + 1, memberId)), ErrorCode.ILLEGAL_GENERATION)
    assert.equal(await code(commitBody('fencing', -1, '')), ErrorCode.UNKNOWN_MEMBER_ID, 'no simple commits into a live group')
    assert.equal(await code(commitBody('fencing', generationId, memberId, 'no-such-topic')), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION)
    assert.equal(await code(commitBody('fencing', generationId, memberId)), ErrorCode.NONE)

    const fetched = await client.request(FETCH, 4, { groupId: 'fencing', topics: [{ name: 'orders', partitionIndexes: [0, 1] }] })
    assert.deepEqual(fetched.topics[0].partitions.map((p: any) => [p.committedOffset, p.metadata, p.errorCode]), [[5, 'meta', 0], [-1, '', 0]])
    const leave = await client.request(LEAVE, 1, { groupId: 'fencing', memberId, members: [] })
    assert.equal(leave.errorCode, ErrorCode.NONE)
    assert.equal((await hb(memberId, generationId)).errorCode, ErrorCode.UNKNOWN_MEMBER_ID)
  })

  it('serves the oldest versions (JoinGroup/SyncGroup/Heartbeat/LeaveGroup v0, OffsetCommit v2, OffsetFetch v1)', async () => {
    const join = await client.request(JOIN, 0, { ...joinBody('old-g'), rebalanceTimeoutMs: -1 })
    assert.equal(join.errorCode, ErrorCode.NONE, 'v0 joins without MEMBER_ID_REQUIRED')
    assert.equal(join.generationId, 1)
    const sync = await client.request(SYNC, 0, { groupId: 'old-g', generationId: 1, memberId: join.memberId, groupInstanceId: null, assignments: [{ memberId: join.memberId, assignment: Buffer.from('a') }] })
    assert.equal(sync.assignment.toString(), 'a')
    assert.equal((await client.request(HEARTBEAT, 0, { groupId: 'old-g', generationId: 1, memberId: join.memberId, groupInstanceId: null })).errorCode, ErrorCode.NONE)
    const commit = await client.request(COMMIT, 2, commitBody('old-g', 1, join.memberId, 'orders', 11))
    assert.equal(commit.topics[0].partitions[0].errorCode, ErrorCode.NONE)
    const fetched = await client.request(FETCH, 1, { groupId: 'old-g', topics: [{ name: 'orders', partitionIndexes: [0] }] })
    assert.equal(fetched.topics[0].partitions[0].committedOffset, 11)
    assert.equal((await client.request(LEAVE, 0, { groupId: 'old-g', memberId: join.memberId, members: [] })).errorCode, ErrorCode.NONE)
    assert.equal(tb.broker.groups!.describeGroup('old-g')!.state, 'Empty')
  })

  it('serves OffsetFetch v8 batched groups and v9 commits with flexible encoding', async () => {
    const commit = await client.request(COMMIT, 9, commitBody('flex-a', -1, '', 'orders', 42))
    assert.equal(commit.topics[0].partitions[0].errorCode, ErrorCode.NONE)
    const res = await client.request(FETCH, 9, {
      groups: [
        { groupId: 'flex-a', memberId: null, memberEpoch: -1, topics: null },
        { groupId: 'flex-unknown', memberId: null, memberEpoch: -1, topics: [{ name: 'orders', partitionIndexes: [1] }] },
      ],
      requireStable: true,
    })
    assert.equal(res.groups[0].topics[0].partitions[0].committedOffset, 42)
    assert.equal(res.groups[1].topics[0].partitions[0].committedOffset, -1)
  })

  it('handles a 10 KB group id', async () => {
    const big = 'g'.repeat(10 * 1024)
    const { memberId, generationId } = await joinAlone(client, big)
    const commit = await client.request(COMMIT, 5, commitBody(big, generationId, memberId, 'orders', 7))
    assert.equal(commit.topics[0].partitions[0].errorCode, ErrorCode.NONE)
    const fetched = await client.request(FETCH, 9, { groups: [{ groupId: big, memberId: null, memberEpoch: -1, topics: null }], requireStable: false })
    assert.equal(fetched.groups[0].topics[0].partitions[0].committedOffset, 7)
    const described = await client.request(15, 5, { groups: [big], includeAuthorizedOperations: false })
    assert.equal(described.groups[0].groupState, 'Stable')
    const empty = await client.request(JOIN, 5, joinBody(''))
    assert.equal(empty.errorCode, ErrorCode.INVALID_GROUP_ID)
    const tooShort = await client.request(JOIN, 5, { ...joinBody('short-session'), sessionTimeoutMs: 10 })
    assert.equal(tooShort.errorCode, ErrorCode.INVALID_SESSION_TIMEOUT, 'below group.min.session.timeout.ms')
  })

  it('lists, describes and deletes groups; refuses to delete offsets of subscribed topics', async () => {
    const { memberId } = await joinAlone(client, 'admin-g')
    await client.request(COMMIT, 9, commitBody('offsets-only', -1, '', 'orders', 1))
    const listed = await client.request(16, 4, { statesFilter: ['stable'], typesFilter: [] })
    assert.ok(listed.groups.some((g: any) => g.groupId === 'admin-g' && g.groupState === 'Stable' && g.protocolType === 'consumer'))
    assert.ok(!listed.groups.some((g: any) => g.groupId === 'offsets-only'))
    const described = await client.request(15, 5, { groups: ['admin-g', 'nope'], includeAuthorizedOperations: false })
    assert.equal(described.groups[0].protocolData, 'range')
    assert.equal(described.groups[0].members[0].memberId, memberId)
    assert.equal(described.groups[0].members[0].memberAssignment.toString(), 'assigned')
    assert.equal(described.groups[1].groupState, 'Dead')

    await client.request(COMMIT, 9, commitBody('admin-g', 1, memberId, 'orders', 3))
    const offsetDelete = await client.request(47, 0, { groupId: 'admin-g', topics: [{ name: 'orders', partitions: [{ partitionIndex: 0 }] }] })
    assert.equal(offsetDelete.topics[0].partitions[0].errorCode, ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC)

    const deleted = await client.request(42, 2, { groupsNames: ['admin-g', 'offsets-only', 'never-existed'] })
    assert.deepEqual(deleted.results.map((r: any) => r.errorCode), [ErrorCode.NON_EMPTY_GROUP, ErrorCode.NONE, ErrorCode.GROUP_ID_NOT_FOUND])
    await client.request(LEAVE, 5, { groupId: 'admin-g', memberId: '', members: [{ memberId, groupInstanceId: null, reason: 'test' }] })
    const offsetDelete2 = await client.request(47, 0, { groupId: 'admin-g', topics: [{ name: 'orders', partitions: [{ partitionIndex: 0 }] }] })
    assert.equal(offsetDelete2.topics[0].partitions[0].errorCode, ErrorCode.NONE)
    const again = await client.request(42, 2, { groupsNames: ['admin-g'] })
    assert.equal(again.results[0].errorCode, ErrorCode.NONE)
  })

  it('runs any protocol type: Kafka Connect workers ("connect") pick their common protocol by vote', async () => {
    const body = (memberId: string, url: string, protocols: string[]) => ({
      groupId: 'connect-cluster', sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000, memberId, groupInstanceId: null,
      protocolType: 'connect', protocols: protocols.map((name) => ({ name, metadata: Buffer.from(url) })), reason: null,
    })
    const w1 = await client.request(JOIN, 5, body('', 'http://w1', ['sessioned', 'compatible', 'default']))
    const joined = await client.request(JOIN, 5, body(w1.memberId, 'http://w1', ['sessioned', 'compatible', 'default']))
    assert.equal(joined.protocolName, 'sessioned')
    assert.equal(joined.members[0].metadata.toString(), 'http://w1')
    const other = await RawClient.connect(tb.broker.port)
    try {
      const w2 = await other.request(JOIN, 5, body('', 'http://w2', ['compatible', 'default']))
      const parked = other.request(JOIN, 5, body(w2.memberId, 'http://w2', ['compatible', 'default']))
      const rejoined = await client.request(JOIN, 5, body(joined.memberId, 'http://w1', ['sessioned', 'compatible', 'default']))
      const second = await parked
      assert.equal(rejoined.protocolName, 'compatible', 'the newest protocol every worker supports')
      assert.equal(second.protocolName, 'compatible')
      assert.equal(rejoined.generationId, 2)
      const consumerJoin = await other.request(JOIN, 5, joinBody('connect-cluster'))
      assert.equal(consumerJoin.errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL)
    } finally {
      other.socket.destroy()
    }
  })

  it('answers transaction misuse with precise codes', async () => {
    const tooLong = await client.request(22, 1, { transactionalId: 'tx-a', transactionTimeoutMs: 10_000_000, producerId: -1, producerEpoch: -1 })
    assert.equal(tooLong.errorCode, ErrorCode.INVALID_TRANSACTION_TIMEOUT)
    const init = await client.request(22, 1, { transactionalId: 'tx-a', transactionTimeoutMs: 60_000, producerId: -1, producerEpoch: -1 })
    assert.equal(init.errorCode, ErrorCode.NONE)
    assert.equal(init.producerEpoch, 0)
    const { producerId } = init
    const endTxn = (id: string, pid: number, epoch: number, version = 1) => client.request(26, version, { transactionalId: id, producerId: pid, producerEpoch: epoch, committed: true })
    assert.equal((await endTxn('tx-a', producerId, 0)).errorCode, ErrorCode.INVALID_TXN_STATE)
    assert.equal((await endTxn('tx-unknown', producerId, 0)).errorCode, ErrorCode.INVALID_PRODUCER_ID_MAPPING)

    const bumped = await client.request(22, 4, { transactionalId: 'tx-a', transactionTimeoutMs: 60_000, producerId: -1, producerEpoch: -1 })
    assert.equal(bumped.producerId, producerId)
    assert.equal(bumped.producerEpoch, 1)
    assert.equal((await endTxn('tx-a', producerId, 0, 1)).errorCode, ErrorCode.INVALID_PRODUCER_EPOCH, 'v1 knows no PRODUCER_FENCED')
    assert.equal((await endTxn('tx-a', producerId, 0, 3)).errorCode, ErrorCode.PRODUCER_FENCED)

    const add = await client.request(24, 1, { v3AndBelowTransactionalId: 'tx-a', v3AndBelowProducerId: producerId, v3AndBelowProducerEpoch: 1, v3AndBelowTopics: [{ name: 'orders', partitions: [0] }, { name: 'missing', partitions: [0] }], transactions: [] })
    const codes = add.resultsByTopicV3AndBelow.map((t: any) => t.resultsByPartition[0].partitionErrorCode)
    assert.deepEqual(codes, [ErrorCode.OPERATION_NOT_ATTEMPTED, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION])
    // An ongoing transaction stops a new InitProducerId with CONCURRENT_TRANSACTIONS (after aborting it).
    await client.request(24, 1, { v3AndBelowTransactionalId: 'tx-a', v3AndBelowProducerId: producerId, v3AndBelowProducerEpoch: 1, v3AndBelowTopics: [{ name: 'orders', partitions: [0] }], transactions: [] })
    const during = await client.request(22, 4, { transactionalId: 'tx-a', transactionTimeoutMs: 60_000, producerId: -1, producerEpoch: -1 })
    assert.equal(during.errorCode, ErrorCode.CONCURRENT_TRANSACTIONS)
    const retry = await client.request(22, 4, { transactionalId: 'tx-a', transactionTimeoutMs: 60_000, producerId: -1, producerEpoch: -1 })
    assert.equal(retry.errorCode, ErrorCode.NONE)
    assert.equal(retry.producerEpoch, 3)

    // KIP-360 (v3+): the current producer may bump its own epoch; a stale one is fenced; a
    // retried bump (its previous epoch) gets the current one back.
    const kip360 = (epoch: number, pid = producerId) => client.request(22, 4, { transactionalId: 'tx-a', transactionTimeoutMs: 60_000, producerId: pid, producerEpoch: epoch })
    assert.deepEqual(pick(await kip360(3)), [ErrorCode.NONE, 4])
    assert.deepEqual(pick(await kip360(3)), [ErrorCode.NONE, 4], 'retry of the bump')
    assert.equal((await kip360(1)).errorCode, ErrorCode.PRODUCER_FENCED)
    assert.equal((await kip360(4, producerId + 1000)).errorCode, ErrorCode.PRODUCER_FENCED)

    // Produce: a zombie (older epoch) gets INVALID_PRODUCER_EPOCH; the current producer writing to
    // a partition it never added gets INVALID_TXN_STATE.
    const produce = async (epoch: number) => {
      const records = clientBatch([{ key: 'k', value: 'v' }], { producerId, producerEpoch: epoch, baseSequence: 0, transactional: true })
      const res = await client.request(0, 9, { transactionalId: 'tx-a', acks: -1, timeoutMs: 5000, topicData: [{ name: 'orders', partitionData: [{ index: 1, records }] }] })
      return res.responses[0].partitionResponses[0].errorCode
    }
    assert.equal(await produce(2), ErrorCode.INVALID_PRODUCER_EPOCH)
    assert.equal(await produce(4), ErrorCode.INVALID_TXN_STATE)
  })
})
