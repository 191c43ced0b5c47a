import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Schema, SchemaBuilder, Struct, SourceRecord, SinkRecord, ConfigError, DataError } from '@tributary/connect-api'
import { SetSchemaMetadata } from './set-schema-metadata.ts'
import { ValueToKey } from './value-to-key.ts'
import { RegexRouter } from './regex-router.ts'
import { TimestampRouter } from './timestamp-router.ts'
import { Filter } from './filter.ts'

const rec = (init: { topic?: string; valueSchema?: Schema | null; value?: unknown; keySchema?: Schema | null; key?: unknown; timestamp?: number | null }): SinkRecord =>
  new SinkRecord({ topic: 'test', kafkaPartition: 0, kafkaOffset: 0, ...init })

test('SetSchemaMetadata replaces name and version and rebuilds structs', () => {
  const x = new SetSchemaMetadata.Value()
  x.configure({ 'schema.name': 'foo', 'schema.version': '42' })
  const schema = SchemaBuilder.struct().name('old').doc('d').field('f', Schema.INT32_SCHEMA).build()
  const out = x.apply(rec({ valueSchema: schema, value: new Struct(schema).put('f', 1) }))
  assert.deepEqual([out.valueSchema?.name, out.valueSchema?.version, out.valueSchema?.doc], ['foo', 42, 'd'])
  assert.ok((out.value as Struct).schema === out.valueSchema)
  ;(out.value as Struct).validate()
  const nameOnly = new SetSchemaMetadata.Value()
  nameOnly.configure({ 'schema.name': 'n' })
  const inner = SchemaBuilder.struct().field('a', Schema.INT8_SCHEMA).build()
  assert.equal(nameOnly.apply(rec({ valueSchema: inner, value: new Struct(inner).put('a', 1) })).valueSchema?.name, 'n')
  // Kafka copies schema.fields() whatever the type, so only structs can be renamed
  assert.throws(() => nameOnly.apply(rec({ valueSchema: Schema.STRING_SCHEMA, value: 'x' })), new DataError('Cannot list fields on non-struct type'))
  const tomb = rec({ value: null })
  assert.equal(x.apply(tomb), tomb)
  assert.throws(() => x.apply(rec({ value: 'x' })), new DataError('Schema required for [updating schema metadata]'))
  assert.throws(() => new SetSchemaMetadata.Value().configure({}), new ConfigError('Neither schema name nor version configured'))
})

test('ValueToKey builds a struct key from value fields, or a map schemaless', () => {
  const x = new ValueToKey()
  x.configure({ fields: 'a,b' })
  assert.deepEqual(x.apply(rec({ value: { a: 1, b: 2, c: 3 } })).key, { a: 1, b: 2 })
  const schema = SchemaBuilder.struct().field('a', Schema.INT32_SCHEMA).field('b', Schema.INT32_SCHEMA).field('c', Schema.INT32_SCHEMA).build()
  const out = x.apply(rec({ valueSchema: schema, value: new Struct(schema).put('a', 1).put('b', 2).put('c', 3) }))
  assert.ok(out.keySchema?.equals(SchemaBuilder.struct().field('a', Schema.INT32_SCHEMA).field('b', Schema.INT32_SCHEMA).build()))
  assert.equal((out.key as Struct).get('b'), 2)
  assert.equal((out.value as Struct).get('c'), 3)
  const bad = new ValueToKey()
  bad.configure({ fields: 'nope' })
  assert.throws(() => bad.apply(rec({ valueSchema: schema, value: new Struct(schema).put('a', 1).put('b', 2).put('c', 3) })), new DataError('Field does not exist: nope'))
  assert.throws(() => x.apply(rec({ value: null })), /Only Map objects supported in absence of schema for \[copying fields from value to key\], found: null/)
})

test('RegexRouter rewrites only fully matching topics, with group references', () => {
  const route = (regex: string, replacement: string, topic: string): string => {
    const x = new RegexRouter()
    x.configure({ regex, replacement })
    return x.apply(rec({ topic })).topic
  }
  assert.equal(route('(.*)', 'prefix-$1', 'orig'), 'prefix-orig')
  assert.equal(route('(.*)-(\\d\\d)', '$1', 'foo-22'), 'foo')
  assert.equal(route('foo', 'bar', 'foobar'), 'foobar')
  assert.equal(route('(?<name>[a-z]+)-x', 'y-${name}', 'abc-x'), 'y-abc')
  assert.equal(route('(.*)', '\\$1', 'a'), '$1')
  assert.throws(() => new RegexRouter().configure({ regex: '(', replacement: 'x' }), /Invalid value \( for configuration regex: Invalid regex/)
})

test('TimestampRouter formats the record timestamp in UTC', () => {
  const x = new TimestampRouter()
  x.configure({})
  assert.equal(x.apply(rec({ topic: 'test', timestamp: 1_483_425_001_864 })).topic, 'test-20170103')
  const y = new TimestampRouter()
  y.configure({ 'topic.format': 'archive_${timestamp}_${topic}', 'timestamp.format': 'yyyy-MM-dd HH' })
  assert.equal(y.apply(rec({ topic: 'orders', timestamp: Date.UTC(2024, 4, 6, 7) })).topic, 'archive_2024-05-06 07_orders')
  assert.throws(() => x.apply(rec({ timestamp: null })), /Timestamp missing on record: SinkRecord\{kafkaOffset=0, timestampType=NoTimestampType, originalTopic=test, originalKafkaPartition=0, originalKafkaOffset=0\} ConnectRecord\{topic='test', kafkaPartition=0, key=null, keySchema=null, value=null, valueSchema=null, timestamp=null, headers=ConnectHeaders\(headers=\)\}/)
})

test('Filter drops everything', () => {
  assert.equal(new Filter().apply(new SourceRecord({ topic: 't' })), null)
})
