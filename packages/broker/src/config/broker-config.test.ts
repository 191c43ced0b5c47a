import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { BrokerConfigError, effectiveRetentionMs, effectiveRollMs, loadBrokerConfig, parseListener } from './broker-config.ts'
import { parseProperties } from './properties-file.ts'
import { toLogConfig, validateTopicConfig } from './topic-config.ts'

test('defaults are Kafka\'s', async () => {
  const { config, explicit, unknown } = await loadBrokerConfig()
  assert.equal(config['num.partitions'], 1)
  assert.equal(config['auto.create.topics.enable'], true)
  assert.equal(config['message.max.bytes'], 1048588)
  assert.equal(config['group.initial.rebalance.delay.ms'], 3000)
  assert.equal(config['socket.request.max.bytes'], 104857600)
  assert.equal(config['log.flush.durable'], true)
  assert.equal(effectiveRetentionMs(config), 7 * 24 * 3_600_000)
  assert.equal(effectiveRollMs(config), 7 * 24 * 3_600_000)
  assert.equal(explicit.size, 0)
  assert.deepEqual(unknown, [])
})

test('file then overrides, unknown keys reported, retention precedence', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'trib-config-'))
  try {
    const file = join(dir, 'server.properties')
    await writeFile(file, [
      '# a comment', '! another', 'num.partitions = 3', 'log.retention.hours=1', 'log.retention.minutes: 5',
      'log.cleanup.policy=compact,\\', '  delete', 'some.unknown.key=1', 'listeners=PLAINTEXT://0.0.0.0:19092',
    ].join('\n'))
    const { config, explicit, unknown } = await loadBrokerConfig({ file, overrides: { 'num.partitions': '6', 'auto.create.topics.enable': false } })
    assert.equal(config['num.partitions'], 6)
    assert.equal(config['auto.create.topics.enable'], false)
    assert.deepEqual(config['log.cleanup.policy'], ['compact', 'delete'])
    assert.equal(effectiveRetentionMs(config), 5 * 60_000, 'minutes win over hours')
    assert.ok(explicit.has('num.partitions'))
    assert.deepEqual(unknown, ['some.unknown.key'])
    assert.deepEqual(parseListener('listeners', config.listeners), { host: '0.0.0.0', port: 19092 })
    assert.deepEqual(parseListener('listeners', 'CONTROLLER://:9093, PLAINTEXT://:9092'), { host: '', port: 9092 })
    assert.deepEqual(parseListener('listeners', 'PLAINTEXT://[::1]:9092'), { host: '::1', port: 9092 })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

test('bad values are refused with the key named', async () => {
  const cases: Array<[string, string]> = [
    ['num.partitions', '0'], ['num.partitions', 'three'], ['auto.create.topics.enable', 'yes'],
    ['log.cleanup.policy', 'forever'], ['default.replication.factor', '3'], ['listeners', 'nonsense'],
    ['log.message.timestamp.type', 'Now'], ['message.max.bytes', '99999999999'],
  ]
  for (const [key, value] of cases) {
    await assert.rejects(loadBrokerConfig({ overrides: { [key]: value } }), (err: Error) => {
      assert.ok(err instanceof BrokerConfigError, `${key}=${value}`)
      assert.match(err.message, new RegExp(key.replaceAll('.', '\\.')))
      return true
    })
  }
  await assert.rejects(loadBrokerConfig({ file: '/nonexistent/server.properties' }), /Cannot read broker config file/)
})

test('properties escapes and separators', () => {
  const p = parseProperties('a=b\nkey\\ with\\ space = v\\tx\nc:d\ne f\nempty\nuni=\\u0041')
  assert.equal(p.get('a'), 'b')
  assert.equal(p.get('key with space'), 'v\tx')
  assert.equal(p.get('c'), 'd')
  assert.equal(p.get('e'), 'f')
  assert.equal(p.get('empty'), '')
  assert.equal(p.get('uni'), 'A')
})

test('topic configs fall back to broker defaults and validate', async () => {
  const { config } = await loadBrokerConfig({ overrides: { 'log.retention.ms': '1000', 'log.flush.durable': 'false' } })
  const lc = toLogConfig({ 'cleanup.policy': 'delete,compact', 'max.message.bytes': '2048' }, config)
  assert.equal(lc.retentionMs, 1000)
  assert.equal(lc.cleanupPolicy, 'compact,delete')
  assert.equal(lc.maxMessageBytes, 2048)
  assert.equal(lc.durableAcks, false)
  assert.equal(lc.segmentBytes, 1073741824)
  assert.equal(validateTopicConfig('retention.ms', ' 42 '), '42')
  assert.throws(() => validateTopicConfig('retention.ms', 'soon'), /Invalid value soon for configuration retention\.ms: Not a number of type LONG/)
  assert.throws(() => validateTopicConfig('segment.bytes', '1'), /Invalid value 1 for configuration segment\.bytes/)
  assert.throws(() => validateTopicConfig('no.such.config', '1'), /Unknown topic config name: no\.such\.config/)
  assert.equal(validateTopicConfig('remote.storage.enable', 'FALSE'), 'false', 'Kafka 4 topic keys we accept and ignore')
  assert.equal(validateTopicConfig('leader.replication.throttled.replicas', ''), '')
})

test('a stock Kafka 4 KRaft server.properties loads (controller-only keys are just unknown)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'trib-config-'))
  try {
    const file = join(dir, 'server.properties')
    await writeFile(file, [
      'process.roles=broker,controller', 'node.id=1', 'controller.quorum.bootstrap.servers=localhost:9093',
      'listeners=PLAINTEXT://:9092,CONTROLLER://:9093', 'inter.broker.listener.name=PLAINTEXT',
      'advertised.listeners=PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093', 'controller.listener.names=CONTROLLER',
      'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL',
      'num.network.threads=3', 'num.io.threads=8', 'socket.send.buffer.bytes=102400', 'socket.receive.buffer.bytes=102400',
      'socket.request.max.bytes=104857600', 'log.dirs=/tmp/kraft-combined-logs', 'num.partitions=1', 'num.recovery.threads.per.data.dir=1',
      'offsets.topic.replication.factor=1', 'share.coordinator.state.topic.replication.factor=1', 'share.coordinator.state.topic.min.isr=1',
      'transaction.state.log.replication.factor=1', 'transaction.state.log.min.isr=1', 'log.retention.hours=168',
      'log.segment.bytes=1073741824', 'log.retention.check.interval.ms=300000',
    ].join('\n'))
    const { config, unknown } = await loadBrokerConfig({ file })
    assert.deepEqual(unknown.sort(), ['controller.quorum.bootstrap.servers', 'share.coordinator.state.topic.min.isr', 'share.coordinator.state.topic.replication.factor'])
    assert.deepEqual(config['log.dirs'], ['/tmp/kraft-combined-logs'])
    assert.deepEqual(parseListener('advertised.listeners', config['advertised.listeners']!), { host: 'localhost', port: 9092 })
    assert.deepEqual(parseListener('listeners', config.listeners), { host: '', port: 9092 })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
