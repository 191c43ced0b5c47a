// A Connect MAP value is either a JS Map (any key type) or a plain object (string keys) —
// JsonConverter produces plain objects; both are accepted everywhere. Helpers below keep the
// "kind" of a map when a transform rebuilds it.
import { isLongValue } from './java-number-format.ts'

export type MapValue = Map<unknown, unknown> | Record<string, unknown>

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

export function isMapValue(value: unknown): value is MapValue {
  return value instanceof Map || isPlainObject(value)
}

export function mapEntries(value: MapValue): Array<[unknown, unknown]> {
  return value instanceof Map ? [...value.entries()] : Object.entries(value)
}

export function mapGet(value: MapValue, key: string): unknown {
  if (value instanceof Map) return value.get(key)
  return Object.hasOwn(value, key) ? value[key] : undefined
}

export function mapHas(value: MapValue, key: string): boolean {
  return value instanceof Map ? value.has(key) : Object.hasOwn(value, key)
}

/** A new map of the same kind as `like` (Map or plain object) holding `entries`. */
export function mapFromEntries(entries: Iterable<readonly [unknown, unknown]>, like?: MapValue): MapValue {
  if (like instanceof Map) return new Map(entries)
  const out: Record<string, unknown> = {}
  for (const [k, v] of entries) {
    // defineProperty: a key named "__proto__" stays an own data property
    Object.defineProperty(out, String(k), { value: v, enumerable: true, writable: true, configurable: true })
  }
  return out
}

const SCHEMA_CLASSES: Readonly<Record<string, string>> = {
  INT8: 'java.lang.Byte',
  INT16: 'java.lang.Short',
  INT32: 'java.lang.Integer',
  INT64: 'java.lang.Long',
  FLOAT32: 'java.lang.Float',
  FLOAT64: 'java.lang.Double',
  BOOLEAN: 'java.lang.Boolean',
  STRING: 'java.lang.String',
}

const JAVA_CLASSES: Readonly<Record<string, string>> = {
  Struct: 'org.apache.kafka.connect.data.Struct',
  BigDecimal: 'java.math.BigDecimal',
  Date: 'java.util.Date',
  Map: 'java.util.HashMap',
  Array: 'java.util.ArrayList',
  SinkRecord: 'org.apache.kafka.connect.sink.SinkRecord',
  SourceRecord: 'org.apache.kafka.connect.source.SourceRecord',
  ConnectHeaders: 'org.apache.kafka.connect.header.ConnectHeaders',
}

/**
 * The Java class name Kafka would report for the same value (Class.getName()): integers as Long
 * and other numbers as Double (what JsonConverter reads schemaless), bytes as `[B`, maps as HashMap.
 */
export function describeValueClass(value: unknown, schema?: { readonly type: string; readonly name: string | null } | null): string {
  if (value === null || value === undefined) return 'null'
  // with a schema the JVM class follows the schema type (an int16 field holds a Short)
  const bySchema = schema ? SCHEMA_CLASSES[schema.name ?? ''] ?? SCHEMA_CLASSES[schema.type] : undefined
  if (bySchema !== undefined && typeof value !== 'object') return bySchema
  switch (typeof value) {
    case 'string': return 'java.lang.String'
    case 'boolean': return 'java.lang.Boolean'
    case 'bigint': return 'java.lang.Long'
    case 'number': return isLongValue(value) ? 'java.lang.Long' : 'java.lang.Double'
    case 'object': break
    default: return typeof value
  }
  if (value instanceof Uint8Array) return '[B'
  if (Array.isArray(value)) return JAVA_CLASSES.Array
  if (isPlainObject(value)) return JAVA_CLASSES.Map
  const name = (value as object).constructor?.name ?? 'Object'
  return JAVA_CLASSES[name] ?? name
}

/** Class.toString() of the value's class, as in Kafka messages built from `value.getClass()`: `class java.lang.String`. */
export function describeJavaClass(value: unknown, schema?: { readonly type: string; readonly name: string | null } | null): string {
  return value === null || value === undefined ? 'null' : `class ${describeValueClass(value, schema)}`
}
