// Kafka's Values: the string form of any Connect value (headers, Cast to string) and the
// inference of a schema and value from a string (SimpleHeaderConverter, InsertHeader).
import { Schema } from './schema.ts'
import { SchemaBuilder } from './schema-builder.ts'
import { Struct } from './struct.ts'
import { BigDecimal } from './big-decimal.ts'
import { Decimal, ConnectDate, ConnectTime, ConnectTimestamp } from './logical-types.ts'
import { isMapValue, mapEntries, mapFromEntries } from './map-value.ts'
import { formatJavaDouble, formatJavaFloat, isLongValue } from './java-number-format.ts'
import { javaCalendarFields } from './java-calendar.ts'
import { DataError } from '../errors.ts'
import type { SchemaAndValue } from '../storage/converter.ts'

const MS_PER_DAY = 86_400_000
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/
const TIME_RE = /^\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/
const NULL_SV: SchemaAndValue = Object.freeze({ schema: null, value: null })

/** Kafka's Values.dateFormatFor: time-of-day, date or timestamp, chosen by the value (quirks included). */
export function formatDateValue(value: Date): string {
  const ms = value.getTime()
  const f = javaCalendarFields(ms)
  const p = (n: number, w = 2): string => String(n).padStart(w, '0')
  const date = `${p(f.yearOfEra, 4)}-${p(f.month + 1)}-${p(f.day)}`
  const time = `${p(f.hour)}:${p(f.minute)}:${p(f.second)}.${p(f.millis, 3)}Z`
  // Kafka's Values.dateFormatFor tests only `< one day`, so every instant before 1970 prints as a time
  if (ms < MS_PER_DAY) return time
  if (ms % MS_PER_DAY === 0) return date
  return `${date}T${time}`
}

/** Kafka's Values.convertToString: null stays null, nested strings are quoted. */
export function convertToString(schema: Schema | null, value: unknown): string | null {
  if (value === null || value === undefined) return null
  return append(schema, value, false)
}

function append(schema: Schema | null, value: unknown, embedded: boolean): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return embedded ? quote(value) : value
  if (typeof value === 'number') {
    if (schema?.type === 'FLOAT32') return formatJavaFloat(value)
    if (schema?.type === 'FLOAT64' || (schema === null && !isLongValue(value))) return formatJavaDouble(value)
    return String(value)
  }
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  if (value instanceof Date) return formatDateValue(value)
  if (value instanceof BigDecimal) return value.toString()
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')
  if (Array.isArray(value)) return `[${value.map((v) => append(schema?.valueSchema ?? null, v, true)).join(',')}]`
  if (value instanceof Struct) {
    return `{${value.schema.fields.map((f) => `${quote(f.name)}:${append(f.schema, value.get(f), true)}`).join(',')}}`
  }
  if (isMapValue(value)) {
    const parts = mapEntries(value).map(([k, v]) => `${append(schema?.keySchema ?? null, k, true)}:${append(schema?.valueSchema ?? null, v, true)}`)
    return `{${parts.join(',')}}`
  }
  return String(value)
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

/** Kafka's Values.parseString: infers boolean, the smallest integer type, float, decimal, date/time, array, map, else string. */
export function parseString(text: string | null): SchemaAndValue {
  if (text === null || text === undefined) return NULL_SV
  if (text === '') return { schema: Schema.STRING_SCHEMA, value: '' }
  const trimmed = text.trim()
  if (trimmed === '') return { schema: Schema.STRING_SCHEMA, value: text }
  const first = trimmed[0]
  if (first === '[' || first === '{') {
    try {
      const p = new EmbeddedParser(trimmed)
      const result = p.parseValue()
      if (p.atEnd()) return result
    } catch {
      // not a well-formed array/map: it is a string
    }
    return { schema: Schema.STRING_SCHEMA, value: text }
  }
  const whole = parseScalar(trimmed, false)
  if (whole !== null) return whole
  return parseLeadingToken(trimmed) ?? { schema: Schema.STRING_SCHEMA, value: text }
}

