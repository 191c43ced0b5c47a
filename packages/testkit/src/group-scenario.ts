// Issue 3's consumer-group scenario, for any client that can run a group member as its own
// process: three members share a 6-partition topic while one joins, one leaves cleanly and one is
// killed; every record must be processed, and a record processed twice must have been held by the
// killed member (the only rebalance window where redelivery is allowed, since members commit after
// processing). Finally a fresh member of the restarted group starts from the committed offsets.
import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import { platformaticPeer } from './platformatic-peer.ts'
import { makeRecords, recordIndex } from './test-records.ts'
import type { ConsumedRecord } from './test-records.ts'

export interface GroupMemberHandle {
  readonly records: ConsumedRecord[]
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
    await producer.produce({ topic, records: records.slice(produced, produced + count) })
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
  const twice = [...by].filter(([, names]) => names.length > 1)
  const outsideWindow = twice.filter(([, names]) => !names.includes('c'))
  assert.deepEqual(outsideWindow.slice(0, 5), [], 'records processed twice without the killed member involved')
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
