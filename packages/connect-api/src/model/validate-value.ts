// Kafka's ConnectSchema.validateValue: does `value` fit `schema`? JS value per type:
// INT8/16/32 integer number in range · INT64 integer number or bigint · FLOAT32/64 number ·
// BOOLEAN boolean · STRING string · BYTES Uint8Array (Buffer) · ARRAY array · MAP Map or plain
// object · STRUCT Struct · Decimal BigDecimal · Date/Time/Timestamp Date.
import type { Schema, Field } from './schema.ts'
import { Struct } from './struct.ts'
import { BigDecimal } from './big-decimal.ts'
import { isMapValue, mapEntries, describeJavaClass } from './map-value.ts'
import { LogicalName } from './logical-names.ts'
import { DataError } from '../errors.ts'

const INT_RANGES = {
  INT8: [-128, 127],
  INT16: [-32768, 32767],
  INT32: [-2147483648, 2147483647],
} as const
const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n

export function validateValue(schema: Schema, value: unknown, field?: Field | null): void {
  // hot path (every Struct.put): no allocation unless something is wrong
  if (value === null || value === undefined) {
    if (!schema.optional) throw new DataError(`Invalid value: null used for required ${locationOf(field)}, schema type: ${schema.type}`)
    return
  }
  if (!fitsType(schema, value)) {
    const name = schema.name !== null ? ` "${schema.name}"` : ''
    throw new DataError(`Invalid Java object for schema${name} with type ${schema.type}: ${describeJavaClass(value)} for ${locationOf(field)}`)
  }
  switch (schema.type) {
    case 'STRUCT': {
      const struct = value as Struct
      if (!struct.schema.equals(schema)) throw new DataError('Struct schemas do not match.')
      struct.validate()
      break
    }
    case 'ARRAY':
      if (schema.valueSchema) for (const entry of value as unknown[]) validateValue(schema.valueSchema, entry)
      break
    case 'MAP':
      for (const [k, v] of mapEntries(value as Map<unknown, unknown>)) {
        if (schema.keySchema) validateValue(schema.keySchema, k)
        if (schema.valueSchema) validateValue(schema.valueSchema, v)
      }
      break
    default:
  }
}

function locationOf(field: Field | null | undefined): string {
  return field ? `field: "${field.name}"` : 'value'
}

function fitsType(schema: Schema, value: unknown): boolean {
  if (schema.name !== null) switch (schema.name) {
    case LogicalName.DECIMAL:
      return value instanceof BigDecimal
    case LogicalName.DATE:
    case LogicalName.TIME:
    case LogicalName.TIMESTAMP:
      return value instanceof Date
    default:
  }
  switch (schema.type) {
    case 'INT8':
    case 'INT16':
    case 'INT32': {
      const [min, max] = INT_RANGES[schema.type]
      return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
    }
    case 'INT64':
      return typeof value === 'bigint' ? value >= INT64_MIN && value <= INT64_MAX : typeof value === 'number' && Number.isInteger(value)
    case 'FLOAT32':
    case 'FLOAT64':
      return typeof value === 'number'
    case 'BOOLEAN':
      return typeof value === 'boolean'
    case 'STRING':
      return typeof value === 'string'
    case 'BYTES':
      return value instanceof Uint8Array
    case 'ARRAY':
      return Array.isArray(value)
    case 'MAP':
      return isMapValue(value)
    case 'STRUCT':
      return value instanceof Struct
  }
}
