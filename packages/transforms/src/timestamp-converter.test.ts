import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Schema, SchemaBuilder, Struct, SourceRecord, ConfigError, DataError, ConnectDate, ConnectTime, ConnectTimestamp } from '@tributary/connect-api'
import { TimestampConverter } from './timestamp-converter.ts'
import { SimpleDateFormat } from './util/simple-date-format.ts'

// The fixtures of Kafka's TimestampConverterTest: 1970-01-02 00:00:01.234 UTC
const DATE_PLUS_TIME = new Date(86_401_234)
const DATE = new Date(86_400_000)
const TIME = new Date(1234)
const STRING_FMT = 'yyyy MM dd HH mm ss SSS z'
const STRING = '1970 01 02 00 00 01 234 UTC'

function xform(config: Record<string, string>): TimestampConverter {
  const x = new TimestampConverter.Value()
  x.configure(config)
  return x
}
const rec = (valueSchema: Schema | null, value: unknown): SourceRecord => new SourceRecord({ topic: 't', valueSchema, value })
const time = (v: unknown): number => (v as Date).getTime()

test('config validation', () => {
  assert.throws(() => xform({}), /Missing required configuration "target.type"/)
  assert.throws(() => xform({ 'target.type': 'invalid' }), /String must be one of: string, unix, Date, Time, Timestamp/)
  assert.throws(() => xform({ 'target.type': 'unix', 'unix.precision': 'invalid' }), ConfigError)
  assert.throws(() => xform({ 'target.type': 'string' }), new ConfigError('TimestampConverter requires format option to be specified when using string timestamps'))
  assert.throws(() => xform({ 'target.type': 'string', format: 'bad-format' }), /SimpleDateFormat-compatible pattern/)
})

test('schemaless conversions from a timestamp', () => {
  assert.equal(time(xform({ 'target.type': 'Timestamp' }).apply(rec(null, DATE_PLUS_TIME)).value), 86_401_234)
  assert.equal(time(xform({ 'target.type': 'Date' }).apply(rec(null, DATE_PLUS_TIME)).value), time(DATE))
  assert.equal(time(xform({ 'target.type': 'Time' }).apply(rec(null, DATE_PLUS_TIME)).value), time(TIME))
  assert.equal(xform({ 'target.type': 'unix' }).apply(rec(null, DATE_PLUS_TIME)).value, 86_401_234)
  assert.equal(xform({ 'target.type': 'string', format: STRING_FMT }).apply(rec(null, DATE_PLUS_TIME)).value, STRING)
})

test('schemaless conversions to a timestamp', () => {
  assert.equal(time(xform({ 'target.type': 'Timestamp' }).apply(rec(null, 86_401_234)).value), 86_401_234)
  assert.equal(time(xform({ 'target.type': 'Timestamp', format: STRING_FMT }).apply(rec(null, STRING)).value), 86_401_234)
  assert.equal(xform({ 'target.type': 'Timestamp', format: STRING_FMT }).apply(rec(null, null)).value, null)
  assert.throws(() => xform({ 'target.type': 'Timestamp', format: 'yyyy-MM-dd' }).apply(rec(null, 'nope')),
    new DataError('Could not parse timestamp: value (nope) does not match pattern (yyyy-MM-dd)'))
  assert.throws(() => xform({ 'target.type': 'Timestamp' }).apply(rec(null, true)), /TimestampConverter does not support class java.lang.Boolean objects as timestamps/)
})

test('with schema: target schemas and values', () => {
  const a = xform({ 'target.type': 'Date' }).apply(rec(ConnectTimestamp.SCHEMA, DATE_PLUS_TIME))
  assert.ok(a.valueSchema?.equals(ConnectDate.SCHEMA))
  assert.equal(time(a.value), time(DATE))
  const b = xform({ 'target.type': 'Time' }).apply(rec(ConnectTimestamp.SCHEMA, DATE_PLUS_TIME))
  assert.ok(b.valueSchema?.equals(ConnectTime.SCHEMA))
  assert.equal(time(b.value), time(TIME))
  const c = xform({ 'target.type': 'unix' }).apply(rec(ConnectTimestamp.SCHEMA, DATE_PLUS_TIME))
  assert.equal(c.valueSchema, Schema.INT64_SCHEMA)
  assert.equal(c.value, 86_401_234)
  const d = xform({ 'target.type': 'string', format: STRING_FMT }).apply(rec(ConnectTimestamp.SCHEMA, DATE_PLUS_TIME))
  assert.equal(d.valueSchema, Schema.STRING_SCHEMA)
  assert.equal(d.value, STRING)
  const e = xform({ 'target.type': 'Timestamp' }).apply(rec(Schema.INT64_SCHEMA, 86_401_234))
  assert.ok(e.valueSchema?.equals(ConnectTimestamp.SCHEMA))
  const f = xform({ 'target.type': 'Timestamp', format: STRING_FMT }).apply(rec(Schema.OPTIONAL_STRING_SCHEMA, null))
  assert.ok(f.valueSchema?.equals(ConnectTimestamp.builder().optional().build()))
  assert.equal(f.value, null)
  assert.throws(() => xform({ 'target.type': 'unix' }).apply(rec(Schema.BOOLEAN_SCHEMA, true)), /does not correspond to a known timestamp type format/)
})

