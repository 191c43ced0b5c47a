import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Schema, SchemaBuilder, Struct, SinkRecord, SourceRecord, ConfigError, DataError, BigDecimal, Decimal, ConnectTimestamp } from '@tributary/connect-api'
import { InsertField } from './insert-field.ts'
import { MaskField } from './mask-field.ts'
import { ReplaceField } from './replace-field.ts'

const sink = (valueSchema: Schema | null, value: unknown): SinkRecord =>
  new SinkRecord({ topic: 'test', kafkaPartition: 0, kafkaOffset: 42, valueSchema, value, timestamp: 1_483_425_001_864 })

const insertAll = { 'topic.field': 'topic_field!', 'partition.field': 'partition_field', 'offset.field': 'offset_field!', 'timestamp.field': 'timestamp_field?', 'static.field': 'instance_id', 'static.value': 'my-instance-id' }

test('InsertField$Value with schema appends typed fields (required with !)', () => {
  const x = new InsertField.Value()
  x.configure(insertAll)
  const schema = SchemaBuilder.struct().name('name').version(1).doc('doc').field('magic', Schema.OPTIONAL_INT64_SCHEMA).build()
  const out = x.apply(sink(schema, new Struct(schema).put('magic', 42)))
  const s = out.valueSchema!
  assert.deepEqual([s.name, s.version, s.doc], ['name', 1, 'doc'])
  assert.ok(s.field('topic_field')?.schema.equals(Schema.STRING_SCHEMA))
  assert.ok(s.field('partition_field')?.schema.equals(Schema.OPTIONAL_INT32_SCHEMA))
  assert.ok(s.field('offset_field')?.schema.equals(Schema.INT64_SCHEMA))
  assert.ok(s.field('timestamp_field')?.schema.equals(ConnectTimestamp.builder().optional().build()))
  assert.ok(s.field('instance_id')?.schema.equals(Schema.OPTIONAL_STRING_SCHEMA))
  const v = out.value as Struct
  assert.deepEqual([v.get('magic'), v.get('topic_field'), v.get('partition_field'), v.get('offset_field'), (v.get('timestamp_field') as Date).getTime(), v.get('instance_id')],
    [42, 'test', 0, 42, 1_483_425_001_864, 'my-instance-id'])
  assert.equal(x.apply(sink(schema, new Struct(schema))).valueSchema, s, 'schema cache')
})

test('InsertField$Value schemaless adds plain values; offset needs a sink record', () => {
  const x = new InsertField.Value()
  x.configure(insertAll)
  assert.deepEqual(sink(null, { magic: 42 }).value, { magic: 42 })
  assert.deepEqual(x.apply(sink(null, { magic: 42 })).value,
    { magic: 42, topic_field: 'test', partition_field: 0, offset_field: 42, timestamp_field: 1_483_425_001_864, instance_id: 'my-instance-id' })
  const source = new SourceRecord({ topic: 'test', value: { a: 1 } })
  assert.throws(() => x.apply(source), new DataError('Only SinkRecord supported for [field insertion], found: org.apache.kafka.connect.source.SourceRecord'))
  const tomb = sink(null, null)
  assert.equal(x.apply(tomb), tomb)
  const y = new InsertField.Value()
  y.configure({ 'topic.field': 'topic_field' })
  assert.deepEqual(y.apply(new SourceRecord({ topic: 't', value: {} })).value, { topic_field: 't' })
})

test('InsertField config errors', () => {
  assert.throws(() => new InsertField.Value().configure({}), new ConfigError('No field insertion configured'))
  assert.throws(() => new InsertField.Value().configure({ 'static.field': 's' }), new ConfigError('Invalid value null for configuration static.value: No value specified for static field: s'))
})

const maskSchema = SchemaBuilder.struct()
  .field('magic', Schema.INT32_SCHEMA).field('bool', Schema.BOOLEAN_SCHEMA).field('byte', Schema.INT8_SCHEMA).field('long', Schema.INT64_SCHEMA)
  .field('float', Schema.FLOAT32_SCHEMA).field('string', Schema.STRING_SCHEMA).field('date', ConnectTimestamp.SCHEMA)
  .field('decimal', Decimal.schema(0)).field('array', SchemaBuilder.array(Schema.INT32_SCHEMA).build())
  .field('map', SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build())
  .build()

