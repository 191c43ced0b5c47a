import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Schema, SchemaBuilder, Struct, Decimal, ConnectDate, ConnectTime, ConnectTimestamp, BigDecimal, DataError, valuesEqual } from '@tributary/connect-api'
import type { ConfigProps } from '@tributary/connect-api'
import { JsonConverter } from './json-converter.ts'

function converter(configs: ConfigProps = {}): JsonConverter {
  const c = new JsonConverter()
  c.configure(configs, false)
  return c
}

const text = (b: Uint8Array | null): string | null => (b === null ? null : Buffer.from(b).toString('utf8'))
const bytes = (s: string): Buffer => Buffer.from(s, 'utf8')

function roundTrip(c: JsonConverter, schema: Schema | null, value: unknown): { json: string | null; back: { schema: Schema | null; value: unknown } } {
  const out = c.fromConnectData('t', null, schema, value)
  return { json: text(out), back: c.toConnectData('t', null, out) }
}

const cases: Array<[string, Schema, unknown, string]> = [
  ['boolean', Schema.BOOLEAN_SCHEMA, true, '{"schema":{"type":"boolean","optional":false},"payload":true}'],
  ['int8', Schema.INT8_SCHEMA, 12, '{"schema":{"type":"int8","optional":false},"payload":12}'],
  ['int16', Schema.INT16_SCHEMA, 12, '{"schema":{"type":"int16","optional":false},"payload":12}'],
  ['int32', Schema.INT32_SCHEMA, 12, '{"schema":{"type":"int32","optional":false},"payload":12}'],
  ['int64', Schema.INT64_SCHEMA, 4398046511104, '{"schema":{"type":"int64","optional":false},"payload":4398046511104}'],
  ['int64 beyond 2^53', Schema.INT64_SCHEMA, 9223372036854775807n, '{"schema":{"type":"int64","optional":false},"payload":9223372036854775807}'],
  ['float32', Schema.FLOAT32_SCHEMA, Math.fround(12.34), '{"schema":{"type":"float","optional":false},"payload":12.34}'],
  ['float64', Schema.FLOAT64_SCHEMA, 12.34, '{"schema":{"type":"double","optional":false},"payload":12.34}'],
  ['float64 integral', Schema.FLOAT64_SCHEMA, 1, '{"schema":{"type":"double","optional":false},"payload":1.0}'],
  ['float64 large', Schema.FLOAT64_SCHEMA, 1e10, '{"schema":{"type":"double","optional":false},"payload":1.0E10}'],
  ['string', Schema.STRING_SCHEMA, 'a "quoted" string\n', '{"schema":{"type":"string","optional":false},"payload":"a \\"quoted\\" string\\n"}'],
  ['bytes', Schema.BYTES_SCHEMA, Buffer.from('test-string'), '{"schema":{"type":"bytes","optional":false},"payload":"dGVzdC1zdHJpbmc="}'],
  ['array', SchemaBuilder.array(Schema.INT32_SCHEMA).build(), [1, 2, 3], '{"schema":{"type":"array","items":{"type":"int32","optional":false},"optional":false},"payload":[1,2,3]}'],
  ['map with string keys', SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(), { key1: 12, key2: 15 },
    '{"schema":{"type":"map","keys":{"type":"string","optional":false},"values":{"type":"int32","optional":false},"optional":false},"payload":{"key1":12,"key2":15}}'],
  ['map with int keys', SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.INT32_SCHEMA).build(), new Map([[1, 12], [2, 15]]),
    '{"schema":{"type":"map","keys":{"type":"int32","optional":false},"values":{"type":"int32","optional":false},"optional":false},"payload":[[1,12],[2,15]]}'],
  ['optional with doc, version, parameters', SchemaBuilder.string().optional().name('n').version(2).doc('d').parameter('p', 'v').build(), 'x',
    '{"schema":{"type":"string","optional":true,"name":"n","version":2,"doc":"d","parameters":{"p":"v"}},"payload":"x"}'],
  ['decimal (base64)', Decimal.schema(2), BigDecimal.parse('1.00'),
    '{"schema":{"type":"bytes","optional":false,"name":"org.apache.kafka.connect.data.Decimal","version":1,"parameters":{"scale":"2"}},"payload":"ZA=="}'],
  ['date', ConnectDate.SCHEMA, new Date(Date.UTC(2024, 0, 2)), '{"schema":{"type":"int32","optional":false,"name":"org.apache.kafka.connect.data.Date","version":1},"payload":19724}'],
  ['time', ConnectTime.SCHEMA, new Date(14_400_000), '{"schema":{"type":"int32","optional":false,"name":"org.apache.kafka.connect.data.Time","version":1},"payload":14400000}'],
  ['timestamp', ConnectTimestamp.SCHEMA, new Date(1_700_000_000_123), '{"schema":{"type":"int64","optional":false,"name":"org.apache.kafka.connect.data.Timestamp","version":1},"payload":1700000000123}'],
]

