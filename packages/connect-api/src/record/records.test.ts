import { test } from 'node:test'
import assert from 'node:assert/strict'
import { SourceRecord } from './source-record.ts'
import { SinkRecord } from './sink-record.ts'
import { ConnectHeaders } from '../header/connect-headers.ts'
import { Schema } from '../model/schema.ts'

test('newRecord keeps the class, source bookkeeping and copies headers', () => {
  const headers = new ConnectHeaders().add('h', 'v', Schema.STRING_SCHEMA)
  const r = new SourceRecord({ topic: 't', kafkaPartition: 0, value: 'x', valueSchema: Schema.STRING_SCHEMA, sourcePartition: { f: 'a' }, sourceOffset: { pos: 1 }, headers })
  const n = r.newRecord({ topic: 'u', value: null })
  assert.ok(n instanceof SourceRecord)
  assert.equal(n.topic, 'u')
  assert.equal(n.value, null)
  assert.equal(n.valueSchema, Schema.STRING_SCHEMA)
  assert.deepEqual(n.sourceOffset, { pos: 1 })
  n.headers.add('more', 1)
  assert.equal(r.headers.size, 1)
  assert.ok(r.equals(r.newRecord()))
})

test('SinkRecord keeps original topic/partition/offset through topic changes', () => {
  const r = new SinkRecord({ topic: 't', kafkaPartition: 2, kafkaOffset: 10, value: 'x', timestampType: 'CreateTime', timestamp: 5 })
  const n = r.newRecord({ topic: 'renamed', kafkaPartition: 0 })
  assert.ok(n instanceof SinkRecord)
  assert.equal(n.originalTopic, 't')
  assert.equal(n.originalKafkaPartition, 2)
  assert.equal(n.kafkaOffset, 10)
  assert.equal(n.timestampType, 'CreateTime')
})

test('ConnectHeaders: repeated keys, lastWithName, remove, retainLatest', () => {
  const h = new ConnectHeaders().add('a', 1).add('b', 2).add('a', 3)
  assert.equal(h.lastWithName('a')?.value, 3)
  assert.equal(h.allWithName('a').length, 2)
  assert.deepEqual(h.duplicate().retainLatest().toArray().map((x) => x.value), [2, 3])
  assert.deepEqual(h.duplicate().remove('a').toArray().map((x) => x.key), ['b'])
  assert.throws(() => h.add('c', 'x', Schema.INT32_SCHEMA), /Invalid Java object/)
})
