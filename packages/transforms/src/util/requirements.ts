// Kafka's transforms.util.Requirements: the shape checks every SMT makes, with Kafka's messages.
import { DataError, Struct, SinkRecord, isMapValue, describeValueClass } from '@tributary/connect-api'
import type { ConnectRecord, MapValue, Schema } from '@tributary/connect-api'

export function requireMap(value: unknown, purpose: string): MapValue {
  if (!isMapValue(value)) {
    throw new DataError(`Only Map objects supported in absence of schema for [${purpose}], found: ${describeValueClass(value)}`)
  }
  return value
}

export function requireMapOrNull(value: unknown, purpose: string): MapValue | null {
  return value === null || value === undefined ? null : requireMap(value, purpose)
}

/** `schema` (the operating schema) names the Java class Kafka would report for a primitive. */
export function requireStruct(value: unknown, purpose: string, schema?: Schema | null): Struct {
  if (!(value instanceof Struct)) throw new DataError(`Only Struct objects supported for [${purpose}], found: ${describeValueClass(value, schema)}`)
  return value
}

export function requireStructOrNull(value: unknown, purpose: string, schema?: Schema | null): Struct | null {
  return value === null || value === undefined ? null : requireStruct(value, purpose, schema)
}

export function requireSchema(schema: Schema | null, purpose: string): Schema {
  if (schema === null) throw new DataError(`Schema required for [${purpose}]`)
  return schema
}

export function requireSinkRecord(record: ConnectRecord, purpose: string): SinkRecord {
  if (!(record instanceof SinkRecord)) throw new DataError(`Only SinkRecord supported for [${purpose}], found: ${describeValueClass(record)}`)
  return record
}
