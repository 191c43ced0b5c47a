import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Schema, SchemaBuilder, Struct, DataError, ConnectTimestamp } from '@tributary/connect-api'
import { StringConverter } from './string-converter.ts'
import { ByteArrayConverter } from './byte-array-converter.ts'
import { SimpleHeaderConverter } from './simple-header-converter.ts'
import { IntegerConverter, LongConverter, DoubleConverter, BooleanConverter } from './number-converters.ts'
import { converterPlugins } from './converter-plugins.ts'

test('StringConverter writes toString forms and reads optional strings', () => {
  const c = new StringConverter()
  c.configure({}, false)
  assert.equal(Buffer.from(c.fromConnectData('t', null, Schema.STRING_SCHEMA, 'héllo')!).toString('utf8'), 'héllo')
  assert.equal(Buffer.from(c.fromConnectData('t', null, null, 42)!).toString(), '42')
  assert.equal(Buffer.from(c.fromConnectData('t', null, Schema.FLOAT64_SCHEMA, 1)!).toString(), '1.0')
  const s = SchemaBuilder.struct().field('a', Schema.INT32_SCHEMA).build()
  assert.equal(Buffer.from(c.fromConnectData('t', null, s, new Struct(s).put('a', 1))!).toString(), 'Struct{a=1}')
  assert.equal(c.fromConnectData('t', null, null, null), null)
  assert.deepEqual(c.toConnectData('t', null, Buffer.from('x')), { schema: Schema.OPTIONAL_STRING_SCHEMA, value: 'x' })
  assert.deepEqual(c.toConnectData('t', null, null), { schema: Schema.OPTIONAL_STRING_SCHEMA, value: null })
  const latin = new StringConverter()
  latin.configure({ 'converter.encoding': 'ISO-8859-1' }, true)
  assert.deepEqual([...latin.fromConnectData('t', null, null, 'é')!], [0xe9])
  assert.throws(() => new StringConverter().configure({ 'converter.encoding': 'EBCDIC' }, false), /Invalid value EBCDIC for configuration converter.encoding/)
})

test('ByteArrayConverter passes bytes through and rejects other schemas and values', () => {
  const c = new ByteArrayConverter()
  c.configure({}, false)
  const b = Buffer.from([1, 2, 3])
  assert.equal(c.fromConnectData('t', null, Schema.BYTES_SCHEMA, b), b)
  assert.deepEqual(c.toConnectData('t', null, b), { schema: Schema.OPTIONAL_BYTES_SCHEMA, value: b })
  assert.throws(() => c.fromConnectData('t', null, Schema.STRING_SCHEMA, 'x'), new DataError('Invalid schema type for ByteArrayConverter: STRING'))
  assert.throws(() => c.fromConnectData('t', null, null, 'x'), new DataError('ByteArrayConverter is not compatible with objects of type class java.lang.String'))
})

test('number converters use Kafka serializer byte layouts', () => {
  assert.deepEqual([...new IntegerConverter().fromConnectData('t', null, null, 258)!], [0, 0, 1, 2])
  assert.equal(new LongConverter().toConnectData('t', null, Buffer.from([0, 0, 0, 0, 0, 0, 1, 0])).value, 256)
  assert.equal(new DoubleConverter().toConnectData('t', null, new DoubleConverter().fromConnectData('t', null, null, 1.5)).value, 1.5)
  assert.equal(new BooleanConverter().toConnectData('t', null, Buffer.from([1])).value, true)
  assert.throws(() => new IntegerConverter().fromConnectData('t', null, null, 'x'), DataError)
})

test('SimpleHeaderConverter writes strings and infers types back', () => {
  const c = new SimpleHeaderConverter()
  const w = (schema: Schema | null, v: unknown): string => Buffer.from(c.fromConnectHeader('t', 'h', schema, v)!).toString()
  assert.equal(w(Schema.INT32_SCHEMA, 10), '10')
  assert.equal(w(null, [1, 2]), '[1,2]')
  assert.equal(w(ConnectTimestamp.SCHEMA, new Date(1_700_000_000_123)), '2023-11-14T22:13:20.123Z')
  assert.deepEqual(c.toConnectHeader('t', 'h', Buffer.from('10')), { schema: Schema.INT8_SCHEMA, value: 10 })
  assert.deepEqual(c.toConnectHeader('t', 'h', Buffer.from('hello')), { schema: Schema.STRING_SCHEMA, value: 'hello' })
  assert.deepEqual(c.toConnectHeader('t', 'h', Buffer.from('')), { schema: Schema.STRING_SCHEMA, value: '' })
  assert.deepEqual(c.toConnectHeader('t', 'h', null), { schema: null, value: null })
  assert.equal(c.fromConnectHeader('t', 'h', null, null), null)
})

test('plugin descriptors answer to Kafka class names and aliases', () => {
  const json = converterPlugins.find((p) => p.className === 'org.apache.kafka.connect.json.JsonConverter' && p.type === 'converter')
  assert.deepEqual(json?.aliases, ['JsonConverter', 'Json'])
  assert.ok(json?.config().configKeys.has('schemas.enable'))
  const simple = converterPlugins.find((p) => p.className === 'org.apache.kafka.connect.storage.SimpleHeaderConverter')
  assert.deepEqual(simple?.aliases, ['SimpleHeaderConverter', 'Simple'])
  assert.equal(simple?.type, 'header_converter')
  assert.ok(converterPlugins.some((p) => p.className === 'org.apache.kafka.connect.storage.StringConverter' && p.type === 'header_converter'))
  assert.ok(converterPlugins.some((p) => p.className === 'org.apache.kafka.connect.converters.ByteArrayConverter'))
  assert.equal(converterPlugins.filter((p) => p.type === 'converter').length, 9)
  assert.ok(converterPlugins.every((p) => typeof p.create() === 'object'))
})
