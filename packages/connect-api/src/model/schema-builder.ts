// Fluent schema construction (Kafka's SchemaBuilder). `build()` returns an immutable Schema.
import { Field, Schema } from './schema.ts'
import type { SchemaType } from './schema-type.ts'
import { isPrimitiveType } from './schema-type.ts'
import { validateValue } from './validate-value.ts'
import { DataError, SchemaBuilderError } from '../errors.ts'

export class SchemaBuilder {
  readonly type: SchemaType
  #optional = false
  #defaultValue: unknown = null
  #name: string | null = null
  #version: number | null = null
  #doc: string | null = null
  #parameters: Record<string, string> | null = null
  #fields: Field[] = []
  #keySchema: Schema | null = null
  #valueSchema: Schema | null = null

  constructor(type: SchemaType) {
    this.type = type
  }

  static int8(): SchemaBuilder { return new SchemaBuilder('INT8') }
  static int16(): SchemaBuilder { return new SchemaBuilder('INT16') }
  static int32(): SchemaBuilder { return new SchemaBuilder('INT32') }
  static int64(): SchemaBuilder { return new SchemaBuilder('INT64') }
  static float32(): SchemaBuilder { return new SchemaBuilder('FLOAT32') }
  static float64(): SchemaBuilder { return new SchemaBuilder('FLOAT64') }
  static bool(): SchemaBuilder { return new SchemaBuilder('BOOLEAN') }
  static string(): SchemaBuilder { return new SchemaBuilder('STRING') }
  static bytes(): SchemaBuilder { return new SchemaBuilder('BYTES') }
  static struct(): SchemaBuilder { return new SchemaBuilder('STRUCT') }

  static array(valueSchema: Schema): SchemaBuilder {
    const b = new SchemaBuilder('ARRAY')
    b.#valueSchema = valueSchema
    return b
  }

  static map(keySchema: Schema, valueSchema: Schema): SchemaBuilder {
    const b = new SchemaBuilder('MAP')
    b.#keySchema = keySchema
    b.#valueSchema = valueSchema
    return b
  }

  static type(type: SchemaType): SchemaBuilder {
    return new SchemaBuilder(type)
  }

  /** A builder pre-filled with every attribute of `schema` except fields (SchemaUtil.copySchemaBasics). */
  static copyBasics(schema: Schema, into?: SchemaBuilder): SchemaBuilder {
    const b = into ?? new SchemaBuilder(schema.type)
    if (into === undefined) {
      b.#keySchema = schema.keySchema
      b.#valueSchema = schema.valueSchema
    }
    b.#name = schema.name
    b.#version = schema.version
    b.#doc = schema.doc
    if (schema.parameters) b.#parameters = { ...schema.parameters }
    return b
  }

  get isOptional(): boolean { return this.#optional }
  get fields(): readonly Field[] { return this.#fields }

  optional(): this { this.#optional = true; return this }
  required(): this { this.#optional = false; return this }

  defaultValue(value: unknown): this {
    this.#checkCanSet('default', this.#defaultValue, value)
    try {
      validateValue(this.#snapshot(), value)
    } catch (err) {
      throw new SchemaBuilderError('Invalid default value', { cause: err })
    }
    this.#defaultValue = value
    return this
  }

  name(name: string): this { this.#checkCanSet('name', this.#name, name); this.#name = name; return this }
  version(version: number): this { this.#checkCanSet('version', this.#version, version); this.#version = version; return this }
  doc(doc: string): this { this.#checkCanSet('doc', this.#doc, doc); this.#doc = doc; return this }

  parameter(name: string, value: string): this {
    this.#parameters ??= {}
    this.#parameters[name] = value
    return this
  }

  parameters(params: Readonly<Record<string, string>>): this {
    this.#parameters = { ...(this.#parameters ?? {}), ...params }
    return this
  }

  field(name: string, schema: Schema): this {
    if (this.type !== 'STRUCT') throw new SchemaBuilderError('Cannot create fields on type ' + this.type)
    if (name === null || name === undefined || name === '') throw new SchemaBuilderError('fieldName cannot be null.')
    if (schema === null || schema === undefined) throw new SchemaBuilderError('fieldSchema for field ' + name + ' cannot be null.')
    if (this.#fields.some((f) => f.name === name)) throw new SchemaBuilderError('Cannot create field because of field name duplication ' + name)
    this.#fields.push(new Field(name, this.#fields.length, schema))
    return this
  }

  build(): Schema {
    return this.#snapshot()
  }

  #snapshot(): Schema {
    if (!isPrimitiveType(this.type) && this.type !== 'STRUCT' && this.#valueSchema === null) {
      throw new DataError(`${this.type} schema requires a value schema`)
    }
    return new Schema({
      type: this.type,
      optional: this.#optional,
      defaultValue: this.#defaultValue,
      name: this.#name,
      version: this.#version,
      doc: this.#doc,
      parameters: this.#parameters,
      fields: this.#fields,
      keySchema: this.#keySchema,
      valueSchema: this.#valueSchema,
    })
  }

  #checkCanSet(what: string, current: unknown, next: unknown): void {
    if (current !== null && current !== next) {
      throw new SchemaBuilderError(`Invalid SchemaBuilder call: ${what} has already been set.`)
    }
  }
}
