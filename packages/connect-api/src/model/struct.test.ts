import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Schema } from './schema.ts'
import { SchemaBuilder } from './schema-builder.ts'
import { Struct } from './struct.ts'
import { validateValue } from './validate-value.ts'
import { BigDecimal } from './big-decimal.ts'
import { Decimal, ConnectDate, ConnectTime, ConnectTimestamp } from './logical-types.ts'
import { DataError, SchemaBuilderError } from '../errors.ts'

const person = SchemaBuilder.struct().name('person')
  .field('id', Schema.INT32_SCHEMA)
  .field('name', SchemaBuilder.string().optional().defaultValue('anon').build())
  .field('age', Schema.OPTIONAL_INT8_SCHEMA)
  .build()

test('Struct.get returns the default for a null value, getWithoutDefault the raw null', () => {
  const s = new Struct(person).put('id', 1)
  assert.equal(s.get('name'), 'anon')
  assert.equal(s.getWithoutDefault('name'), null)
  s.validate()
})

test('Struct.put checks the field schema with Kafka messages', () => {
  const s = new Struct(person)
  assert.throws(() => s.put('id', 'x'), new DataError('Invalid Java object for schema with type INT32: class java.lang.String for field: "id"'))
  assert.throws(() => s.put('age', 300), /Invalid Java object for schema with type INT8/)
  assert.throws(() => s.put('nope', 1), new DataError('nope is not a valid field name'))
  assert.throws(() => s.validate(), new DataError('Invalid value: null used for required field: "id", schema type: INT32'))
})

test('Struct and Schema equality is structural', () => {
  const other = SchemaBuilder.struct().name('person')
    .field('id', Schema.INT32_SCHEMA)
    .field('name', SchemaBuilder.string().optional().defaultValue('anon').build())
    .field('age', Schema.OPTIONAL_INT8_SCHEMA)
    .build()
  assert.ok(person.equals(other))
  assert.ok(new Struct(person).put('id', 1).equals(new Struct(other).put('id', 1)))
  assert.ok(!new Struct(person).put('id', 1).equals(new Struct(other).put('id', 2)))
  assert.ok(!person.equals(SchemaBuilder.struct().name('person').build()))
})

test('validateValue: int64 accepts number and bigint, nested struct schemas must match', () => {
  validateValue(Schema.INT64_SCHEMA, 5)
  validateValue(Schema.INT64_SCHEMA, 2n ** 62n)
  assert.throws(() => validateValue(Schema.INT64_SCHEMA, 2n ** 63n), DataError)
  assert.throws(() => validateValue(Schema.INT32_SCHEMA, 1.5), DataError)
  const other = SchemaBuilder.struct().field('x', Schema.INT32_SCHEMA).build()
  assert.throws(() => validateValue(person, new Struct(other).put('x', 1)), new DataError('Struct schemas do not match.'))
  validateValue(SchemaBuilder.array(Schema.STRING_SCHEMA).build(), ['a'])
  assert.throws(() => validateValue(SchemaBuilder.array(Schema.STRING_SCHEMA).build(), [1]), DataError)
  validateValue(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(), { a: 1 })
  validateValue(SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.INT32_SCHEMA).build(), new Map([[1, 2]]))
})

test('SchemaBuilder rejects duplicate fields, bad defaults and double sets', () => {
  assert.throws(() => SchemaBuilder.struct().field('a', Schema.INT8_SCHEMA).field('a', Schema.INT8_SCHEMA), SchemaBuilderError)
  assert.throws(() => SchemaBuilder.int32().defaultValue('x'), /Invalid default value/)
  assert.throws(() => SchemaBuilder.int32().name('a').name('b'), /name has already been set/)
})

test('Decimal encodes the unscaled value as big-endian two\'s complement', () => {
  const schema = Decimal.schema(2)
  assert.deepEqual([...Decimal.fromLogical(schema, BigDecimal.parse('1.00'))], [0x64])
  assert.deepEqual([...Decimal.fromLogical(schema, BigDecimal.parse('-1.28'))], [0x80])
  assert.deepEqual([...Decimal.fromLogical(schema, BigDecimal.parse('1.28'))], [0x00, 0x80])
  assert.ok(Decimal.toLogical(schema, Uint8Array.of(0xff, 0x38)).equals(BigDecimal.parse('-2.00')))
  assert.throws(() => Decimal.fromLogical(schema, BigDecimal.parse('1.5')), /Decimal value has mismatching scale for given Decimal schema. Schema has scale 2, value has scale 1./)
  assert.equal(schema.parameters?.scale, '2')
  assert.equal(schema.version, 1)
})

test('Date, Time and Timestamp convert as Kafka does', () => {
  assert.equal(ConnectDate.fromLogical(ConnectDate.SCHEMA, new Date('2024-01-02T00:00:00Z')), 19724)
  assert.throws(() => ConnectDate.fromLogical(ConnectDate.SCHEMA, new Date('2024-01-02T00:00:01Z')), /should not have any time fields/)
  assert.equal(ConnectTime.fromLogical(ConnectTime.SCHEMA, new Date(3_600_000)), 3_600_000)
  assert.throws(() => ConnectTime.fromLogical(ConnectTime.SCHEMA, new Date(86_400_000)), /should not have any date fields/)
  assert.equal(ConnectTimestamp.toLogical(ConnectTimestamp.SCHEMA, 1000).getTime(), 1000)
})

test('BigDecimal parses and prints like Java', () => {
  assert.equal(BigDecimal.parse('-12.340').toString(), '-12.340')
  assert.equal(BigDecimal.parse('1E+3').toString(), '1E+3')
  assert.equal(BigDecimal.parse('1E+3').toPlainString(), '1000')
  assert.equal(BigDecimal.parse('0.0000001').toString(), '1E-7')
  assert.equal(BigDecimal.fromNumber(1).toString(), '1.0')
  assert.ok(!BigDecimal.parse('1.0').equals(BigDecimal.parse('1.00')))
  assert.equal(BigDecimal.parse('1.0').compareTo(BigDecimal.parse('1.00')), 0)
})
