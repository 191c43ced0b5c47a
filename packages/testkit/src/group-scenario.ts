// Issue 3's consumer-group scenario, for any client that can run a group member as its own
// process: three members share a 6-partition topic while one joins, one leaves cleanly and one is
// killed; every record must be processed, and a record may be processed twice only across a
// rebalance (redelivery from the last committed offset); a second delivery with no rebalance in
// between is a broker bug. Finally a fresh member of the restarted group starts from the
// committed offsets.
import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import { platformaticPeer } from './platformatic-peer.ts'
import { makeRecords, recordIndex } from './test-records.ts'
import type { ConsumedRecord } from './test-records.ts'

export interface GroupMemberHandle {
  readonly records: ConsumedRecord[]
  /** When each of `records` arrived, index for index. */
  readonly receivedAt: number[]
  /** When the member saw a rebalance. */
  readonly rebalancedAt: number[]
  /** Partitions the member holds now. */
  assignment (): number[]
  leave (): Promise<void>
  kill (): Promise<void>
}

export interface GroupScenarioOptions {
  bootstrap: string
  topic: string
  group: string
  startMember (name: string): Promise<GroupMemberHandle>
  log?: (message: string) => void
}

const PHASE = 1500

export async function runGroupScenario (options: GroupScenarioOptions): Promise<void> {
  const { bootstrap, topic } = options
  const log = options.log ?? (() => {})
  const producer = platformaticPeer(bootstrap)
  await producer.createTopic(topic, 6)
  const records = makeRecords(PHASE * 5, 'grp')
  const members = new Map<string, GroupMemberHandle>()
  let produced = 0
  const produce = async (count: number): Promise<void> => {
    await producer.produce({ topic, records: records.slice(produced, produced + count), idempotent: true })
    produced += count
  }
  const processedBy = (): Map<number, string[]> => {
    const by = new Map<number, string[]>()
    for (const [name, member] of members) {
      for (const record of member.records) {
        const index = recordIndex(record, 'grp')
        by.set(index, [...(by.get(index) ?? []), name])
      }
    }
    return by
  }
  const waitForAll = async (what: string): Promise<void> => {
    const deadline = Date.now() + 90_000
    while (Date.now() < deadline) {
      if (processedBy().size >= produced) return
      await sleep(200)
    }
    assert.fail(`${what}: ${processedBy().size} of ${produced} records processed in time`)
  }

  // Waits until exactly these members hold all 6 partitions between them, each at least one.
  const waitForAssignment = async (names: string[]): Promise<void> => {
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline) {
      const held = names.map((name) => members.get(name)!.assignment())
      const all = held.flat().sort((x, y) => x - y)
      if (held.every((partitions) => partitions.length > 0) && JSON.stringify(all) === '[0,1,2,3,4,5]') return
      await sleep(100)
    }
    assert.fail(`members ${names.join(', ')} did not settle on a 6-partition assignment: ${names.map((name) => JSON.stringify(members.get(name)!.assignment())).join(' ')}`)
  }

  await produce(PHASE)
  members.set('a', await options.startMember('a'))
  members.set('b', await options.startMember('b'))
  await waitForAssignment(['a', 'b'])
  await waitForAll('two members')
  log('two members processed phase 1')

  members.set('c', await options.startMember('c'))
  await waitForAssignment(['a', 'b', 'c'])
  await produce(PHASE)
  await waitForAll('third member joined')
  log('three members processed phase 2')

  await members.get('b')!.leave()
  await waitForAssignment(['a', 'c'])
  await produce(PHASE)
  await waitForAll('after a clean leave')
  log('phase 3 processed after b left')

  await members.get('c')!.kill()
  await produce(PHASE)
  await waitForAll('after a member was killed')
  assert.deepEqual(members.get('a')!.assignment(), [0, 1, 2, 3, 4, 5], 'the survivor took over every partition')
  log('phase 4 processed after c was killed')

  await members.get('a')!.leave()
  const by = processedBy()
  for (let index = 0; index < produced; index++) assert.ok(by.has(index), `record ${index} never processed`)
  const rebalances = [...members.values()].flatMap((member) => member.rebalancedAt)
  // Deliveries are per stored record (partition/offset); one produced record stored at two
  // offsets would be a separate failure (the producer is idempotent).
  const deliveries = new Map<string, number[]>()
  const deliveredBy = new Map<string, string[]>()
  const storedAt = new Map<number, Set<string>>()
  for (const [name, member] of members) {
    member.records.forEach((record, i) => {
      const at = `${record.partition}/${record.offset}`
      deliveries.set(at, [...(deliveries.get(at) ?? []), member.receivedAt[i]])
      deliveredBy.set(at, [...(deliveredBy.get(at) ?? []), `${name}@${member.receivedAt[i]}`])
      const index = recordIndex(record, 'grp')
      storedAt.set(index, (storedAt.get(index) ?? new Set()).add(at))
    })
  }
  const storedTwice = [...storedAt].filter(([, places]) => places.size > 1)
  assert.deepEqual(storedTwice.slice(0, 3).map(([index, places]) => `${index}: ${[...places].join(' ')}`), [], 'records stored twice by an idempotent producer')
  const outsideWindow = [...deliveries].filter(([, times]) => {
    const sorted = [...times].sort((x, y) => x - y)
    return sorted.some((at, i) => i > 0 && !rebalances.some((rebalance) => rebalance >= sorted[i - 1] && rebalance <= at))
  })
  assert.deepEqual(outsideWindow.slice(0, 3).map(([index]) => `${index}: ${deliveredBy.get(index)!.join(', ')}`), [],
    `records delivered twice with no rebalance in between; rebalances: ${[...members].map(([name, member]) => `${name} ${member.rebalancedAt.join(' ')}`).join('; ')}`)
  log(`${[...deliveries.values()].filter((times) => times.length > 1).length} records redelivered across rebalances`)
  for (const [name, member] of members) {
    const last = new Map<number, number>()
    for (const record of member.records) {
      assert.ok(record.offset > (last.get(record.partition) ?? -1), `member ${name}: partition ${record.partition} went backwards`)
      last.set(record.partition, record.offset)
    }
  }

  // The group restarts: a new member must begin at the committed offsets, i.e. see only new records.
  await produce(PHASE)
  const fresh = await options.startMember('d')
  members.set('d', fresh)
  const deadline = Date.now() + 90_000
  while (fresh.records.length < PHASE && Date.now() < deadline) await sleep(200)
  await sleep(500)
  await fresh.leave()
  const indexes = fresh.records.map((record) => recordIndex(record, 'grp')).sort((x, y) => x - y)
  assert.equal(indexes.length, PHASE, `restarted group read ${indexes.length} records, expected exactly the ${PHASE} new ones`)
  assert.equal(indexes[0], produced - PHASE, 'restarted group began before its committed offsets')
  log(`restarted group resumed at record ${indexes[0]}`)
}
