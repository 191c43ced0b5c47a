// Topics, their ids and configs, data and producer ids survive a restart; bad settings and a
// corrupt metadata file stop startup with a clear error.

import assert from 'node:assert/strict'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import pino from 'pino'
import { startBroker } from './broker.ts'
import { readAll } from './testing/fetch-records.ts'
import { RawClient } from './testing/raw-client.ts'
import { clientBatch } from './testing/record-batch.ts'
import { startTestBroker } from './testing/test-broker.ts'

test('topics, configs, records and producer ids survive a restart', async () => {
  const tb = await startTestBroker({ 'log.flush.durable': true })
  try {
    let raw = await RawClient.connect(tb.broker.port)
    await raw.request(19, 7, { topics: [{ name: 'keep', numPartitions: 3, replicationFactor: 1, assignments: [], configs: [{ name: 'retention.ms', value: '123456' }] }], timeoutMs: 1000, validateOnly: false })
    await raw.request(19, 7, { topics: [{ name: 'drop', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000, validateOnly: false })
    for (let p = 0; p < 3; p++) {
      await raw.request(0, 9, { transactionalId: null, acks: -1, timeoutMs: 1000, topicData: [{ name: 'keep', partitionData: [{ index: p, records: clientBatch([{ key: `p${p}`, value: 'before' }]) }] }] })
    }
    await raw.request(44, 1, { resources: [{ resourceType: 2, resourceName: 'keep', configs: [{ name: 'cleanup.policy', configOperation: 0, value: 'compact' }] }], validateOnly: false })
    await raw.request(20, 6, { topics: [{ name: 'drop', topicId: '0'.repeat(32) }], timeoutMs: 1000 })
    const pid = Number((await raw.request(22, 4, { transactionalId: null, transactionTimeoutMs: 1000, producerId: -1, producerEpoch: -1 })).producerId)
    const before = tb.broker.topics.get('keep')!
    const clusterId = tb.broker.clusterId
    raw.close()

    const broker = await tb.restart()
    raw = await RawClient.connect(broker.port)
    const after = broker.topics.get('keep')!
    assert.equal(after.id, before.id)
    assert.equal(after.partitions.length, 3)
    assert.deepEqual(after.configs, { 'retention.ms': '123456', 'cleanup.policy': 'compact' })
    assert.equal(after.logConfig.cleanupPolicy, 'compact')
    assert.equal(broker.topics.get('drop'), undefined)
    assert.equal(broker.clusterId, clusterId)
    for (let p = 0; p < 3; p++) assert.deepEqual((await readAll(raw, 'keep', p)).map((r) => r.key), [`p${p}`])
    const pid2 = Number((await raw.request(22, 4, { transactionalId: null, transactionTimeoutMs: 1000, producerId: -1, producerEpoch: -1 })).producerId)
    assert.ok(pid2 > pid, `producer id ${pid2} after restart must exceed ${pid}`)
    const md = await raw.request(3, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false })
    assert.deepEqual(md.topics.map((t: any) => [t.name, t.topicId]), [['keep', before.id]])
    raw.close()
  } finally {
    await tb.stop()
  }
})

test('startup refuses bad settings and a corrupt metadata file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'trib-start-'))
  const logger = pino({ level: 'silent' })
  try {
    const file = join(dir, 'server.properties')
    await writeFile(file, 'num.partitions=-4\n')
    await assert.rejects(startBroker({ port: 0, dataDir: dir, configFile: file, logger }), /num\.partitions/)
    await assert.rejects(startBroker({ port: 0, dataDir: dir, config: { 'message.max.bytes': 'big' }, logger }), /message\.max\.bytes/)
    const ok = await startBroker({ host: '127.0.0.1', port: 0, dataDir: dir, logger })
    await ok.close()
    await writeFile(join(dir, 'cluster-metadata.bin'), Buffer.from('TRBM\u0000\u0001garbage-garbage'))
    await assert.rejects(startBroker({ host: '127.0.0.1', port: 0, dataDir: dir, logger }), /corrupt|metadata/)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

test('a topic re-created over leftover partition files starts empty', async () => {
  const tb = await startTestBroker()
  try {
    const raw = await RawClient.connect(tb.broker.port)
    await raw.request(19, 7, { topics: [{ name: 'again', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000, validateOnly: false })
    await raw.request(0, 9, { transactionalId: null, acks: -1, timeoutMs: 1000, topicData: [{ name: 'again', partitionData: [{ index: 0, records: clientBatch([{ key: 'old', value: 'old' }]) }] }] })
    raw.close()
    // Simulate a crash after the topic was unregistered but before its files were removed.
    const leftover = join(tmpdir(), `trib-leftover-${process.pid}`)
    await cp(join(tb.dataDir, 'again-0'), leftover, { recursive: true })
    await tb.broker.close()
    const broker = await tb.restart()
    await broker.topics.delete('again')
    await cp(leftover, join(tb.dataDir, 'again-0'), { recursive: true })
    await rm(leftover, { recursive: true, force: true })
    const c = await RawClient.connect(broker.port)
    await c.request(19, 7, { topics: [{ name: 'again', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000, validateOnly: false })
    assert.equal(broker.topics.getPartition('again', 0)!.logEndOffset(), 0)
    assert.deepEqual(await readAll(c, 'again', 0), [])
    c.close()
  } finally {
    await tb.stop()
  }
})
