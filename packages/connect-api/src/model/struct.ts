// A STRUCT value: values held by field index, checked against the schema on put and validate().
import type { Schema, Field } from './schema.ts'
import { validateValue } from './validate-value.ts'
import { valuesEqual } from './values-equal.ts'
import { javaToString } from './java-to-string.ts'
import { DataError } from '../errors.ts'

export class Struct {
  readonly schema: Schema
  readonly #values: unknown[]

  constructor(schema: Schema) {
    if (schema.type !== 'STRUCT') throw new DataError('Not a struct schema: ' + schema.toString())
    this.schema = schema
    this.#values = new Array(schema.fields.length).fill(null)
  }

  /** The field's value, or the field schema's default when the value is null. */
  get(field: string | Field): unknown {
    const f = this.#lookup(field)
    const v = this.#values[f.index]
    return v === null && f.schema.defaultValue !== null ? f.schema.defaultValue : v
  }

  /** The raw value, never the default. */
  getWithoutDefault(field: string | Field): unknown {
    return this.#values[this.#lookup(field).index]
  }

  /** Sets a field after validating the value against the field schema; returns this for chaining. */
  put(field: string | Field, value: unknown): this {
    const f = this.#lookup(field)
    validateValue(f.schema, value, f)
    this.#values[f.index] = value ?? null
    return this
  }

  /** Every field's value fits its schema (null only where optional or defaulted). */
  validate(): void {
    for (const f of this.schema.fields) {
      const v = this.#values[f.index]
      validateValue(f.schema, v === null && f.schema.defaultValue !== null ? f.schema.defaultValue : v, f)
    }
  }

  equals(other: unknown): boolean {
    if (this === other) return true
    if (!(other instanceof Struct) || !this.schema.equals(other.schema)) return false
    return this.schema.fields.every((f) => valuesEqual(this.#values[f.index], other.#values[f.index]))
  }

  /** Kafka's form: only non-null fields, `Struct{a=1,b=x}`. */
  toString(): string {
    const parts = this.schema.fields
      .filter((f) => this.#values[f.index] !== null)
      .map((f) => `${f.name}=${javaToString(this.#values[f.index], f.schema)}`)
    return `Struct{${parts.join(',')}}`
  }

  #lookup(field: string | Field): Field {
    if (typeof field !== 'string') {
      if (this.schema.fields[field.index] !== field && !this.schema.fields[field.index]?.equals(field)) {
        throw new DataError(`${field.name} is not a valid field name`)
      }
      return field
    }
    const f = this.schema.field(field)
    if (f === undefined) throw new DataError(`${field} is not a valid field name`)
    return f
  }
}
