import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseWorkerConfig } from './worker-config.ts'

const base = { 'key.converter': 'JsonConverter', 'value.converter': 'JsonConverter', 'offset.storage.file.filename': '/tmp/x/connect.offsets' }

test('defaults, listeners, prefixed client settings, unknown keys', () => {
  const c = parseWorkerConfig({ ...base, listeners: 'http://127.0.0.1:18083', 'producer.acks': '1', 'bogus.key': 'x', 'value.converter.schemas.enable': 'false' })
  assert.deepEqual(c.bootstrapServers, ['localhost:9092'])
  assert.equal(c.offsetFlushIntervalMs, 60000)
  assert.equal(c.restHost, '127.0.0.1')
  assert.equal(c.restPort, 18083)
  assert.equal(c.configFile, '/tmp/x/connect.configs')
  assert.deepEqual(c.producer, { acks: '1' })
  assert.deepEqual(c.unknownKeys, ['bogus.key'])
  assert.equal(parseWorkerConfig({ ...base, 'rest.port': '9999' }).restPort, 9999)
  assert.equal(parseWorkerConfig({ ...base, listeners: 'http://:8084' }).restHost, '')
})

test('invalid or missing values fail with Kafka\'s wording', () => {
  assert.throws(() => parseWorkerConfig({ ...base, 'offset.flush.interval.ms': 'soon' }), /^ConfigError: Invalid value soon for configuration offset\.flush\.interval\.ms: Not a number of type LONG$/)
  assert.throws(() => parseWorkerConfig({ 'value.converter': 'x', 'offset.storage.file.filename': 'f' }), /Missing required configuration "key\.converter" which has no default value\./)
  assert.throws(() => parseWorkerConfig({ ...base, listeners: 'ftp://x' }), /Listener must be of format/)
})