for (const [name, schema, value, json] of cases) {
  test(`JsonConverter writes Kafka's exact bytes and reads them back: ${name}`, () => {
    const { json: out, back } = roundTrip(converter(), schema, value)
    assert.equal(out, json)
    assert.ok(back.schema?.equals(schema), `schema round trip for ${name}`)
    assert.ok(valuesEqual(back.value, value), `value round trip for ${name}: ${String(back.value)}`)
  })
}

test('struct: fields in order, "field" last, nulls written, defaults applied', () => {
  const schema = SchemaBuilder.struct().name('r')
    .field('id', Schema.INT32_SCHEMA)
    .field('name', Schema.OPTIONAL_STRING_SCHEMA)
    .field('level', SchemaBuilder.int32().optional().defaultValue(5).build())
    .build()
  const c = converter()
  const out = text(c.fromConnectData('t', null, schema, new Struct(schema).put('id', 1)))
  assert.equal(out, '{"schema":{"type":"struct","fields":[{"type":"int32","optional":false,"field":"id"},{"type":"string","optional":true,"field":"name"},' +
    '{"type":"int32","optional":true,"default":5,"field":"level"}],"optional":false,"name":"r"},"payload":{"id":1,"name":null,"level":5}}')
  const back = c.toConnectData('t', null, bytes(out!))
  assert.ok(back.schema?.equals(schema))
  assert.equal((back.value as Struct).get('level'), 5)
  const keepNull = converter({ 'replace.null.with.default': 'false' })
  assert.match(text(keepNull.fromConnectData('t', null, schema, new Struct(schema).put('id', 1)))!, /"level":null\}\}$/)
})

test('the reference example envelope parses', () => {
  const json = '{"schema":{"type":"struct","fields":[{"type":"int32","optional":false,"field":"id"},{"type":"string","optional":true,"field":"name"}],"optional":false,"name":"r"},"payload":{"id":1,"name":"x"}}'
  const c = converter()
  const { schema, value } = c.toConnectData('t', null, bytes(json))
  assert.equal(schema?.name, 'r')
  assert.equal((value as Struct).get('name'), 'x')
  assert.equal(text(c.fromConnectData('t', null, schema, value)), json)
})

test('decimal.format=NUMERIC writes a JSON number and reads numbers or base64', () => {
  const c = converter({ 'decimal.format': 'numeric' })
  const schema = Decimal.schema(2)
  const { json, back } = roundTrip(c, schema, BigDecimal.parse('1.00'))
  assert.equal(json, '{"schema":{"type":"bytes","optional":false,"name":"org.apache.kafka.connect.data.Decimal","version":1,"parameters":{"scale":"2"}},"payload":1.00}')
  assert.ok((back.value as BigDecimal).equals(BigDecimal.parse('1.00')))
  const big = BigDecimal.parse('12345678901234567890.12')
  assert.ok((roundTrip(c, schema, big).back.value as BigDecimal).equals(big))
  const fromBase64 = c.toConnectData('t', null, bytes('{"schema":{"type":"bytes","optional":false,"name":"org.apache.kafka.connect.data.Decimal","version":1,"parameters":{"scale":"2"}},"payload":"ZA=="}'))
  assert.ok((fromBase64.value as BigDecimal).equals(BigDecimal.parse('1.00')))
})

