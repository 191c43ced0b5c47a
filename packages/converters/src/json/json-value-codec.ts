// Connect value ↔ JSON, as Kafka's JsonConverter.convertToJson / convertToConnect. Numbers are
// written in Java's forms (float 1.0 → 1.0, 1e10 → 1.0E10); Decimal as base64 of the unscaled
// bytes or, with decimal.format=NUMERIC, as a JSON number; Date/Time as int, Timestamp as long.
import {
  Struct, BigDecimal, Decimal, ConnectDate, ConnectTime, ConnectTimestamp, LogicalName, DataError,
  isMapValue, mapEntries, describeJavaClass, formatJavaDouble, formatJavaFloat, isLongValue,
} from '@tributary/connect-api'
import type { Schema, SchemaType } from '@tributary/connect-api'
import type { JsonNode } from './json-text.ts'
import { ExactNumber, isJsonObject, nodeTypeName, quoteJson } from './json-text.ts'

export interface ValueCodecOptions {
  decimalNumeric: boolean
  replaceNullWithDefault: boolean
}

const INT_BITS: Partial<Record<SchemaType, bigint>> = { INT8: 8n, INT16: 16n, INT32: 32n, INT64: 64n }

// ---- Connect → JSON text -------------------------------------------------------------------

export function valueToJsonText(schema: Schema | null, value: unknown, opts: ValueCodecOptions): string {
  if (value === null || value === undefined) {
    if (schema === null) return 'null'
    if (opts.replaceNullWithDefault && schema.defaultValue !== null) return valueToJsonText(schema, schema.defaultValue, opts)
    if (schema.optional) return 'null'
    throw new DataError('Conversion error: null value for field that is required and has no default value')
  }
  if (schema !== null && schema.name !== null) {
    switch (schema.name) {
      case LogicalName.DECIMAL:
        if (!(value instanceof BigDecimal)) throw new DataError(`Invalid type for Decimal, expected BigDecimal but was ${describeJavaClass(value, schema)}`)
        return opts.decimalNumeric ? value.toString() : quoteJson(base64(Decimal.fromLogical(schema, value)))
      case LogicalName.DATE:
        return String(ConnectDate.fromLogical(schema, expectDate(value, 'Date', schema)))
      case LogicalName.TIME:
        return String(ConnectTime.fromLogical(schema, expectDate(value, 'Time', schema)))
      case LogicalName.TIMESTAMP:
        return String(ConnectTimestamp.fromLogical(schema, expectDate(value, 'Timestamp', schema)))
      default:
    }
  }
  const type = schema?.type ?? inferType(value)
  const wrongType = (): DataError => new DataError(`Invalid type for ${schema ? schema.type : 'unknown schema'}: ${describeJavaClass(value, schema)}`)
  switch (type) {
    case 'INT8':
    case 'INT16':
    case 'INT32':
    case 'INT64':
      if (typeof value === 'bigint') return value.toString()
      if (typeof value !== 'number' || !Number.isInteger(value)) throw wrongType()
      return Math.abs(value) < 1e21 ? BigInt(value).toString() : formatJavaDouble(value)
    case 'FLOAT32':
      if (typeof value !== 'number') throw wrongType()
      return Number.isFinite(value) ? formatJavaFloat(value) : quoteJson(formatJavaFloat(value))
    case 'FLOAT64':
      if (typeof value !== 'number') throw wrongType()
      return Number.isFinite(value) ? formatJavaDouble(value) : quoteJson(formatJavaDouble(value))
    case 'BOOLEAN':
      if (typeof value !== 'boolean') throw wrongType()
      return value ? 'true' : 'false'
    case 'STRING':
      if (typeof value !== 'string') throw wrongType()
      return quoteJson(value)
    case 'BYTES':
      if (!(value instanceof Uint8Array)) throw new DataError(`Invalid type for bytes type: ${describeJavaClass(value)}`)
      return quoteJson(base64(value))
    case 'ARRAY': {
      if (!Array.isArray(value)) throw wrongType()
      const elem = schema?.valueSchema ?? null
      return `[${value.map((v) => valueToJsonText(elem, v, opts)).join(',')}]`
    }
    case 'MAP': {
      if (!isMapValue(value)) throw wrongType()
      const entries = mapEntries(value)
      const keySchema = schema?.keySchema ?? null
      const valueSchema = schema?.valueSchema ?? null
      const objectMode = schema === null ? entries.every(([k]) => typeof k === 'string') : keySchema?.type === 'STRING'
      if (objectMode) {
        return `{${entries.map(([k, v]) => `${quoteJson(String(k))}:${valueToJsonText(valueSchema, v, opts)}`).join(',')}}`
      }
      return `[${entries.map(([k, v]) => `[${valueToJsonText(keySchema, k, opts)},${valueToJsonText(valueSchema, v, opts)}]`).join(',')}]`
    }
    case 'STRUCT': {
      if (!(value instanceof Struct)) throw wrongType()
      const structSchema = schema ?? value.schema
      if (!value.schema.equals(structSchema)) throw new DataError('Mismatching schema.')
      const fields = structSchema.fields.map((f) => {
        const v = opts.replaceNullWithDefault ? value.get(f) : value.getWithoutDefault(f)
        return `${quoteJson(f.name)}:${valueToJsonText(f.schema, v, opts)}`
      })
      return `{${fields.join(',')}}`
    }
  }
}

