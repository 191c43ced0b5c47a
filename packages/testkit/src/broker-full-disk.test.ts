// A full disk under the embedded broker: the data dir is a small tmpfs, a KafkaJS producer writes
// acks=-1 batches until the broker answers KAFKA_STORAGE_ERROR. The broker must stay up and keep
// answering, serve every acknowledged record, shut down cleanly, and after space is freed start
// again with every acknowledged record, once and in order, and accept new writes. Records are read
// back by kcat without a group: a group's coordinator cannot store its state on a full disk either
// (it answers a retriable COORDINATOR_NOT_AVAILABLE, and the member retries).
// The tmpfs needs root to mount (tmpfs.ts); without it the test is skipped.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import kafkajs from 'kafkajs'
import { pino } from 'pino'
import { startBroker } from '@tributary/broker'
import { kcat } from './kcat.ts'
import { skipUnless } from './prerequisites.ts'
import { mountSmallDisk, TMPFS_MISSING } from './tmpfs.ts'

const { Kafka, logLevel } = kafkajs
const TOPIC = 'full-disk'
const BATCH = 50
const VALUE = 'v'.repeat(1024)

test('a full disk: KAFKA_STORAGE_ERROR, the broker keeps serving, acknowledged records survive a restart', async (t) => {
  if (!skipUnless(t, 'kcat')) return
  // Undone in reverse order after the test: clients, broker, mount, directory.
  const cleanup: Array<() => Promise<unknown> | unknown> = []
  t.after(async () => { for (const undo of cleanup.reverse()) await undo() })
  const disk = await mountSmallDisk(2 * 1024 * 1024)
  if (disk === null) {
    t.skip(TMPFS_MISSING)
    return
  }
  cleanup.push(() => disk.release())
  // Space to give back once the disk is full, so the restart has room to write again.
  const ballast = join(disk.dir, 'ballast')
  await writeFile(ballast, Buffer.alloc(256 * 1024, 1))
  const dataDir = join(disk.dir, 'data')
  const logger = pino({ level: process.env.TRIBUTARY_TEST_LOG ?? 'silent' })
  let broker = await startBroker({ host: '127.0.0.1', port: 0, dataDir, logger, config: { 'log.flush.durable': true } })
  const port = broker.port
  cleanup.push(() => broker.close())
  const kafka = new Kafka({ clientId: 'full-disk', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING, retry: { retries: 0 } })
  const admin = kafka.admin()
  await admin.connect()
  cleanup.push(() => admin.disconnect())
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 1 }] })

  const producer = kafka.producer({ retry: { retries: 0 }, allowAutoTopicCreation: false })
  await producer.connect()
  let acked = 0
  let failure: { type?: string } | undefined
  while (failure === undefined && acked < 10_000) {
    const messages = Array.from({ length: BATCH }, (_, i) => ({ key: String(acked + i), value: VALUE }))
    try {
      await producer.send({ topic: TOPIC, acks: -1, messages })
      acked += BATCH
    } catch (err) {
      // KafkaJS wraps the broker's error once its (zero) retries are spent.
      const e = err as { type?: string, cause?: { type?: string } }
      failure = e.cause ?? e
    }
  }
  await producer.disconnect()
  assert.ok(failure !== undefined, 'the disk never filled up')
  assert.equal(failure.type, 'KAFKA_STORAGE_ERROR', `the broker answered ${String(failure)}`)
  assert.ok(acked > 0, 'nothing was written before the disk filled up')

  // Still serving: metadata, offsets and every acknowledged record.
  const [{ high }] = await admin.fetchTopicOffsets(TOPIC)
  assert.equal(Number(high), acked, 'the high watermark is what was acknowledged')
  const reader = kcat(`127.0.0.1:${port}`)
  const readKeys = async (): Promise<string[]> => (await reader.consume({ topic: TOPIC })).map((r) => r.key ?? '')
  assert.deepEqual(await readKeys(), keys(acked))

  await broker.close()
  await rm(ballast)
  broker = await startBroker({ host: '127.0.0.1', port, dataDir, logger, config: { 'log.flush.durable': true } })
  const again = kafka.producer({ retry: { retries: 0 }, allowAutoTopicCreation: false })
  await again.connect()
  await again.send({ topic: TOPIC, acks: -1, messages: [{ key: 'after', value: 'restart' }] })
  await again.disconnect()
  // The batch that failed was not acknowledged; it may be there whole or not at all (as in Kafka),
  // never in part, and never before an acknowledged one.
  const read = await readKeys()
  const withFailed = [...keys(acked + BATCH), 'after']
  assert.deepEqual(read, read.length === withFailed.length ? withFailed : [...keys(acked), 'after'])
})

function keys (n: number): string[] {
  return Array.from({ length: n }, (_, i) => String(i))
}