test('schemas.enable=false: plain JSON, schemaless inference as Kafka (integers int64, other numbers float64, objects maps)', () => {
  const c = converter({ 'schemas.enable': 'false' })
  assert.equal(text(c.fromConnectData('t', null, SchemaBuilder.array(Schema.FLOAT64_SCHEMA).build(), [1, 2.5])), '[1.0,2.5]')
  const { schema, value } = c.toConnectData('t', null, bytes('{"a":1,"b":[true,"x",2.5],"c":null,"d":9223372036854775807,"e":12345678901234567890}'))
  assert.equal(schema, null)
  // int64 keeps every digit; beyond int64 Jackson's longValue() keeps the low 64 bits, and so do we
  assert.deepEqual(value, { a: 1, b: [true, 'x', 2.5], c: null, d: 9223372036854775807n, e: -6101065172474983726n })
  assert.equal(text(c.fromConnectData('t', null, null, value)), '{"a":1,"b":[true,"x",2.5],"c":null,"d":9223372036854775807,"e":-6101065172474983726}')
  assert.equal(text(c.fromConnectData('t', null, null, 'str')), '"str"')
})

test('nulls: tombstones stay null, envelope with null schema, required null fails', () => {
  const c = converter()
  assert.equal(c.fromConnectData('t', null, null, null), null)
  assert.deepEqual(c.toConnectData('t', null, null), { schema: null, value: null })
  assert.equal(text(c.fromConnectData('t', null, Schema.OPTIONAL_STRING_SCHEMA, null)), '{"schema":{"type":"string","optional":true},"payload":null}')
  assert.equal(text(c.fromConnectData('t', null, null, 5)), '{"schema":null,"payload":5}')
  assert.throws(() => c.fromConnectData('t', null, Schema.STRING_SCHEMA, null), new DataError('Conversion error: null value for field that is required and has no default value'))
  assert.throws(() => c.toConnectData('t', null, bytes('{"schema":{"type":"string","optional":false},"payload":null}')), new DataError('Invalid null value for required STRING field'))
})

test('malformed input fails with Kafka\'s messages', () => {
  const c = converter()
  assert.throws(() => c.toConnectData('t', null, bytes('{"a":1}')), /JsonConverter with schemas.enable requires "schema" and "payload" fields and may not contain additional fields/)
  assert.throws(() => c.toConnectData('t', null, bytes('{"schema":null,"payload":1,"x":2}')), /requires "schema" and "payload"/)
  assert.throws(() => c.toConnectData('t', null, bytes('not json')), new DataError('Converting byte[] to Kafka Connect data failed due to serialization error: '))
  assert.throws(() => c.toConnectData('t', null, bytes('{"schema":{"type":"float32","optional":false},"payload":1}')), new DataError('Unknown schema type: float32'))
  assert.throws(() => c.toConnectData('t', null, bytes('{"schema":{"type":"array","optional":false},"payload":[]}')), /Array schema did not specify the element type/)
  assert.throws(() => c.toConnectData('t', null, bytes('{"schema":{"optional":false},"payload":1}')), /Schema must contain 'type' field/)
  assert.throws(() => c.toConnectData('t', null, bytes('{"schema":{"type":"string","optional":false,"parameters":{"a":1}},"payload":"x"}')), /Schema parameters must have string values/)
  assert.throws(() => c.toConnectData('t', null, bytes('{"schema":{"type":"struct","fields":[],"optional":false},"payload":5}')), /Structs should be encoded as JSON objects, but found NUMBER/)
})

