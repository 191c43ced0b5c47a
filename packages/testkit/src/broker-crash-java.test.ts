// Issue 2, kill -9 with retries: the Java client's idempotent producer keeps producing (acks=all)
// straight through a kill -9 and restart of the broker process, retrying its in-flight batches
// against the restarted broker. Every acknowledged record must be stored exactly once, in order:
// a batch written before the crash whose answer was lost must be recognised as a duplicate.
// Apache Kafka runs the same scenario for comparison. It was seen (CI, 2026-11-22) storing a record
// of the window in flight at the kill out of order, so against Kafka only loss fails the test;
// order and duplicates are reported. Tributary is held to all three.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { selectedTargets, startBrokerProcess, targetPrerequisites } from './broker-targets.ts'
import { freePort } from './free-port.ts'
import { javaClient } from './java-client.ts'
import { platformaticPeer } from './platformatic-peer.ts'
import { skipUnless } from './prerequisites.ts'
import { makeRecords, recordIndex } from './test-records.ts'
import { knownGap } from './tributary-gaps.ts'

const RECORDS = 60_000

for (const targetName of selectedTargets()) {
  describe(`kill -9 of ${targetName} under a retrying Java producer`, () => {
    test('acknowledged records stored once and in order; retries across the restart deduplicated', { todo: knownGap(targetName, 'crash', 'java retries') }, async (t) => {
      if (!skipUnless(t, [...targetPrerequisites(targetName), 'java', 'maven'])) return
      const root = await mkdtemp(join(tmpdir(), `tributary-crash-java-${targetName}-`))
      const dataDir = join(root, 'data')
      const port = await freePort()
      const config: Record<string, boolean> = targetName === 'tributary' ? { 'log.flush.durable': true } : {}
      let broker = await startBrokerProcess(targetName, { dataDir, port, config })
      try {
        const client = javaClient(broker.bootstrap)
        await client.createTopic('crash-java', 3)
        const records = makeRecords(RECORDS, 'jcrash')
        const producer = await client.startProducer({
          topic: 'crash-java',
          records,
          acks: 'all',
          idempotence: true,
          // Notice the dead broker quickly, and keep retrying long enough to outlive the restart.
          configs: { 'request.timeout.ms': 5000, 'delivery.timeout.ms': 180_000, 'retry.backoff.ms': 100, 'reconnect.backoff.max.ms': 500, 'linger.ms': 5 },
        })
        const deadline = Date.now() + 60_000
        while (producer.acked.length < 5000 && Date.now() < deadline && producer.process.isRunning()) await sleep(20)
        assert.ok(producer.acked.length >= 5000, `only ${producer.acked.length} acknowledged before the kill`)
        assert.ok(producer.acked.length < RECORDS, 'the producer finished before the kill; nothing was in flight')
        const ackedAtKill = producer.acked.length
        await broker.kill()
        broker = await startBrokerProcess(targetName, { dataDir, port, config })
        const result = await producer.finished
        t.diagnostic(`${ackedAtKill} acknowledged before the kill, ${result.acked} of ${result.sent} in all`)
        assert.equal(result.sent, RECORDS)

        const read = await platformaticPeer(broker.bootstrap).readAll('crash-java')
        const seen = new Map<number, number>()
        const lastByPartition = new Map<number, number>()
        const outOfOrder: string[] = []
        for (const record of read) {
          const index = recordIndex(record, 'jcrash')
          assert.ok(index >= 0, `unexpected record ${record.value}`)
          seen.set(index, (seen.get(index) ?? 0) + 1)
          if (index <= (lastByPartition.get(record.partition) ?? -1)) outOfOrder.push(`${record.partition}/${record.offset}: ${index}`)
          lastByPartition.set(record.partition, index)
        }
        const duplicates = [...seen].filter(([, count]) => count > 1).map(([index]) => index)
        const lost = producer.acked.filter((index) => !seen.has(index))
        assert.deepEqual(lost.slice(0, 10), [], `${lost.length} of ${producer.acked.length} acknowledged records lost`)
        const disorder = `${outOfOrder.length} records out of order (partition/offset: index ${outOfOrder.slice(0, 5).join(', ')}), ${duplicates.length} stored twice`
        if (targetName === 'kafka') {
          t.diagnostic(disorder)
        } else {
          assert.deepEqual(outOfOrder.slice(0, 10), [], disorder)
          assert.deepEqual(duplicates.slice(0, 10), [], `${duplicates.length} records stored twice (retries not deduplicated)`)
        }
      } finally {
        await broker.stop()
        await rm(root, { recursive: true, force: true })
      }
    })
  })
}