function inferType(value: unknown): SchemaType {
  if (typeof value === 'number') return isLongValue(value) ? 'INT64' : 'FLOAT64'
  if (typeof value === 'bigint') return 'INT64'
  if (typeof value === 'boolean') return 'BOOLEAN'
  if (typeof value === 'string') return 'STRING'
  if (value instanceof Uint8Array) return 'BYTES'
  if (Array.isArray(value)) return 'ARRAY'
  if (value instanceof Struct) return 'STRUCT'
  if (isMapValue(value)) return 'MAP'
  throw new DataError(`Java class ${describeJavaClass(value)} does not have corresponding schema type.`)
}

function expectDate(value: unknown, what: string, schema: Schema): Date {
  if (!(value instanceof Date)) throw new DataError(`Invalid type for ${what}, expected Date but was ${describeJavaClass(value, schema)}`)
  return value
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
}

// ---- JSON → Connect ------------------------------------------------------------------------

export function jsonToValue(schema: Schema | null, node: JsonNode | undefined, opts: ValueCodecOptions): unknown {
  if (schema === null) return inferValue(node)
  if (node === null || node === undefined) {
    if (opts.replaceNullWithDefault && schema.defaultValue !== null) return schema.defaultValue
    if (schema.optional) return null
    throw new DataError(`Invalid null value for required ${schema.type} field`)
  }
  switch (schema.name) {
    case LogicalName.DECIMAL:
      return readDecimal(schema, node)
    case LogicalName.DATE:
      return ConnectDate.toLogical(schema, Number(readInteger(schema, node, 'Date', 'int32')))
    case LogicalName.TIME:
      return ConnectTime.toLogical(schema, Number(readInteger(schema, node, 'Time', 'int32')))
    case LogicalName.TIMESTAMP:
      return ConnectTimestamp.toLogical(schema, readInteger(schema, node, 'Timestamp', 'int64'))
    default:
  }
  const mismatch = (): DataError => new DataError(`Invalid value for ${schema.type} field: found JSON ${nodeTypeName(node)}`)
  switch (schema.type) {
    case 'BOOLEAN':
      if (typeof node !== 'boolean') throw mismatch()
      return node
    case 'INT8':
    case 'INT16':
    case 'INT32':
    case 'INT64': {
      if (typeof node === 'number') return wrapInteger(BigInt(Math.trunc(node)), schema.type)
      if (node instanceof ExactNumber) return wrapInteger(integerPart(node.text), schema.type)
      throw mismatch()
    }
    case 'FLOAT32':
    case 'FLOAT64': {
      const n = typeof node === 'number' ? node : node instanceof ExactNumber ? Number(node.text) : NaN
      if (typeof node !== 'number' && !(node instanceof ExactNumber)) throw mismatch()
      return schema.type === 'FLOAT32' ? Math.fround(n) : n
    }
    case 'STRING':
      if (typeof node !== 'string') throw mismatch()
      return node
    case 'BYTES':
      if (typeof node !== 'string') throw new DataError('Invalid bytes field')
      return Buffer.from(node, 'base64')
    case 'ARRAY':
      if (!Array.isArray(node)) throw mismatch()
      return node.map((n) => jsonToValue(schema.valueSchema, n, opts))
    case 'MAP':
      return readMap(schema, node, opts)
    case 'STRUCT': {
      if (!isJsonObject(node)) throw new DataError(`Structs should be encoded as JSON objects, but found ${nodeTypeName(node)}`)
      const struct = new Struct(schema)
      for (const f of schema.fields) struct.put(f, jsonToValue(f.schema, Object.hasOwn(node, f.name) ? node[f.name] : undefined, opts))
      return struct
    }
  }
}

