import { test } from 'node:test'
import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import { buildClientBatch } from './client-batch-builder.ts'
import { openTestLog, tempPartitionDir, testConfig } from './log-test-support.ts'

const batch = (): Buffer => buildClientBatch([{ key: 'k', value: 'v' }])

test('durable appends are fsynced, and concurrent ones share one fdatasync (group commit)', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir, { durableAcks: true })
  t.after(() => log.close())
  await log.append(batch(), { durable: true })
  assert.equal(log.writerStats().syncs, 1)
  await Promise.all(Array.from({ length: 200 }, () => log.append(batch(), { durable: true })))
  const { syncs } = log.writerStats()
  assert.ok(syncs >= 2 && syncs <= 4, `200 concurrent durable appends took ${syncs - 1} fsync rounds`)
  await log.append(batch(), { durable: false })
  assert.equal(log.writerStats().syncs, syncs, 'acks=1 style appends do not wait for fsync')
})

test('durableAcks off: durable appends do not fsync; flush.messages and flush.ms do', async (t) => {
  const dir = await tempPartitionDir(t)
  const log = await openTestLog(dir, { durableAcks: false, flushMessages: 10 })
  t.after(() => log.close())
  for (let i = 0; i < 9; i++) await log.append(batch(), { durable: true })
  assert.equal(log.writerStats().syncs, 0)
  await log.append(batch(), { durable: false })
  assert.equal(log.writerStats().syncs, 1, 'flush.messages = 10 reached')

  log.updateConfig(testConfig({ durableAcks: false, flushMs: 30 }))
  await log.append(batch(), { durable: false })
  assert.equal(log.writerStats().syncs, 1)
  await sleep(150)
  assert.equal(log.writerStats().syncs, 2, 'flush.ms elapsed')
  await log.flush()
  assert.equal(log.writerStats().syncs, 2, 'nothing left to sync')
})
