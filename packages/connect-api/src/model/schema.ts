// Connect's Schema (Kafka's ConnectSchema): immutable, compared structurally. Build one with
// SchemaBuilder or use the predefined constants below.
import type { SchemaType } from './schema-type.ts'
import { DataError } from '../errors.ts'
import { valuesEqual } from './values-equal.ts'

export class Field {
  readonly name: string
  readonly index: number
  readonly schema: Schema
  constructor(name: string, index: number, schema: Schema) {
    this.name = name
    this.index = index
    this.schema = schema
  }

  equals(other: unknown): boolean {
    return other instanceof Field && other.name === this.name && other.index === this.index && this.schema.equals(other.schema)
  }

  toString(): string {
    return `Field{name=${this.name}, index=${this.index}, schema=${this.schema.toString()}}`
  }
}

export interface SchemaOptions {
  type: SchemaType
  optional?: boolean
  defaultValue?: unknown
  name?: string | null
  version?: number | null
  doc?: string | null
  parameters?: Readonly<Record<string, string>> | null
  /** STRUCT only, in order. */
  fields?: readonly Field[]
  /** MAP only. */
  keySchema?: Schema | null
  /** MAP and ARRAY. */
  valueSchema?: Schema | null
}

export class Schema {
  readonly type: SchemaType
  readonly optional: boolean
  /** The default value, or null when none. */
  readonly defaultValue: unknown
  readonly name: string | null
  readonly version: number | null
  readonly doc: string | null
  readonly parameters: Readonly<Record<string, string>> | null
  /** Struct fields in order; empty for every other type. */
  readonly fields: readonly Field[]
  readonly keySchema: Schema | null
  readonly valueSchema: Schema | null
  readonly #byName: ReadonlyMap<string, Field>

  constructor(options: SchemaOptions) {
    this.type = options.type
    this.optional = options.optional ?? false
    this.defaultValue = options.defaultValue ?? null
    this.name = options.name ?? null
    this.version = options.version ?? null
    this.doc = options.doc ?? null
    this.parameters = options.parameters ? Object.freeze({ ...options.parameters }) : null
    this.fields = Object.freeze([...(options.type === 'STRUCT' ? (options.fields ?? []) : [])])
    this.keySchema = options.type === 'MAP' ? (options.keySchema ?? null) : null
    this.valueSchema = options.type === 'MAP' || options.type === 'ARRAY' ? (options.valueSchema ?? null) : null
    this.#byName = new Map(this.fields.map((f) => [f.name, f]))
  }

  /** The named struct field, or undefined. Throws DataError on a non-struct schema, as Kafka does. */
  field(name: string): Field | undefined {
    if (this.type !== 'STRUCT') throw new DataError('Cannot look up fields on non-struct type')
    return this.#byName.get(name)
  }

  equals(other: unknown): boolean {
    if (this === other) return true
    if (!(other instanceof Schema)) return false
    return (
      this.type === other.type &&
      this.optional === other.optional &&
      this.name === other.name &&
      this.version === other.version &&
      this.doc === other.doc &&
      valuesEqual(this.defaultValue, other.defaultValue) &&
      parametersEqual(this.parameters, other.parameters) &&
      this.fields.length === other.fields.length &&
      this.fields.every((f, i) => f.equals(other.fields[i])) &&
      schemaOrNullEquals(this.keySchema, other.keySchema) &&
      schemaOrNullEquals(this.valueSchema, other.valueSchema)
    )
  }

  toString(): string {
    return this.name !== null ? `Schema{${this.name}:${this.type}}` : `Schema{${this.type}}`
  }

  static readonly INT8_SCHEMA = new Schema({ type: 'INT8' })
  static readonly INT16_SCHEMA = new Schema({ type: 'INT16' })
  static readonly INT32_SCHEMA = new Schema({ type: 'INT32' })
  static readonly INT64_SCHEMA = new Schema({ type: 'INT64' })
  static readonly FLOAT32_SCHEMA = new Schema({ type: 'FLOAT32' })
  static readonly FLOAT64_SCHEMA = new Schema({ type: 'FLOAT64' })
  static readonly BOOLEAN_SCHEMA = new Schema({ type: 'BOOLEAN' })
  static readonly STRING_SCHEMA = new Schema({ type: 'STRING' })
  static readonly BYTES_SCHEMA = new Schema({ type: 'BYTES' })
  static readonly OPTIONAL_INT8_SCHEMA = new Schema({ type: 'INT8', optional: true })
  static readonly OPTIONAL_INT16_SCHEMA = new Schema({ type: 'INT16', optional: true })
  static readonly OPTIONAL_INT32_SCHEMA = new Schema({ type: 'INT32', optional: true })
  static readonly OPTIONAL_INT64_SCHEMA = new Schema({ type: 'INT64', optional: true })
  static readonly OPTIONAL_FLOAT32_SCHEMA = new Schema({ type: 'FLOAT32', optional: true })
  static readonly OPTIONAL_FLOAT64_SCHEMA = new Schema({ type: 'FLOAT64', optional: true })
  static readonly OPTIONAL_BOOLEAN_SCHEMA = new Schema({ type: 'BOOLEAN', optional: true })
  static readonly OPTIONAL_STRING_SCHEMA = new Schema({ type: 'STRING', optional: true })
  static readonly OPTIONAL_BYTES_SCHEMA = new Schema({ type: 'BYTES', optional: true })
}

function schemaOrNullEquals(a: Schema | null, b: Schema | null): boolean {
  return a === null || b === null ? a === b : a.equals(b)
}

function parametersEqual(a: Readonly<Record<string, string>> | null, b: Readonly<Record<string, string>> | null): boolean {
  if (a === null || b === null) return a === b
  const ka = Object.keys(a)
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && a[k] === b[k])
}