test('reads narrow integers as Java casts do and caches schemas by JSON text', () => {
  const c = converter()
  const json = bytes('{"schema":{"type":"int8","optional":false},"payload":300}')
  const a = c.toConnectData('t', null, json)
  assert.equal(a.value, 44)
  assert.equal(c.toConnectData('t', null, json).schema, a.schema)
})

test('schema defaults of logical types are read as logical values', () => {
  const schema = SchemaBuilder.int32().name(ConnectDate.LOGICAL_NAME).version(1).optional().defaultValue(new Date(0)).build()
  const c = converter()
  const out = text(c.fromConnectData('t', null, schema, null))
  assert.equal(out, '{"schema":{"type":"int32","optional":true,"name":"org.apache.kafka.connect.data.Date","version":1,"default":0},"payload":0}')
  const back = c.toConnectData('t', null, bytes(out!))
  assert.ok(back.schema?.equals(schema))
  assert.equal((back.value as Date).getTime(), 0)
})

test('JsonConverter as a header converter', () => {
  const c = new JsonConverter()
  c.configure({ 'schemas.enable': 'false' })
  assert.equal(text(c.fromConnectHeader('t', 'h', Schema.STRING_SCHEMA, 'v')), '"v"')
  assert.equal(c.toConnectHeader('t', 'h', bytes('42')).value, 42)
  assert.throws(() => c.configure({ 'schemas.cache.size': 'many' }), /Invalid value many for configuration schemas.cache.size: Not a number of type INT/)
})

test('repeated envelopes (the payload-only fast path) read exactly like the first one', () => {
  const c = converter({ 'decimal.format': 'NUMERIC' })
  const schema = SchemaBuilder.struct().name('d').field('amount', Decimal.schema(2)).field('n', Schema.INT64_SCHEMA).build()
  const value = new Struct(schema).put('amount', BigDecimal.parse('12345678901234567.89')).put('n', 9007199254740993n)
  const out = c.fromConnectData('t', null, schema, value)!
  const first = c.toConnectData('t', null, out)
  const second = c.toConnectData('t', null, out)
  assert.ok(valuesEqual(first.value, value))
  assert.ok(valuesEqual(second.value, value), 'decimal digits and int64 kept on the fast path')
  assert.equal(second.schema, first.schema)
  const extra = Buffer.from(`${text(out)!.slice(0, -1)},"x":1}`)
  assert.throws(() => c.toConnectData('t', null, extra), /requires "schema" and "payload" fields/)
  const nullPayload = Buffer.from(text(out)!.replace(/"payload":.*\}$/, '"payload":null}'))
  assert.throws(() => c.toConnectData('t', null, nullPayload), /Invalid null value for required STRUCT field/)
})

test('seed 002: a JSON-with-schema record prints as the FileStreamSink line Kafka writes', () => {
  const c = converter()
  const json = '{"schema":{"type":"struct","fields":[{"type":"int32","optional":false,"field":"model_id"},{"type":"string","optional":false,"field":"model_name"},' +
    '{"type":"int32","optional":false,"field":"model_base_price"},{"type":"int32","optional":false,"field":"brand_id"}],"optional":false,"name":"Models"},' +
    '"payload":{"model_id":1,"model_name":"The Blonde","model_base_price":23000,"brand_id":1}}'
  assert.equal(String(c.toConnectData('sqlite-sample-Models', null, bytes(json)).value), 'Struct{model_id=1,model_name=The Blonde,model_base_price=23000,brand_id=1}')
})

test('strings are escaped as Jackson escapes them (upper-case hex, every surrogate)', () => {
  const c = converter({ 'schemas.enable': 'false' })
  const out = text(c.fromConnectData('t', null, Schema.STRING_SCHEMA, 'a"b\\c\n\u0001\u001f\u007f 𝄞 \ud800 é'))
  assert.equal(out, '"a\\"b\\\\c\\n\\u0001\\u001F\u007f \\uD834\\uDD1E \\uD800 é"')
  assert.equal(c.toConnectData('t', null, bytes(out!)).value, 'a"b\\c\n\u0001\u001f\u007f 𝄞 \ud800 é')
})
