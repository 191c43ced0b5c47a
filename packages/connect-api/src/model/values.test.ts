import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseString, convertToString } from './values.ts'
import { Schema } from './schema.ts'
import { SchemaBuilder } from './schema-builder.ts'
import { BigDecimal } from './big-decimal.ts'
import { formatJavaDouble, formatJavaFloat } from './java-number-format.ts'

test('parseString infers the smallest type, as Values.parseString', () => {
  assert.deepEqual(parseString('true'), { schema: Schema.BOOLEAN_SCHEMA, value: true })
  assert.equal(parseString('42').schema, Schema.INT8_SCHEMA)
  assert.equal(parseString('300').schema, Schema.INT16_SCHEMA)
  assert.equal(parseString('70000').schema, Schema.INT32_SCHEMA)
  assert.equal(parseString('5000000000').schema, Schema.INT64_SCHEMA)
  assert.equal(parseString('1.0').schema, Schema.INT8_SCHEMA)
  assert.equal(parseString('1.5').schema, Schema.FLOAT32_SCHEMA)
  assert.equal(parseString('hello world').value, 'hello world')
  assert.equal(parseString('').schema, Schema.STRING_SCHEMA)
  assert.deepEqual(parseString(null), { schema: null, value: null })
  const date = parseString('2024-01-02')
  assert.equal(date.schema?.name, 'org.apache.kafka.connect.data.Date')
  assert.equal((date.value as Date).toISOString(), '2024-01-02T00:00:00.000Z')
  assert.equal(parseString('2024-01-02T03:04:05.006Z').schema?.name, 'org.apache.kafka.connect.data.Timestamp')
  assert.equal(parseString('03:04:05.006Z').schema?.name, 'org.apache.kafka.connect.data.Time')
})

test('parseString reads arrays and maps with a common schema', () => {
  const arr = parseString('[1, 2, 300]')
  assert.equal(arr.schema?.type, 'ARRAY')
  assert.equal(arr.schema?.valueSchema?.type, 'INT16')
  assert.deepEqual(arr.value, [1, 2, 300])
  const map = parseString('{"a": 1, "b": 2}')
  assert.equal(map.schema?.keySchema?.type, 'STRING')
  assert.deepEqual(map.value, { a: 1, b: 2 })
  assert.deepEqual(parseString('[a, b').value, '[a, b')
  assert.equal(parseString('["x", 1]').schema?.valueSchema, null)
})

test('convertToString writes Java forms and quotes embedded strings', () => {
  assert.equal(convertToString(Schema.FLOAT64_SCHEMA, 1), '1.0')
  assert.equal(convertToString(Schema.STRING_SCHEMA, 'a'), 'a')
  assert.equal(convertToString(null, ['a', 1]), '["a",1]')
  assert.equal(convertToString(null, { k: 'v' }), '{"k":"v"}')
  assert.equal(convertToString(Schema.BYTES_SCHEMA, Buffer.from('hi')), 'aGk=')
  assert.equal(convertToString(null, new Date(Date.UTC(2024, 0, 2))), '2024-01-02')
  assert.equal(convertToString(null, new Date(1000)), '00:00:01.000Z')
  assert.equal(convertToString(null, BigDecimal.parse('1.50')), '1.50')
  assert.equal(convertToString(SchemaBuilder.array(Schema.FLOAT32_SCHEMA).build(), [0.1]), '[0.1]')
  assert.equal(convertToString(null, null), null)
})

test('Java number formatting', () => {
  assert.equal(formatJavaDouble(1), '1.0')
  assert.equal(formatJavaDouble(1e10), '1.0E10')
  assert.equal(formatJavaDouble(1.5e-4), '1.5E-4')
  assert.equal(formatJavaDouble(0.001), '0.001')
  assert.equal(formatJavaDouble(1234567.5), '1234567.5')
  assert.equal(formatJavaDouble(12345678.9), '1.23456789E7')
  assert.equal(formatJavaFloat(Math.fround(0.1)), '0.1')
  assert.equal(formatJavaFloat(Math.fround(3.3)), '3.3')
})

test('javaToString and Struct.toString print what a JVM would', async () => {
  const { javaToString, javaDateString } = await import('./java-to-string.ts')
  const { Struct } = await import('./struct.ts')
  assert.equal(javaToString([1, 'a', null]), '[1, a, null]')
  assert.equal(javaToString({ k: 'v', n: 2.5 }), '{k=v, n=2.5}')
  assert.equal(javaToString(2, Schema.FLOAT64_SCHEMA), '2.0')
  assert.equal(javaDateString(new Date(Date.UTC(2017, 0, 3, 6, 30, 1))), 'Tue Jan 03 06:30:01 UTC 2017')
  const s = SchemaBuilder.struct().field('a', Schema.INT32_SCHEMA).field('b', Schema.OPTIONAL_STRING_SCHEMA).field('c', Schema.FLOAT64_SCHEMA).build()
  assert.equal(new Struct(s).put('a', 1).put('c', 3).toString(), 'Struct{a=1,c=3.0}')
})

test('parseString copes with numbers that have huge exponents (KAFKA-17792)', () => {
  const t = Date.now()
  const big = parseString('407127e212797209')
  assert.equal(big.schema?.name, 'org.apache.kafka.connect.data.Decimal')
  assert.equal(parseString('1e-212797209').schema?.type, 'FLOAT32')
  assert.equal(parseString('0e5').schema, Schema.INT8_SCHEMA)
  assert.ok(Date.now() - t < 1000)
})

test('parseString keeps only the leading value, as Kafka\'s tokenizing parser does', () => {
  assert.deepEqual(parseString('1,2'), { schema: Schema.INT8_SCHEMA, value: 1 })
  assert.deepEqual(parseString('10:30'), { schema: Schema.INT8_SCHEMA, value: 10 })
  assert.equal((parseString('2024-13-45').value as Date).toISOString(), '2025-02-14T00:00:00.000Z')
  assert.equal(parseString('12:30:00.000Z,1').schema?.name, 'org.apache.kafka.connect.data.Time')
  assert.equal((parseString('[2024-13-45]').value as Date[])[0].toISOString(), '2025-02-14T00:00:00.000Z')
  assert.equal(parseString('a:b').value, 'a:b')
  assert.equal(parseString('1 2').value, '1 2')
  assert.equal(parseString('true:1').value, 'true:1')
})

test('javaCalendarFields: Julian before the 1582 cutover, BC years as year of era', async () => {
  const { javaCalendarFields } = await import('./java-calendar.ts')
  const before = javaCalendarFields(-12_219_292_800_001) // the last millisecond before 1582-10-15 (Gregorian)
  assert.deepEqual([before.yearOfEra, before.month + 1, before.day, before.hour], [1582, 10, 4, 23])
  const cutover = javaCalendarFields(-12_219_292_800_000)
  assert.deepEqual([cutover.yearOfEra, cutover.month + 1, cutover.day, cutover.dayOfWeek], [1582, 10, 15, 5])
  assert.equal(cutover.dayOfYear, 278, 'the ten skipped days are not counted')
  const bc = javaCalendarFields(-62_135_769_600_001) // the millisecond before 0001-01-01 (Julian)
  assert.deepEqual([bc.era, bc.yearOfEra, bc.month + 1, bc.day], [0, 1, 12, 31])
  // Kafka's Values picks the time-of-day format for every instant before 1970-01-02
  assert.equal(convertToString(null, new Date(-12_219_292_800_001)), '23:59:59.999Z')
})
