import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Schema, SchemaBuilder, Struct, SinkRecord, DataError } from '@tributary/connect-api'
import { ExtractField } from './extract-field.ts'
import { HoistField } from './hoist-field.ts'
import { Flatten } from './flatten.ts'

const sink = (init: { keySchema?: Schema | null; key?: unknown; valueSchema?: Schema | null; value?: unknown }): SinkRecord =>
  new SinkRecord({ topic: 't', kafkaPartition: 0, kafkaOffset: 0, ...init })

test('ExtractField$Key schemaless: map lookup, missing field → null, null key → null', () => {
  const x = new ExtractField.Key()
  x.configure({ field: 'magic' })
  assert.equal(x.apply(sink({ key: { magic: 42 } })).key, 42)
  assert.equal(x.apply(sink({ key: { other: 1 } })).key, null)
  assert.equal(x.apply(sink({ key: null })).key, null)
  assert.throws(() => x.apply(sink({ key: 'x' })), new DataError('Only Map objects supported in absence of schema for [field extraction], found: java.lang.String'))
})

test('ExtractField$Key with schema: the field\'s schema and value; unknown field throws', () => {
  const keySchema = SchemaBuilder.struct().field('magic', Schema.INT32_SCHEMA).build()
  const x = new ExtractField.Key()
  x.configure({ field: 'magic' })
  const out = x.apply(sink({ keySchema, key: new Struct(keySchema).put('magic', 42) }))
  assert.equal(out.keySchema, Schema.INT32_SCHEMA)
  assert.equal(out.key, 42)
  const nul = x.apply(sink({ keySchema: SchemaBuilder.struct().optional().field('magic', Schema.INT32_SCHEMA).build(), key: null }))
  assert.equal(nul.keySchema, Schema.INT32_SCHEMA)
  assert.equal(nul.key, null)
  const y = new ExtractField.Key()
  y.configure({ field: 'nope' })
  assert.throws(() => y.apply(sink({ keySchema, key: new Struct(keySchema).put('magic', 1) })), /Unknown field: nope/)
})

test('ExtractField field.syntax.version=V2 follows nested paths and backtick quoting', () => {
  const inner = SchemaBuilder.struct().field('c', Schema.STRING_SCHEMA).build()
  const schema = SchemaBuilder.struct().field('a.b', inner).field('a', SchemaBuilder.struct().field('b', Schema.INT32_SCHEMA).build()).build()
  const value = new Struct(schema).put('a.b', new Struct(inner).put('c', 'quoted')).put('a', new Struct(schema.field('a')!.schema).put('b', 7))
  const x = new ExtractField.Value()
  x.configure({ field: 'a.b', 'field.syntax.version': 'v2' })
  assert.equal(x.apply(sink({ valueSchema: schema, value })).value, 7)
  const q = new ExtractField.Value()
  q.configure({ field: '`a.b`.c', 'field.syntax.version': 'V2' })
  assert.equal(q.apply(sink({ valueSchema: schema, value })).value, 'quoted')
  const v1 = new ExtractField.Value()
  v1.configure({ field: 'a.b' })
  assert.equal(v1.apply(sink({ value: { 'a.b': 1, a: { b: 2 } } })).value, 1)
  q.configure({ field: 'a.b', 'field.syntax.version': 'V2' })
  assert.equal(q.apply(sink({ value: { 'a.b': 1, a: { b: 2 } } })).value, 2)
})

test('HoistField schemaless and with schema (even for null values)', () => {
  const x = new HoistField.Key()
  x.configure({ field: 'magic' })
  assert.deepEqual(x.apply(sink({ key: 42 })).key, { magic: 42 })
  const out = x.apply(sink({ keySchema: Schema.INT32_SCHEMA, key: 42 }))
  assert.ok(out.keySchema?.equals(SchemaBuilder.struct().field('magic', Schema.INT32_SCHEMA).build()))
  assert.equal((out.key as Struct).get('magic'), 42)
  assert.deepEqual(x.apply(sink({ key: null })).key, { magic: null })
  assert.equal((x.apply(sink({ keySchema: Schema.OPTIONAL_INT32_SCHEMA, key: null })).key as Struct).get('magic'), null)
})

test('Flatten schemaless: nested maps joined with the delimiter, arrays and nulls kept', () => {
  const x = new Flatten.Value()
  x.configure({})
  const out = x.apply(sink({ value: { A: { B: { int8: 8, string: 'x', list: [1], nil: null }, C: 1 }, top: true } }))
  assert.deepEqual(out.value, { 'A.B.int8': 8, 'A.B.string': 'x', 'A.B.list': [1], 'A.B.nil': null, 'A.C': 1, top: true })
  const d = new Flatten.Key()
  d.configure({ delimiter: '#' })
  assert.deepEqual(d.apply(sink({ key: { a: { b: 1 } } })).key, { 'a#b': 1 })
  const tomb = sink({ value: null })
  assert.equal(x.apply(tomb), tomb)
})

test('Flatten with schema: optional ancestors make children optional, defaults flow down', () => {
  const leaf = SchemaBuilder.struct().optional()
    .field('x', Schema.INT32_SCHEMA)
    .field('y', SchemaBuilder.string().defaultValue('dy').build())
    .build()
  const parentDefaultSchema = SchemaBuilder.struct().field('p', Schema.INT32_SCHEMA).build()
  const withDefault = SchemaBuilder.struct().field('p', Schema.INT32_SCHEMA).defaultValue(new Struct(parentDefaultSchema).put('p', 9)).build()
  const schema = SchemaBuilder.struct().name('outer')
    .field('id', Schema.INT64_SCHEMA)
    .field('leaf', leaf)
    .field('arr', SchemaBuilder.array(Schema.STRING_SCHEMA).build())
    .field('dflt', withDefault)
    .build()
  const x = new Flatten.Value()
  x.configure({ delimiter: '_' })
  const value = new Struct(schema).put('id', 1).put('leaf', new Struct(leaf).put('x', 2).put('y', 'v')).put('arr', ['a'])
    .put('dflt', new Struct(withDefault).put('p', 3))
  const out = x.apply(sink({ valueSchema: schema, value }))
  const s = out.valueSchema!
  assert.equal(s.name, 'outer')
  assert.deepEqual(s.fields.map((f) => f.name), ['id', 'leaf_x', 'leaf_y', 'arr', 'dflt_p'])
  assert.equal(s.field('leaf_x')?.schema.optional, true)
  assert.equal(s.field('leaf_y')?.schema.defaultValue, 'dy')
  assert.equal(s.field('id')?.schema.optional, false)
  assert.equal(s.field('dflt_p')?.schema.defaultValue, 9)
  const v = out.value as Struct
  assert.deepEqual([v.get('id'), v.get('leaf_x'), v.get('leaf_y'), v.get('arr'), v.get('dflt_p')], [1, 2, 'v', ['a'], 3])
  const nullLeaf = x.apply(sink({ valueSchema: schema, value: new Struct(schema).put('id', 1).put('arr', []).put('dflt', new Struct(withDefault).put('p', 3)) }))
  assert.equal((nullLeaf.value as Struct).get('leaf_x'), null)
  const mapSchema = SchemaBuilder.struct().field('m', SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build()).build()
  assert.throws(() => x.apply(sink({ valueSchema: mapSchema, value: new Struct(mapSchema).put('m', {}) })),
    new DataError('Flatten transformation does not support MAP for record with schemas (for field m).'))
})
