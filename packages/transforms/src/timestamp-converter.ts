// TimestampConverter$Key / $Value: converts a timestamp (the whole key/value, or `field`) between
// string (SimpleDateFormat `format`, UTC), unix (long in `unix.precision`), Date, Time and Timestamp.
import {
  AbstractConfig, ConfigDef, ConfigError, ConnectError, DataError, Schema, SchemaBuilder, Struct, ValidString, LogicalName,
  ConnectDate, ConnectTime, ConnectTimestamp, mapEntries, mapFromEntries, mapGet, describeJavaClass, isLongValue,
} from '@tributary/connect-api'
import type { ConnectRecord, Transformation } from '@tributary/connect-api'
import { KEY, VALUE } from './util/record-part.ts'
import type { RecordPart } from './util/record-part.ts'
import { requireMap, requireStructOrNull } from './util/requirements.ts'
import { SchemaUpdateCache } from './util/schema-update-cache.ts'
import { withReplaceNullWithDefault, REPLACE_NULL_WITH_DEFAULT } from './util/common-config.ts'
import { SimpleDateFormat } from './util/simple-date-format.ts'
import { JavaException } from './util/java-exception.ts'

const PURPOSE = 'converting timestamp formats'
const MS_PER_DAY = 86_400_000
const TYPES = ['string', 'unix', 'Date', 'Time', 'Timestamp'] as const
type TimestampKind = (typeof TYPES)[number]
const PRECISIONS = ['nanoseconds', 'microseconds', 'milliseconds', 'seconds'] as const
type Precision = (typeof PRECISIONS)[number]

export const TIMESTAMP_CONVERTER_CONFIG_DEF = withReplaceNullWithDefault(new ConfigDef()
  .define({ name: 'field', type: 'STRING', defaultValue: '', importance: 'HIGH', documentation: 'The field containing the timestamp, or empty if the entire value is a timestamp.' })
  .define({ name: 'target.type', type: 'STRING', validator: ValidString.in(...TYPES), importance: 'HIGH', documentation: 'The desired timestamp representation: string, unix, Date, Time, or Timestamp.' })
  .define({ name: 'format', type: 'STRING', defaultValue: '', importance: 'MEDIUM', documentation: 'A SimpleDateFormat-compatible pattern (UTC) for target.type=string, also used to parse string inputs.' })
  .define({
    name: 'unix.precision', type: 'STRING', defaultValue: 'milliseconds', validator: ValidString.in(...PRECISIONS), importance: 'LOW',
    documentation: 'The precision of unix timestamps read or written: seconds, milliseconds, microseconds or nanoseconds.',
  }))

interface Settings {
  field: string
  type: TimestampKind
  format: SimpleDateFormat | null
  precision: Precision
  replaceNull: boolean
}

export abstract class TimestampConverter implements Transformation {
  static readonly Key = class TimestampConverterKey extends TimestampConverter { constructor() { super(KEY) } }
  static readonly Value = class TimestampConverterValue extends TimestampConverter { constructor() { super(VALUE) } }

  readonly #part: RecordPart
  #s: Settings = { field: '', type: 'Timestamp', format: null, precision: 'milliseconds', replaceNull: true }
  #cache = new SchemaUpdateCache()

  constructor(part: RecordPart) {
    this.#part = part
  }

  configure(props: Readonly<Record<string, unknown>>): void {
    const config = new AbstractConfig(TIMESTAMP_CONVERTER_CONFIG_DEF, props)
    const type = config.getString('target.type') as TimestampKind
    const pattern = config.getString('format')!
    if (type === 'string' && pattern.trim() === '') {
      throw new ConfigError('TimestampConverter requires format option to be specified when using string timestamps')
    }
    let format: SimpleDateFormat | null = null
    if (pattern.trim() !== '') {
      try {
        format = new SimpleDateFormat(pattern)
      } catch (err) {
        throw new ConfigError(`TimestampConverter requires a SimpleDateFormat-compatible pattern for string timestamps: ${pattern}`, { cause: err })
      }
    }
    this.#s = { field: config.getString('field')!, type, format, precision: config.getString('unix.precision') as Precision, replaceNull: config.getBoolean(REPLACE_NULL_WITH_DEFAULT)! }
    this.#cache = new SchemaUpdateCache()
  }