function inferValue(node: JsonNode | undefined): unknown {
  if (node === null || node === undefined) return null
  if (node instanceof ExactNumber) {
    if (!node.isIntegral) return Number(node.text)
    return wrapInteger(BigInt(node.text), 'INT64') // Jackson's longValue(): the low 64 bits
  }
  if (Array.isArray(node)) return node.map(inferValue)
  if (isJsonObject(node)) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(node)) {
      Object.defineProperty(out, k, { value: inferValue(v), enumerable: true, writable: true, configurable: true })
    }
    return out
  }
  return node
}

function readMap(schema: Schema, node: JsonNode, opts: ValueCodecOptions): unknown {
  const keySchema = schema.keySchema!
  const valueSchema = schema.valueSchema
  if (keySchema.type === 'STRING') {
    if (!isJsonObject(node)) throw new DataError(`Maps with string fields should be encoded as JSON objects, but found ${nodeTypeName(node)}`)
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(node)) {
      Object.defineProperty(out, k, { value: jsonToValue(valueSchema, v, opts), enumerable: true, writable: true, configurable: true })
    }
    return out
  }
  if (!Array.isArray(node)) throw new DataError(`Maps with non-string fields should be encoded as JSON array of tuples, but found ${nodeTypeName(node)}`)
  const out = new Map<unknown, unknown>()
  for (const entry of node) {
    if (!Array.isArray(entry)) throw new DataError(`Found invalid map entry instead of array tuple: ${nodeTypeName(entry)}`)
    if (entry.length !== 2) throw new DataError(`Found invalid map entry, expected length 2 but found :${entry.length}`)
    out.set(jsonToValue(keySchema, entry[0], opts), jsonToValue(valueSchema, entry[1], opts))
  }
  return out
}

function readDecimal(schema: Schema, node: JsonNode): BigDecimal {
  let value: BigDecimal
  if (typeof node === 'number') value = BigDecimal.fromNumber(node)
  else if (node instanceof ExactNumber) value = BigDecimal.parse(node.text)
  else if (typeof node === 'string') {
    try {
      return Decimal.toLogical(schema, Buffer.from(node, 'base64'))
    } catch (err) {
      throw new DataError('Invalid bytes for Decimal field', { cause: err })
    }
  } else {
    throw new DataError(`Invalid type for Decimal, underlying representation should be numeric or bytes but was ${nodeTypeName(node)}`)
  }
  // keep the schema's scale when that loses nothing, so the value re-serializes unchanged
  try {
    return value.setScale(Decimal.scale(schema))
  } catch {
    return value
  }
}

function readInteger(schema: Schema, node: JsonNode, what: string, repr: string): bigint | number {
  if (typeof node === 'number' && Number.isInteger(node)) return node
  if (node instanceof ExactNumber && node.isIntegral) return BigInt(node.text)
  throw new DataError(`Invalid type for ${what}, underlying representation should be ${repr} but was ${nodeTypeName(node)}`)
}

function integerPart(text: string): bigint {
  if (/^-?\d+$/.test(text)) return BigInt(text)
  const d = BigDecimal.parse(text)
  if (d.scale <= 0) return d.unscaled * 10n ** BigInt(-d.scale)
  return d.unscaled / 10n ** BigInt(d.scale)
}

/** Java's narrowing cast of an integer to the schema's width; int64 past 2^53 stays a bigint. */
function wrapInteger(n: bigint, type: SchemaType): number | bigint {
  const wrapped = BigInt.asIntN(Number(INT_BITS[type]), n)
  if (type !== 'INT64') return Number(wrapped)
  return wrapped >= BigInt(Number.MIN_SAFE_INTEGER) && wrapped <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(wrapped) : wrapped
}
