// KafkaJS consumer group against the embedded broker: three members share a 6-partition topic;
// one leaves cleanly, one is killed (kill -9, found by session timeout); every record is
// processed, none twice; after a broker restart a new member resumes from the committed offsets.

import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { after, before, describe, it } from 'node:test'
import { Kafka, logLevel } from 'kafkajs'
import type { Consumer, Producer } from 'kafkajs'
import { startTestBroker } from '../testing/test-broker.ts'
import type { TestBroker } from '../testing/test-broker.ts'
import { assertExactlyOnce, settle, values, waitFor, waitForNoLag, waitForStableGroup } from './test-fixtures/group-test-support.ts'

const TOPIC = 'work'
const GROUP = 'workers'
const PARTITIONS = 6
const MEMBER_SCRIPT = fileURLToPath(new URL('./test-fixtures/kafkajs-member.ts', import.meta.url))

describe('KafkaJS consumer group', () => {
  let tb: TestBroker
  let kafka: Kafka
  let producer: Producer
  const processed: string[] = []
  const byMember = new Map<string, string[]>()
  const consumers: Consumer[] = []
  let child: ChildProcess | null = null

  before(async () => {
    tb = await startTestBroker({ 'group.initial.rebalance.delay.ms': 0, 'group.min.session.timeout.ms': 1000 })
    await tb.broker.topics.create(TOPIC, { partitions: PARTITIONS })
    kafka = new Kafka({ brokers: [tb.bootstrap], clientId: 'kjs-test', logLevel: logLevel.NOTHING })
    producer = kafka.producer()
    await producer.connect()
  })
  after(async () => {
    child?.kill('SIGKILL')
    for (const c of consumers) await c.disconnect().catch(() => {})
    await producer.disconnect().catch(() => {})
    await tb.stop()
  })

  async function startMember (name: string): Promise<Consumer> {
    const consumer = kafka.consumer({ groupId: GROUP, sessionTimeout: 3000, heartbeatInterval: 300, rebalanceTimeout: 10_000, maxWaitTimeInMs: 100 })
    await consumer.connect()
    await consumer.subscribe({ topic: TOPIC, fromBeginning: true })
    const mine: string[] = []
    byMember.set(name, mine)
    await consumer.run({
      autoCommitThreshold: 1,
      eachMessage: async ({ message }) => {
        processed.push(message.value!.toString())
        mine.push(message.value!.toString())
      },
    })
    consumers.push(consumer)
    return consumer
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
    await producer.send({ topic: TOPIC, messages: batch.map((value, i) => ({ key: String(i), value })) })
  }

  it('shares the partitions among three members, each record processed once', async () => {
    await startMember('a')
    const b = await startMember('b')
    child = await startChildMember('c')
    await waitForStableGroup(tb.broker, GROUP, 3)
    await settle()
    const batch = values('one', 300)
    await produce(batch)
    await waitFor('300 records processed', () => processed.length >= 300)
    await waitForNoLag(tb.broker, GROUP, PARTITIONS)
    assertExactlyOnce(batch, processed, 'three members')
    for (const [name, mine] of byMember) assert.ok(mine.length > 0, `member ${name} got partitions`)
    const described = tb.broker.groups!.describeGroup(GROUP)!
    assert.equal(described.protocolType, 'consumer')

    // b leaves cleanly: the other two take over its partitions, nothing is lost or repeated.
    await b.disconnect()
    consumers.splice(consumers.indexOf(b), 1)
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
    assert.equal(tb.broker.groups!.describeGroup(GROUP)!.members.length, 1)
  })

  it('resumes from committed offsets after the group stops and the broker restarts', async () => {
    for (const c of consumers.splice(0)) await c.disconnect()
    await waitFor('group Empty', () => tb.broker.groups!.describeGroup(GROUP)?.state === 'Empty')
    const fourth = values('four', 120)
    await produce(fourth)
    await producer.disconnect()
    await tb.restart({ 'group.initial.rebalance.delay.ms': 0, 'group.min.session.timeout.ms': 1000 })
    const lagAfterRestart = tb.broker.groups!.describeLag(GROUP)
    assert.equal(lagAfterRestart.reduce((sum, p) => sum + p.lag, 0), 120, 'committed offsets survived the restart')
    kafka = new Kafka({ brokers: [tb.bootstrap], clientId: 'kjs-test', logLevel: logLevel.NOTHING })
    producer = kafka.producer()
    await producer.connect()
    const before = processed.length
    await startMember('d')
    await waitForNoLag(tb.broker, GROUP, PARTITIONS)
    assertExactlyOnce(fourth, processed.slice(before), 'after restart')
    assert.equal(processed.length - before, 120, 'nothing older was re-read')
  })
})
