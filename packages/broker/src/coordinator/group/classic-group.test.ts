import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ManualClock } from '../clock.ts'
import { ErrorCode } from '../error-codes.ts'
import { ClassicGroup } from './classic-group.ts'
import type { JoinRequest, JoinResult, PersistedGroup } from './group-types.ts'

function setup (options: { initialDelayMs?: number; maxSize?: number } = {}) {
  const clock = new ManualClock()
  const persisted: PersistedGroup[] = []
  const group = new ClassicGroup({
    groupId: 'g',
    clock,
    maxSize: options.maxSize ?? 100,
    initialRebalanceDelayMs: options.initialDelayMs ?? 0,
    persist: async (g) => { persisted.push(g) },
  })
  return { clock, group, persisted }
}

function joinReq (overrides: Partial<JoinRequest> = {}): JoinRequest {
  return {
    memberId: '',
    groupInstanceId: null,
    clientId: 'c',
    clientHost: '/127.0.0.1',
    sessionTimeoutMs: 10_000,
    rebalanceTimeoutMs: 30_000,
    protocolType: 'consumer',
    protocols: [{ name: 'range', metadata: Buffer.from('m') }],
    requireKnownMemberId: true,
    supportsSkipAssignment: false,
    ...overrides,
  }
}

/** Full dynamic join (MEMBER_ID_REQUIRED round trip); returns the parked promise. */
async function joinNew (group: ClassicGroup, overrides: Partial<JoinRequest> = {}): Promise<{ parked: Promise<JoinResult> }> {
  const first = await group.join(joinReq(overrides))
  assert.equal(first.errorCode, ErrorCode.MEMBER_ID_REQUIRED)
  assert.notEqual(first.memberId, '')
  return { parked: group.join(joinReq({ ...overrides, memberId: first.memberId })) }
}

const flush = () => new Promise((resolve) => setImmediate(resolve))

async function stableWithOne () {
  const s = setup()
  const joined = await (await joinNew(s.group)).parked
  assert.equal(joined.errorCode, ErrorCode.NONE)
  const sync = await s.group.sync({ memberId: joined.memberId, groupInstanceId: null, generationId: joined.generationId, protocolType: null, protocolName: null, assignments: [{ memberId: joined.memberId, assignment: Buffer.from('A') }] })
  assert.equal(sync.errorCode, ErrorCode.NONE)
  return { ...s, a: joined }
}