  apply<T extends ConnectRecord>(record: T): T {
    const schema = this.#part.schema(record)
    const value = this.#part.value(record)
    const { field } = this.#s
    if (schema === null) {
      if (value === null || field === '') return this.#part.newRecord(record, null, this.#convert(value, inferKind(value)))
      const map = requireMap(value, PURPOSE)
      const out = new Map(mapEntries(map))
      const fv = mapGet(map, field) ?? null
      out.set(field, this.#convert(fv, inferKind(fv)))
      return this.#part.newRecord(record, null, mapFromEntries(out, map))
    }
    if (field === '') return this.#part.newRecord(record, this.#targetSchema(schema.optional), this.#convert(value, kindOf(schema)))
    const struct = requireStructOrNull(value, PURPOSE, schema)
    const updatedSchema = this.#cache.getOrBuild(schema, (s) => this.#buildSchema(s))
    return this.#part.newRecord(record, updatedSchema, this.#convertStruct(struct, updatedSchema))
  }

  #buildSchema(schema: Schema): Schema {
    if (schema.type !== 'STRUCT') throw new DataError('Cannot list fields on non-struct type')
    const builder = SchemaBuilder.copyBasics(schema, SchemaBuilder.struct())
    for (const f of schema.fields) builder.field(f.name, f.name === this.#s.field ? this.#targetSchema(f.schema.optional) : f.schema)
    if (schema.optional) builder.optional()
    if (schema.defaultValue !== null) builder.defaultValue(this.#convertStruct(schema.defaultValue as Struct, builder.build()))
    return builder.build()
  }

  #convertStruct(struct: Struct | null, schema: Schema): Struct | null {
    if (struct === null) return null
    const out = new Struct(schema)
    for (const f of struct.schema.fields) {
      const v = this.#s.replaceNull ? struct.get(f) : struct.getWithoutDefault(f)
      out.put(f.name, f.name === this.#s.field ? this.#convert(v, kindOf(f.schema)) : v)
    }
    return out
  }

  #targetSchema(optional: boolean): Schema {
    switch (this.#s.type) {
      case 'string': return optional ? Schema.OPTIONAL_STRING_SCHEMA : Schema.STRING_SCHEMA
      case 'unix': return optional ? Schema.OPTIONAL_INT64_SCHEMA : Schema.INT64_SCHEMA
      case 'Date': return optional ? ConnectDate.builder().optional().build() : ConnectDate.SCHEMA
      case 'Time': return optional ? ConnectTime.builder().optional().build() : ConnectTime.SCHEMA
      case 'Timestamp': return optional ? ConnectTimestamp.builder().optional().build() : ConnectTimestamp.SCHEMA
    }
  }

  #convert(value: unknown, kind: TimestampKind | null): unknown {
    if (value === null || value === undefined) return null
    const ms = this.#toMillis(value, kind!)
    switch (this.#s.type) {
      case 'string': return this.#s.format!.formatMillis(ms)
      case 'unix': return fromMillis(ms, this.#s.precision)
      case 'Date': return new Date(ms - mod(ms, MS_PER_DAY))
      case 'Time': return new Date(mod(ms, MS_PER_DAY))
      case 'Timestamp': return new Date(ms)
    }
  }

  #toMillis(value: unknown, kind: TimestampKind): number {
    switch (kind) {
      case 'string': {
        const text = value as string
        if (this.#s.format === null) {
          throw new JavaException('java.lang.NullPointerException', 'Cannot invoke "java.text.SimpleDateFormat.parse(String)" because "config.format" is null')
        }
        const parsed = this.#s.format.parse(text)
        if (parsed === null) throw new DataError(`Could not parse timestamp: value (${text}) does not match pattern (${this.#s.format?.pattern ?? ''})`)
        return parsed.getTime()
      }
      case 'unix': return toMillis(value as number | bigint, this.#s.precision)
      default:
        if (!(value instanceof Date)) throw new DataError(`Expected ${kind} to be a java.util.Date, but found ${describeJavaClass(value)}`)
        return value.getTime()
    }
  }

  config(): ConfigDef {
    return TIMESTAMP_CONVERTER_CONFIG_DEF
  }

  close(): void {}
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b
}

function inferKind(value: unknown): TimestampKind | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return 'Timestamp'
  if (typeof value === 'bigint' || (typeof value === 'number' && isLongValue(value))) return 'unix' // a Long
  if (typeof value === 'string') return 'string'
  throw new DataError(`TimestampConverter does not support ${describeJavaClass(value)} objects as timestamps`)
}

function kindOf(schema: Schema): TimestampKind {
  switch (schema.name) {
    case LogicalName.TIMESTAMP: return 'Timestamp'
    case LogicalName.DATE: return 'Date'
    case LogicalName.TIME: return 'Time'
    default:
  }
  if (schema.type === 'STRING') return 'string'
  if (schema.type === 'INT64') return 'unix'
  throw new ConnectError(`Schema ${schema.toString()} does not correspond to a known timestamp type format`)
}

/** TimeUnit conversions truncate toward zero, as Java's do. */
function toMillis(value: number | bigint, precision: Precision): number {
  const v = BigInt(value)
  switch (precision) {
    case 'seconds': return Number(v * 1000n)
    case 'microseconds': return Number(v / 1000n)
    case 'nanoseconds': return Number(v / 1_000_000n)
    default: return Number(v)
  }
}

function fromMillis(ms: number, precision: Precision): number | bigint {
  const v = BigInt(ms)
  switch (precision) {
    case 'seconds': return Number(v / 1000n)
    case 'microseconds': return Number(v * 1000n)
    case 'nanoseconds': {
      const n = v * 1_000_000n
      return n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(n) : n
    }
    default: return ms
  }
}
