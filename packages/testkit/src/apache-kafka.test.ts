// The testkit's own promises: Apache Kafka starts from Maven's jars and answers real clients,
// keeps its data and port across a restart, and leaves no process behind; kcat -L sees it;
// skipUnless skips locally but fails under CI=true.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startApacheKafka } from './apache-kafka.ts'
import { kcat } from './kcat.ts'
import { platformaticPeer } from './platformatic-peer.ts'
import { skipUnless } from './prerequisites.ts'
import { makeRecords, verifyRecords } from './test-records.ts'

function alive (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

test('Apache Kafka: starts, serves, restarts on the same data and port, stops its JVM', async (t) => {
  if (!skipUnless(t, ['java', 'maven', 'kcat'])) return
  const dataDir = await mkdtemp(join(tmpdir(), 'testkit-kafka-'))
  let kafka = await startApacheKafka({ dataDir })
  try {
    const metadata = await kcat(kafka.bootstrap).metadata()
    assert.equal(metadata.brokers.length, 1)
    assert.equal(metadata.brokers[0].name, kafka.bootstrap)
    const records = makeRecords(500, 'self')
    const client = platformaticPeer(kafka.bootstrap)
    await client.createTopic('self-test', 2)
    // Idempotent: a retried request after a leadership blip must not store records twice.
    await client.produce({ topic: 'self-test', records, idempotent: true })

    const { port, pid } = kafka
    await kafka.stop()
    assert.equal(alive(pid), false, 'the JVM is gone after stop()')
    kafka = await startApacheKafka({ dataDir })
    assert.equal(kafka.port, port, 'a restart on the same data directory keeps the port')
    const topics = (await kcat(kafka.bootstrap).metadata()).topics.map((topic) => topic.topic)
    assert.ok(topics.includes('self-test'))
    assert.deepEqual(verifyRecords(records, await platformaticPeer(kafka.bootstrap).readAll('self-test'), 'self').problems, [])

    const killedPid = kafka.pid
    await kafka.kill()
    assert.equal(alive(killedPid), false, 'kill() is kill -9 of the JVM')
    kafka = await startApacheKafka({ dataDir })
  } finally {
    await kafka.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
})

test('skipUnless: a missing tool skips locally and fails under CI=true', () => {
  const saved = process.env.CI
  try {
    const skips: string[] = []
    const fakeContext = { skip: (message?: string) => { skips.push(message ?? '') } }
    process.env.CI = 'false'
    // The checks are real; an empty PATH makes the tool missing so the rule itself is tested.
    const savedPath = process.env.PATH
    process.env.PATH = '/nonexistent'
    try {
      assert.equal(skipUnless(fakeContext, 'kcat'), false)
      assert.match(skips[0] ?? '', /^skipped: kcat/)
      process.env.CI = 'true'
      assert.throws(() => skipUnless(fakeContext, 'kcat'), /missing under CI=true/)
    } finally {
      process.env.PATH = savedPath
    }
  } finally {
    if (saved === undefined) delete process.env.CI
    else process.env.CI = saved
  }
})