test('unix precisions truncate like Java TimeUnit', () => {
  assert.equal(xform({ 'target.type': 'unix', 'unix.precision': 'seconds' }).apply(rec(null, DATE_PLUS_TIME)).value, 86_401)
  assert.equal(xform({ 'target.type': 'unix', 'unix.precision': 'microseconds' }).apply(rec(null, DATE_PLUS_TIME)).value, 86_401_234_000)
  assert.equal(xform({ 'target.type': 'unix', 'unix.precision': 'nanoseconds' }).apply(rec(null, DATE_PLUS_TIME)).value, 86_401_234_000_000)
  assert.equal(time(xform({ 'target.type': 'Timestamp', 'unix.precision': 'microseconds' }).apply(rec(null, 86_401_234_123)).value), 86_401_234)
  assert.equal(time(xform({ 'target.type': 'Timestamp', 'unix.precision': 'nanoseconds' }).apply(rec(null, 86_401_234_123_456n)).value), 86_401_234)
  assert.equal(time(xform({ 'target.type': 'Timestamp', 'unix.precision': 'seconds' }).apply(rec(null, 86_401)).value), 86_401_000)
})

test('a struct field is converted, the rest copied; schemaless map field likewise', () => {
  const schema = SchemaBuilder.struct().name('r').field('ts', ConnectTimestamp.SCHEMA).field('other', Schema.STRING_SCHEMA).build()
  const x = xform({ 'target.type': 'string', format: 'yyyy-MM-dd', field: 'ts' })
  const out = x.apply(rec(schema, new Struct(schema).put('ts', DATE_PLUS_TIME).put('other', 'o')))
  assert.equal(out.valueSchema?.name, 'r')
  assert.equal(out.valueSchema?.field('ts')?.schema, Schema.STRING_SCHEMA)
  assert.equal((out.value as Struct).get('ts'), '1970-01-02')
  assert.equal((out.value as Struct).get('other'), 'o')
  assert.deepEqual(x.apply(rec(null, { ts: DATE_PLUS_TIME, other: 1 })).value, { ts: '1970-01-02', other: 1 })
})

test('SimpleDateFormat formats and parses common Java patterns in UTC', () => {
  const d = new Date(Date.UTC(2017, 0, 3, 6, 30, 1, 864))
  assert.equal(new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(d), '2017-01-03T06:30:01.864+0000')
  assert.equal(new SimpleDateFormat('EEE, d MMM yyyy hh:mm a').format(d), 'Tue, 3 Jan 2017 06:30 AM')
  assert.equal(new SimpleDateFormat("yy.MM.dd 'at' HH:mm:ss X").format(d), '17.01.03 at 06:30:01 Z')
  assert.equal(new SimpleDateFormat('yyyyMMddHHmmss').parse('20170103063001')?.getTime(), Date.UTC(2017, 0, 3, 6, 30, 1))
  assert.equal(new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ssXXX").parse('2017-01-03T06:30:01+02:00')?.getTime(), Date.UTC(2017, 0, 3, 4, 30, 1))
  assert.equal(new SimpleDateFormat('dd MMMM yyyy').parse('03 January 2017')?.getTime(), Date.UTC(2017, 0, 3))
  assert.equal(new SimpleDateFormat('yyyy-MM-dd').parse('2017-1-3')?.getTime(), Date.UTC(2017, 0, 3))
  assert.equal(new SimpleDateFormat('yyyy-MM-dd').parse('03/01/2017'), null)
  assert.throws(() => new SimpleDateFormat('bad-format'), /Illegal pattern character 'b'/)
})