function maskValue(): Struct {
  return new Struct(maskSchema).put('magic', 42).put('bool', true).put('byte', 42).put('long', 42).put('float', 42).put('string', 'blabla')
    .put('date', new Date(1000)).put('decimal', BigDecimal.parse('42')).put('array', [1, 2]).put('map', { k: 'v' })
}

test('MaskField with schema replaces with empty values of each type', () => {
  const x = new MaskField.Value()
  x.configure({ fields: 'magic,bool,byte,long,float,string,date,decimal,array,map' })
  const v = x.apply(sink(maskSchema, maskValue())).value as Struct
  assert.deepEqual([v.get('magic'), v.get('bool'), v.get('byte'), v.get('long'), v.get('float'), v.get('string'), (v.get('date') as Date).getTime(), v.get('array'), v.get('map')],
    [0, false, 0, 0, 0, '', 0, [], {}])
  assert.equal((v.get('decimal') as BigDecimal).compareTo(BigDecimal.parse('0')), 0)
})

test('MaskField replacement is converted to the field type', () => {
  const x = new MaskField.Value()
  x.configure({ fields: 'magic,string,long', replacement: '123' })
  const v = x.apply(sink(maskSchema, maskValue())).value as Struct
  assert.deepEqual([v.get('magic'), v.get('string'), v.get('long')], [123, '123', 123])
  const bad = new MaskField.Value()
  bad.configure({ fields: 'magic', replacement: 'abc' })
  assert.throws(() => bad.apply(sink(maskSchema, maskValue())), new DataError('Unable to convert abc (String) to number'))
  const bool = new MaskField.Value()
  bool.configure({ fields: 'bool', replacement: 'x' })
  assert.throws(() => bool.apply(sink(maskSchema, maskValue())), new DataError('Cannot mask value of type class java.lang.Boolean with custom replacement.'))
  assert.throws(() => new MaskField.Value().configure({ fields: 'a', replacement: '' }), /String must be non-empty/)
})

test('MaskField schemaless masks listed keys (missing ones become null)', () => {
  const x = new MaskField.Value()
  x.configure({ fields: 'magic,s,l,missing' })
  assert.deepEqual(x.apply(sink(null, { magic: 42, s: 'x', l: [1], other: 'keep' })).value, { magic: 0, s: '', l: [], other: 'keep', missing: null })
})

test('ReplaceField with schema: exclude wins over include, then renames; original order kept', () => {
  const schema = SchemaBuilder.struct().name('r').field('dont', Schema.STRING_SCHEMA).field('abc', Schema.INT32_SCHEMA)
    .field('foo', Schema.BOOLEAN_SCHEMA).field('etc', Schema.STRING_SCHEMA).build()
  const value = new Struct(schema).put('dont', 'whatever').put('abc', 42).put('foo', true).put('etc', 'etc')
  const x = new ReplaceField.Value()
  x.configure({ exclude: 'dont', include: 'abc,foo,dont', renames: 'abc:xyz,foo:bar' })
  const out = x.apply(sink(schema, value))
  assert.deepEqual(out.valueSchema?.fields.map((f) => f.name), ['xyz', 'bar'])
  assert.equal(out.valueSchema?.name, 'r')
  assert.equal((out.value as Struct).get('xyz'), 42)
  assert.equal((out.value as Struct).get('bar'), true)
})

test('ReplaceField schemaless, deprecated blacklist/whitelist, bad renames', () => {
  const x = new ReplaceField.Value()
  x.configure({ exclude: 'dont', renames: 'abc:xyz,foo:bar' })
  assert.deepEqual(x.apply(sink(null, { dont: 'whatever', abc: 42, foo: true, etc: 'etc' })).value, { xyz: 42, bar: true, etc: 'etc' })
  const old = new ReplaceField.Value()
  old.configure({ blacklist: 'a', whitelist: 'a,b' })
  assert.deepEqual(old.apply(sink(null, { a: 1, b: 2, c: 3 })).value, { b: 2 })
  const both = new ReplaceField.Value()
  both.configure({ exclude: 'b', blacklist: 'a' })
  assert.deepEqual(both.apply(sink(null, { a: 1, b: 2 })).value, { a: 1 })
  assert.throws(() => new ReplaceField.Value().configure({ renames: 'abc' }), new ConfigError('Invalid value [abc] for configuration renames: Invalid rename mapping: abc'))
  const tomb = sink(null, null)
  assert.equal(x.apply(tomb), tomb)
})
