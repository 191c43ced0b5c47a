import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Schema, SchemaBuilder, Struct, SourceRecord, ConfigError, DataError, ConnectTimestamp, ConnectDate } from '@tributary/connect-api'
import { Cast } from './cast.ts'

function xform(spec: string, key = false): Cast {
  const x = key ? new Cast.Key() : new Cast.Value()
  x.configure({ spec })
  return x
}
const rec = (valueSchema: Schema | null, value: unknown): SourceRecord => new SourceRecord({ topic: 't', kafkaPartition: 0, valueSchema, value, sourcePartition: {}, sourceOffset: {} })

test('Cast config errors use Kafka\'s messages', () => {
  assert.throws(() => new Cast.Value().configure({}), new ConfigError('Missing required configuration "spec" which has no default value.'))
  assert.throws(() => xform('foo:faketype'), new ConfigError('Invalid value java.lang.IllegalArgumentException: No enum constant org.apache.kafka.connect.data.Schema.Type.FAKETYPE for configuration Invalid type found in casting spec: faketype'))
  assert.throws(() => xform('foo:array'), new ConfigError('Cast transformation does not support casting to ARRAY; supported types are [INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING]'))
  assert.throws(() => xform('int8,foo:int16'), /may only specify a single cast in their spec/)
  assert.throws(() => xform('a:b:c'), new ConfigError('Invalid value [a:b:c] for configuration renames: Invalid rename mapping: a:b:c'))
  assert.throws(() => xform(''), new ConfigError('Must specify at least one field to cast.'))
})

test('whole-value casts with a schema keep optionality and cast defaults', () => {
  const out = xform('int8').apply(rec(Schema.INT32_SCHEMA, 42))
  assert.ok(out.valueSchema?.equals(Schema.INT8_SCHEMA))
  assert.equal(out.value, 42)
  const optional = SchemaBuilder.int32().optional().defaultValue(300).build()
  const out2 = xform('int8').apply(rec(optional, 7))
  assert.equal(out2.valueSchema?.optional, true)
  assert.equal(out2.valueSchema?.defaultValue, 44)
  assert.equal(xform('string', true).apply(new SourceRecord({ topic: 't', keySchema: Schema.INT64_SCHEMA, key: 5 })).key, '5')
})

test('whole-value casts without a schema follow Java conversions', () => {
  assert.equal(xform('string').apply(rec(null, 42)).value, '42')
  assert.equal(xform('int32').apply(rec(null, '42')).value, 42)
  assert.equal(xform('int32').apply(rec(null, true)).value, 1)
  assert.equal(xform('boolean').apply(rec(null, 42)).value, true)
  assert.equal(xform('boolean').apply(rec(null, 'TRUE')).value, true)
  assert.equal(xform('boolean').apply(rec(null, 'yes')).value, false)
  assert.equal(xform('int32').apply(rec(null, 1.9)).value, 1)
  assert.equal(xform('int8').apply(rec(null, 300)).value, 44)
  assert.equal(xform('int8').apply(rec(null, 1e10)).value, 0, 'an integral schemaless number is a Long: narrowing wraps')
  assert.equal(xform('int8').apply(rec(Schema.FLOAT64_SCHEMA, 1e10)).value, -1, 'a Double saturates to int first')
  assert.equal(xform('float32').apply(rec(null, 0.1)).value, Math.fround(0.1))
  assert.equal(xform('float64').apply(rec(null, '2.5')).value, 2.5)
  assert.equal(xform('string').apply(rec(null, 2.5)).value, '2.5')
  assert.throws(() => xform('int32').apply(rec(null, '1.5')), new DataError('Value (1.5) was out of range for requested data type'))
  assert.throws(() => xform('int32').apply(rec(null, { a: 1 })), /Cast transformation does not support casting from MAP/)
})

test('a null value leaves the record unchanged', () => {
  const r = rec(Schema.OPTIONAL_INT32_SCHEMA, null)
  assert.equal(xform('int8').apply(r), r)
})

test('struct fields are cast, others kept; the schema is rebuilt with basics copied', () => {
  const schema = SchemaBuilder.struct().name('rec').version(2)
    .field('int8', Schema.INT8_SCHEMA)
    .field('int16', Schema.OPTIONAL_INT16_SCHEMA)
    .field('int32', SchemaBuilder.int32().defaultValue(2).build())
    .field('float', Schema.FLOAT32_SCHEMA)
    .field('boolean', Schema.BOOLEAN_SCHEMA)
    .field('string', Schema.STRING_SCHEMA)
    .field('bigstring', Schema.STRING_SCHEMA)
    .field('bytes', Schema.BYTES_SCHEMA)
    .field('timestamp', ConnectTimestamp.SCHEMA)
    .field('date', ConnectDate.SCHEMA)
    .field('untouched', Schema.STRING_SCHEMA)
    .build()
  const value = new Struct(schema).put('int8', 8).put('int16', 16).put('int32', 32).put('float', Math.fround(32.5)).put('boolean', true)
    .put('string', '42').put('bigstring', '42').put('bytes', Buffer.from('hi')).put('timestamp', new Date(1_700_000_000_000))
    .put('date', new Date(Date.UTC(2024, 0, 2))).put('untouched', 'x')
  const x = xform('int8:int16,int16:int32,int32:int64,float:float64,boolean:int8,string:int32,bigstring:int64,bytes:string,timestamp:int64,date:string,untouched:string')
  const out = x.apply(rec(schema, value))
  const s = out.value as Struct
  assert.equal(out.valueSchema?.name, 'rec')
  assert.equal(out.valueSchema?.version, 2)
  assert.equal(out.valueSchema?.field('int8')?.schema.type, 'INT16')
  assert.equal(out.valueSchema?.field('int16')?.schema.optional, true)
  assert.equal(out.valueSchema?.field('int32')?.schema.defaultValue, 2)
  assert.equal(out.valueSchema?.field('timestamp')?.schema.type, 'INT64')
  assert.equal(out.valueSchema?.field('timestamp')?.schema.name, null)
  assert.deepEqual(
    [s.get('int8'), s.get('int16'), s.get('int32'), s.get('float'), s.get('boolean'), s.get('string'), s.get('bigstring'), s.get('bytes'), s.get('timestamp'), s.get('date')],
    [8, 16, 32, 32.5, 1, 42, 42, 'aGk=', 1_700_000_000_000, '2024-01-02'],
  )
  assert.equal(x.apply(rec(schema, value)).valueSchema, out.valueSchema, 'schema cached per input schema')
  assert.equal((value as Struct).get('int8'), 8, 'input untouched')
})

test('schemaless maps: listed fields cast, a missing field appears as null', () => {
  const out = xform('a:string,b:int32,missing:int8').apply(rec(null, { a: 1, b: '5', c: 'keep' }))
  assert.deepEqual(out.value, { a: '1', b: 5, c: 'keep', missing: null })
  assert.throws(() => xform('a:string').apply(rec(null, 'not a map')), new DataError('Only Map objects supported in absence of schema for [cast types], found: java.lang.String'))
})

test('casting from a struct-typed value is rejected', () => {
  const inner = SchemaBuilder.struct().field('x', Schema.INT32_SCHEMA).build()
  const schema = SchemaBuilder.struct().field('s', inner).build()
  assert.throws(() => xform('s:string').apply(rec(schema, new Struct(schema).put('s', new Struct(inner).put('x', 1)))),
    /Cast transformation does not support casting from STRUCT; supported types are \[INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING, BYTES\]/)
})
