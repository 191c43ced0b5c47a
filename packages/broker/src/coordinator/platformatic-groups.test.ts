// @platformatic/kafka consumer group (flexible versions: JoinGroup v9, OffsetCommit/Fetch v8+
// batched forms) against the embedded broker: three members share a 6-partition topic; one
// leaves cleanly, one is killed (kill -9, found by session timeout); every record is processed,
// none twice; after a broker restart a new member resumes from the committed offsets.

import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { after, before, describe, it } from 'node:test'
import { Consumer, Producer } from '@platformatic/kafka'
import { startTestBroker } from '../testing/test-broker.ts'
import type { TestBroker } from '../testing/test-broker.ts'
import { assertExactlyOnce, settle, values, waitFor, waitForNoLag, waitForStableGroup } from './test-fixtures/group-test-support.ts'

const TOPIC = 'work'
const GROUP = 'pworkers'
const PARTITIONS = 6
const MEMBER_SCRIPT = fileURLToPath(new URL('./test-fixtures/platformatic-member.ts', import.meta.url))
const CONFIG = { 'group.initial.rebalance.delay.ms': 0, 'group.min.session.timeout.ms': 1000 }

interface Member { close (): Promise<void> }

describe('@platformatic/kafka consumer group', () => {
  let tb: TestBroker
  let producer: Producer
  const processed: string[] = []
  const byMember = new Map<string, string[]>()
  const members: Member[] = []
  let child: ChildProcess | null = null

  before(async () => {
    tb = await startTestBroker(CONFIG)
    await tb.broker.topics.create(TOPIC, { partitions: PARTITIONS })
    producer = new Producer({ clientId: 'plt-test', bootstrapBrokers: [tb.bootstrap] })
  })
  after(async () => {
    child?.kill('SIGKILL')
    for (const m of members) await m.close().catch(() => {})
    await producer.close().catch(() => {})
    await tb.stop()
  })

  async function startMember (name: string): Promise<Member> {
    const consumer = new Consumer({
      groupId: GROUP, clientId: `plt-${name}`, bootstrapBrokers: [tb.bootstrap],
      sessionTimeout: 3000, heartbeatInterval: 300, rebalanceTimeout: 10_000, maxWaitTime: 100,
    })
    const stream = await consumer.consume({ topics: [TOPIC], mode: 'committed', fallbackMode: 'earliest', autocommit: false })
    const mine: string[] = []
    byMember.set(name, mine)
    stream.on('data', (message) => {
      const value = message.value.toString()
      processed.push(value)
      mine.push(value)
      void message.commit()
    })
    const member = { close: async () => { await stream.close(); await consumer.close() } }
    members.push(member)
    return member
  }

  async function startChildMember (name: string): Promise<ChildProcess> {
    const proc = spawn(process.execPath, [MEMBER_SCRIPT, tb.bootstrap, GROUP, TOPIC], { stdio: ['ignore', 'pipe', 'inherit'] })
    const mine: string[] = []
    byMember.set(name, mine)
    let ready = false
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      if (line === 'ready') { ready = true; return }
      const value = (JSON.parse(line) as { value: string }).value
      processed.push(value)
      mine.push(value)
    })
    await waitFor('child member ready', () => ready)
    return proc
  }

  async function produce (batch: string[]): Promise<void> {
    await producer.send({ messages: batch.map((value, i) => ({ topic: TOPIC, key: Buffer.from(String(i)), value: Buffer.from(value) })) })
  }

  it('shares the partitions among three members, each record processed once; a clean leave loses nothing', async () => {
    await startMember('a')
    const b = await startMember('b')
    child = await startChildMember('c')
    await waitForStableGroup(tb.broker, GROUP, 3)
    await settle()
    const batch = values('one', 300)
    await produce(batch)
    await waitForNoLag(tb.broker, GROUP, PARTITIONS)
    assertExactlyOnce(batch, processed, 'three members')
    for (const [name, mine] of byMember) assert.ok(mine.length > 0, `member ${name} got partitions`)

    await b.close()
    members.splice(members.indexOf(b), 1)
    await waitForStableGroup(tb.broker, GROUP, 2)
    await settle()
    const second = values('two', 300)
    await produce(second)
    await waitForNoLag(tb.broker, GROUP, PARTITIONS)
    assertExactlyOnce([...batch, ...second], processed, 'after a clean leave')
  })

  it('removes a killed member after its session timeout; the survivor takes its partitions', async () => {
    const before = processed.length
    child!.kill('SIGKILL')
    child = null
    const third = values('three', 300)
    await produce(third)
    await waitForStableGroup(tb.broker, GROUP, 1, 20_000)
    await waitForNoLag(tb.broker, GROUP, PARTITIONS)
    assertExactlyOnce(third, processed.slice(before), 'after kill -9')
  })

  it('resumes from committed offsets after the group stops and the broker restarts', async () => {
    for (const m of members.splice(0)) await m.close()
    await waitFor('group Empty', () => tb.broker.groups!.describeGroup(GROUP)?.state === 'Empty')
    const fourth = values('four', 120)
    await produce(fourth)
    await producer.close()
    await tb.restart(CONFIG)
    assert.equal(tb.broker.groups!.describeLag(GROUP).reduce((sum, p) => sum + p.lag, 0), 120, 'committed offsets survived the restart')
    producer = new Producer({ clientId: 'plt-test', bootstrapBrokers: [tb.bootstrap] })
    const before = processed.length
    await startMember('d')
    await waitForNoLag(tb.broker, GROUP, PARTITIONS)
    assertExactlyOnce(fourth, processed.slice(before), 'after restart')
    assert.equal(processed.length - before, 120, 'nothing older was re-read')
  })
})