describe('ClassicGroup', () => {
  it('asks a new dynamic member for its id, then makes it leader of generation 1 and Stable after its sync', async () => {
    const { group, persisted, a } = await stableWithOne()
    assert.equal(a.generationId, 1)
    assert.equal(a.leader, a.memberId)
    assert.equal(a.protocolName, 'range')
    assert.deepEqual(a.members.map((m) => m.memberId), [a.memberId])
    assert.equal(group.state, 'Stable')
    assert.equal(persisted.at(-1)?.members[0].assignment.toString(), 'A')
    assert.equal(group.heartbeat({ memberId: a.memberId, groupInstanceId: null, generationId: 1 }), ErrorCode.NONE)
  })

  it('joins v0-3 members without MEMBER_ID_REQUIRED', async () => {
    const { group } = setup()
    const r = await group.join(joinReq({ requireKnownMemberId: false }))
    assert.equal(r.errorCode, ErrorCode.NONE)
    assert.equal(r.generationId, 1)
  })

  it('rebalances when a second member joins: the first is told by heartbeat, both get generation 2, followers wait for the leader', async () => {
    const { group, a } = await stableWithOne()
    const bJoin = (await joinNew(group, { clientId: 'b' })).parked
    assert.equal(group.state, 'PreparingRebalance')
    assert.equal(group.heartbeat({ memberId: a.memberId, groupInstanceId: null, generationId: 1 }), ErrorCode.REBALANCE_IN_PROGRESS)
    const aJoin = group.join(joinReq({ memberId: a.memberId }))
    const [ra, rb] = await Promise.all([aJoin, bJoin])
    assert.equal(ra.generationId, 2)
    assert.equal(rb.generationId, 2)
    assert.equal(ra.leader, a.memberId)
    assert.equal(ra.members.length, 2)
    assert.equal(rb.members.length, 0)
    let followerDone = false
    const bSync = group.sync({ memberId: rb.memberId, groupInstanceId: null, generationId: 2, protocolType: 'consumer', protocolName: 'range', assignments: [] })
    void bSync.then(() => { followerDone = true })
    await flush()
    assert.equal(followerDone, false)
    const aSync = await group.sync({ memberId: a.memberId, groupInstanceId: null, generationId: 2, protocolType: null, protocolName: null, assignments: [{ memberId: a.memberId, assignment: Buffer.from('x') }, { memberId: rb.memberId, assignment: Buffer.from('y') }] })
    assert.equal(aSync.assignment.toString(), 'x')
    assert.equal((await bSync).assignment.toString(), 'y')
    assert.equal(group.state, 'Stable')
  })

  it('fences old generations and unknown members', async () => {
    const { group, a } = await stableWithOne()
    assert.equal(group.heartbeat({ memberId: a.memberId, groupInstanceId: null, generationId: 0 }), ErrorCode.ILLEGAL_GENERATION)
    assert.equal(group.heartbeat({ memberId: 'nobody', groupInstanceId: null, generationId: 1 }), ErrorCode.UNKNOWN_MEMBER_ID)
    const sync = await group.sync({ memberId: a.memberId, groupInstanceId: null, generationId: 7, protocolType: null, protocolName: null, assignments: [] })
    assert.equal(sync.errorCode, ErrorCode.ILLEGAL_GENERATION)
    assert.equal(group.validateOffsetCommit({ memberId: a.memberId, groupInstanceId: null, generationId: 0 }), ErrorCode.ILLEGAL_GENERATION)
    assert.equal(group.validateOffsetCommit({ memberId: 'nobody', groupInstanceId: null, generationId: 1 }), ErrorCode.UNKNOWN_MEMBER_ID)
    assert.equal(group.validateOffsetCommit({ memberId: '', groupInstanceId: null, generationId: -1 }), ErrorCode.UNKNOWN_MEMBER_ID)
    assert.equal(group.validateOffsetCommit({ memberId: a.memberId, groupInstanceId: null, generationId: 1 }), ErrorCode.NONE)
    const rejoin = await group.join(joinReq({ memberId: 'nobody' }))
    assert.equal(rejoin.errorCode, ErrorCode.UNKNOWN_MEMBER_ID)
  })

  it('removes a member whose session expires and rebalances the rest', async () => {
    const { group, clock, a } = await stableWithOne()
    const bJoin = (await joinNew(group, { clientId: 'b', sessionTimeoutMs: 6000 })).parked
    const aJoin = group.join(joinReq({ memberId: a.memberId }))
    const [, rb] = await Promise.all([aJoin, bJoin])
    await group.sync({ memberId: a.memberId, groupInstanceId: null, generationId: 2, protocolType: null, protocolName: null, assignments: [] })
    // a keeps heartbeating, b goes silent.
    for (let t = 0; t < 8; t++) {
      clock.advance(1000)
      const code = group.heartbeat({ memberId: a.memberId, groupInstanceId: null, generationId: 2 })
      if (t < 5) assert.equal(code, ErrorCode.NONE)
    }
    assert.equal(group.hasMember(rb.memberId), false)
    assert.equal(group.heartbeat({ memberId: a.memberId, groupInstanceId: null, generationId: 2 }), ErrorCode.REBALANCE_IN_PROGRESS)
    const again = await group.join(joinReq({ memberId: a.memberId }))
    assert.equal(again.generationId, 3)
    assert.equal(again.members.length, 1)
  })

  it('drops members that do not rejoin within the rebalance timeout', async () => {
    const { group, clock, a } = await stableWithOne()
    const b = (await joinNew(group, { clientId: 'b', rebalanceTimeoutMs: 20_000 })).parked
    let done = false
    void b.then(() => { done = true })
    // a heartbeats (learning of the rebalance) but never rejoins.
    clock.advance(5000)
    assert.equal(group.heartbeat({ memberId: a.memberId, groupInstanceId: null, generationId: 1 }), ErrorCode.REBALANCE_IN_PROGRESS)
    await flush()
    assert.equal(done, false)
    clock.advance(26_000)
    const rb = await b
    assert.equal(rb.errorCode, ErrorCode.NONE)
    assert.equal(rb.generationId, 2)
    assert.equal(rb.leader, rb.memberId)
    assert.equal(group.hasMember(a.memberId), false)
  })

  it('waits group.initial.rebalance.delay.ms so members arriving together share one generation', async () => {
    const { group, clock } = setup({ initialDelayMs: 3000 })
    const a = (await joinNew(group, { clientId: 'a' })).parked
    clock.advance(2000)
    const b = (await joinNew(group, { clientId: 'b' })).parked
    clock.advance(2000) // first delay over, but b arrived: extended once
    const c = (await joinNew(group, { clientId: 'c' })).parked
    clock.advance(3000)
    clock.advance(3000)
    const results = await Promise.all([a, b, c])
    assert.deepEqual(results.map((r) => r.generationId), [1, 1, 1])
    assert.equal(results.filter((r) => r.members.length === 3).length, 1)
  })

  it('selects the protocol most members vote for among those all support', async () => {
    const { group, clock } = setup({ initialDelayMs: 100 })
    const p = (...names: string[]) => names.map((name) => ({ name, metadata: Buffer.from(name) }))
    const joins = [
      (await joinNew(group, { protocols: p('roundrobin', 'range') })).parked,
      (await joinNew(group, { protocols: p('range', 'roundrobin', 'sticky') })).parked,
      (await joinNew(group, { protocols: p('range', 'roundrobin') })).parked,
    ]
    clock.advance(100)
    clock.advance(100)
    const results = await Promise.all(joins)
    assert.deepEqual(results.map((r) => r.protocolName), ['range', 'range', 'range'])
    const leader = results.find((r) => r.members.length === 3)!
    assert.deepEqual(leader.members.map((m) => m.metadata.toString()), ['range', 'range', 'range'])
    const mismatch = await group.join(joinReq({ protocols: p('cooperative-sticky') }))
    assert.equal(mismatch.errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL)
    const wrongType = await group.join(joinReq({ protocolType: 'connect' }))
    assert.equal(wrongType.errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL)
  })

  it('replaces a static member rejoining without its id, fencing the old id, without a rebalance', async () => {
    const { group, a } = await stableWithOne()
    const staticReq = { groupInstanceId: 'i1', clientId: 's' }
    const sJoin = group.join(joinReq(staticReq))
    const aJoin = group.join(joinReq({ memberId: a.memberId }))
    const [rs] = await Promise.all([sJoin, aJoin])
    assert.equal(rs.errorCode, ErrorCode.NONE, 'static members skip MEMBER_ID_REQUIRED')
    await group.sync({ memberId: a.memberId, groupInstanceId: null, generationId: 2, protocolType: null, protocolName: null, assignments: [{ memberId: rs.memberId, assignment: Buffer.from('S') }] })
    assert.equal(group.state, 'Stable')
    const again = await group.join(joinReq(staticReq))
    assert.equal(again.errorCode, ErrorCode.NONE)
    assert.notEqual(again.memberId, rs.memberId)
    assert.equal(again.generationId, 2, 'no rebalance for an unchanged static member')
    assert.equal(group.state, 'Stable')
    assert.equal(group.heartbeat({ memberId: rs.memberId, groupInstanceId: 'i1', generationId: 2 }), ErrorCode.FENCED_INSTANCE_ID)
    const sync = await group.sync({ memberId: again.memberId, groupInstanceId: 'i1', generationId: 2, protocolType: null, protocolName: null, assignments: [] })
    assert.equal(sync.assignment.toString(), 'S', 'the new id inherits the assignment')
    assert.deepEqual(group.leave([{ memberId: rs.memberId, groupInstanceId: 'i1' }]), [ErrorCode.FENCED_INSTANCE_ID])
  })

  it('enforces group.max.size', async () => {
    const { group } = setup({ maxSize: 1 })
    await joinNew(group)
    const second = await group.join(joinReq())
    assert.equal(second.errorCode, ErrorCode.GROUP_MAX_SIZE_REACHED)
  })

  it('forgets a dynamic member whose connection closes while its join is parked', async () => {
    const { group, a } = await stableWithOne()
    const controller = new AbortController()
    const first = await group.join(joinReq({ clientId: 'b' }))
    const parked = group.join(joinReq({ clientId: 'b', memberId: first.memberId }), controller.signal)
    assert.equal(group.size, 2)
    controller.abort()
    assert.equal((await parked).errorCode, ErrorCode.UNKNOWN_MEMBER_ID)
    assert.equal(group.size, 1)
    const ra = await group.join(joinReq({ memberId: a.memberId }))
    assert.equal(ra.members.length, 1)
  })

  it('leaves cleanly: the group goes Empty when its last member leaves, and close() cancels every timer', async () => {
    const { group, clock, a, persisted } = await stableWithOne()
    assert.deepEqual(group.leave([{ memberId: a.memberId, groupInstanceId: null }, { memberId: 'x', groupInstanceId: null }]), [ErrorCode.NONE, ErrorCode.UNKNOWN_MEMBER_ID])
    assert.equal(group.state, 'Empty')
    assert.equal(persisted.at(-1)?.members.length, 0)
    assert.equal(group.validateOffsetCommit({ memberId: '', groupInstanceId: null, generationId: -1 }), ErrorCode.NONE)
    await joinNew(group)
    assert.ok(clock.pendingTimers > 0)
    group.close()
    assert.equal(clock.pendingTimers, 0)
    assert.equal(group.state, 'Dead')
  })

  it('restores a persisted Stable group whose members keep heartbeating, and expires silent ones', async () => {
    const { persisted, a } = await stableWithOne()
    const { group, clock } = setup()
    group.restore(persisted.at(-1)!)
    assert.equal(group.state, 'Stable')
    assert.equal(group.heartbeat({ memberId: a.memberId, groupInstanceId: null, generationId: 1 }), ErrorCode.NONE)
    clock.advance(11_000)
    assert.equal(group.state, 'Empty')
  })
})