const DELIMITERS = /[[\]{},:"]/
const LEADING_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z/
const LEADING_TIME = /^(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z/
const LENIENT_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Kafka's parser reads a value as a stream of tokens split at `[ ] { } , : "` and, at top level,
 * keeps only the first value it recognises: "1,2" is the int8 1, "10:30" is 10, a timestamp followed
 * by more text is that timestamp. Dates are read leniently (2024-13-45 is 2025-02-14), as
 * SimpleDateFormat does. We reproduce that so header values convert exactly as Kafka's do.
 */
function parseLeadingToken(text: string): SchemaAndValue | null {
  if (!/^[\d+-]/.test(text)) return null
  let m = LEADING_TIMESTAMP.exec(text)
  if (m) {
    const [y, mo, d, h, mi, sec, ms] = m.slice(1).map(Number)
    return { schema: ConnectTimestamp.SCHEMA, value: new Date(Date.UTC(y, mo - 1, d, h, mi, sec, ms)) }
  }
  m = LEADING_TIME.exec(text)
  if (m) {
    const [h, mi, sec, ms] = m.slice(1).map(Number)
    return { schema: ConnectTime.SCHEMA, value: new Date(Date.UTC(1970, 0, 1, h, mi, sec, ms)) }
  }
  const end = text.search(DELIMITERS)
  const token = (end === -1 ? text : text.slice(0, end)).trim()
  m = LENIENT_DATE.exec(token)
  if (m) return { schema: ConnectDate.SCHEMA, value: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) }
  return NUMBER_RE.test(token) ? parseNumber(token) : null
}

function parseScalar(token: string, embedded: boolean): SchemaAndValue | null {
  if (token === 'true') return { schema: Schema.BOOLEAN_SCHEMA, value: true }
  if (token === 'false') return { schema: Schema.BOOLEAN_SCHEMA, value: false }
  if (token === 'null') return NULL_SV
  if (TIMESTAMP_RE.test(token) || DATE_RE.test(token) || TIME_RE.test(token)) return parseLeadingToken(token)!
  if (NUMBER_RE.test(token)) return parseNumber(token)
  if (embedded) throw new DataError('Failed to parse embedded value')
  return null
}

function parseNumber(token: string): SchemaAndValue {
  const decimal = BigDecimal.parse(token)
  const integral = integralValue(decimal)
  if (integral !== null) {
    if (integral >= -128n && integral <= 127n) return { schema: Schema.INT8_SCHEMA, value: Number(integral) }
    if (integral >= -32768n && integral <= 32767n) return { schema: Schema.INT16_SCHEMA, value: Number(integral) }
    if (integral >= -2147483648n && integral <= 2147483647n) return { schema: Schema.INT32_SCHEMA, value: Number(integral) }
    if (integral >= -(2n ** 63n) && integral < 2n ** 63n) {
      const safe = integral >= BigInt(Number.MIN_SAFE_INTEGER) && integral <= BigInt(Number.MAX_SAFE_INTEGER)
      return { schema: Schema.INT64_SCHEMA, value: safe ? Number(integral) : integral }
    }
  }
  const n = Number(token)
  if (decimal.scale !== 0 && Number.isFinite(Math.fround(n))) return { schema: Schema.FLOAT32_SCHEMA, value: Math.fround(n) }
  if (decimal.scale !== 0 && Number.isFinite(n)) return { schema: Schema.FLOAT64_SCHEMA, value: n }
  return { schema: Decimal.schema(decimal.scale), value: decimal }
}

/** The integer value when there is no fraction; never expands huge exponents (KAFKA-17792). */
function integralValue(d: BigDecimal): bigint | null {
  if (d.unscaled === 0n) return 0n
  if (d.scale < -19) return null // at least 10^19: beyond int64 anyway
  if (d.scale <= 0) return d.unscaled * 10n ** BigInt(-d.scale)
  const digits = (d.unscaled < 0n ? -d.unscaled : d.unscaled).toString().length
  if (d.scale >= digits) return null // |value| < 1 and not zero
  const div = 10n ** BigInt(d.scale)
  return d.unscaled % div === 0n ? d.unscaled / div : null
}

const NUMERIC_ORDER = ['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64']

/** The schema all elements share (numbers widen), or null when they differ. */
function commonSchema(schemas: Array<Schema | null>): Schema | null {
  let common: Schema | null = null
  for (const s of schemas) {
    if (s === null) continue
    if (common === null || common.equals(s)) common = common ?? s
    else if (NUMERIC_ORDER.includes(common.type) && NUMERIC_ORDER.includes(s.type) && common.name === null && s.name === null) {
      common = NUMERIC_ORDER.indexOf(s.type) > NUMERIC_ORDER.indexOf(common.type) ? s : common
    } else return null
  }
  return common
}

class EmbeddedParser {
  readonly #text: string
  #pos = 0

  constructor(text: string) {
    this.#text = text
  }

  atEnd(): boolean {
    this.#skipWs()
    return this.#pos >= this.#text.length
  }

  parseValue(stops = ',]}'): SchemaAndValue {
    this.#skipWs()
    const c = this.#text[this.#pos]
    if (c === '"') return { schema: Schema.STRING_SCHEMA, value: this.#quoted() }
    if (c === '[') return this.#array()
    if (c === '{') return this.#map()
    let end = this.#pos
    while (end < this.#text.length && !stops.includes(this.#text[end])) end++
    const token = this.#text.slice(this.#pos, end).trim()
    if (token === '') throw new DataError('Unable to parse an empty element')
    this.#pos = end
    return parseScalar(token, true)!
  }

  #array(): SchemaAndValue {
    this.#pos++
    const items: SchemaAndValue[] = []
    if (this.#consume(']')) return { schema: arrayOf(null), value: [] }
    do items.push(this.parseValue())
    while (this.#consume(','))
    if (!this.#consume(']')) throw new DataError('Array is missing terminating \']\'')
    const element = commonSchema(items.map((i) => i.schema))
    return { schema: arrayOf(element), value: items.map((i) => i.value) }
  }

  #map(): SchemaAndValue {
    this.#pos++
    const entries: Array<[SchemaAndValue, SchemaAndValue]> = []
    if (!this.#consume('}')) {
      do {
        const key = this.parseValue(':')
        if (!this.#consume(':')) throw new DataError('Map entry is missing \':\'')
        entries.push([key, this.parseValue()])
      } while (this.#consume(','))
      if (!this.#consume('}')) throw new DataError('Map is missing terminating \'}\'')
    }
    const keySchema = commonSchema(entries.map(([k]) => k.schema))
    const valueSchema = commonSchema(entries.map(([, v]) => v.schema))
    const schema = keySchema && valueSchema ? SchemaBuilder.map(keySchema, valueSchema).build() : new Schema({ type: 'MAP' })
    const asMap = entries.some(([k]) => typeof k.value !== 'string')
    const value = mapFromEntries(entries.map(([k, v]) => [k.value, v.value]), asMap ? new Map() : undefined)
    return { schema, value }
  }

  #quoted(): string {
    let out = ''
    this.#pos++
    while (this.#pos < this.#text.length) {
      const c = this.#text[this.#pos++]
      if (c === '\\' && this.#pos < this.#text.length) out += this.#text[this.#pos++]
      else if (c === '"') return out
      else out += c
    }
    throw new DataError('Missing closing quote')
  }

  #consume(c: string): boolean {
    this.#skipWs()
    if (this.#text[this.#pos] !== c) return false
    this.#pos++
    return true
  }

  #skipWs(): void {
    while (this.#pos < this.#text.length && /\s/.test(this.#text[this.#pos])) this.#pos++
  }
}

function arrayOf(element: Schema | null): Schema {
  return element ? SchemaBuilder.array(element).build() : new Schema({ type: 'ARRAY' })
}
