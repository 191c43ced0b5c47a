// SetSchemaMetadata$Key / $Value: replaces the schema's name and/or version, keeping everything
// else; a Struct value is rebuilt against the new schema. Requires a schema (unless the key/value
// and its schema are both null).
import { AbstractConfig, ConfigDef, ConfigError, DataError, Schema, Struct } from '@tributary/connect-api'
import type { ConnectRecord, Transformation } from '@tributary/connect-api'
import { KEY, VALUE } from './util/record-part.ts'
import type { RecordPart } from './util/record-part.ts'
import { requireSchema } from './util/requirements.ts'
import { withReplaceNullWithDefault, REPLACE_NULL_WITH_DEFAULT } from './util/common-config.ts'

export const SET_SCHEMA_METADATA_CONFIG_DEF = withReplaceNullWithDefault(new ConfigDef()
  .define({ name: 'schema.name', type: 'STRING', defaultValue: null, importance: 'HIGH', documentation: 'Schema name to set.' })
  .define({ name: 'schema.version', type: 'INT', defaultValue: null, importance: 'HIGH', documentation: 'Schema version to set.' }))

export abstract class SetSchemaMetadata implements Transformation {
  static readonly Key = class SetSchemaMetadataKey extends SetSchemaMetadata { constructor() { super(KEY) } }
  static readonly Value = class SetSchemaMetadataValue extends SetSchemaMetadata { constructor() { super(VALUE) } }

  readonly #part: RecordPart
  #name: string | null = null
  #version: number | null = null
  #replaceNull = true

  constructor(part: RecordPart) {
    this.#part = part
  }

  configure(props: Readonly<Record<string, unknown>>): void {
    const config = new AbstractConfig(SET_SCHEMA_METADATA_CONFIG_DEF, props)
    this.#name = config.getString('schema.name')
    this.#version = config.getInt('schema.version')
    this.#replaceNull = config.getBoolean(REPLACE_NULL_WITH_DEFAULT)!
    if (this.#name === null && this.#version === null) throw new ConfigError('Neither schema name nor version configured')
  }

  apply<T extends ConnectRecord>(record: T): T {
    const value = this.#part.value(record)
    const original = this.#part.schema(record)
    if (original === null && value === null) return record
    const schema = requireSchema(original, 'updating schema metadata')
    // Kafka copies schema.fields() unconditionally, which fails for anything but a struct
    if (schema.type !== 'STRUCT') throw new DataError('Cannot list fields on non-struct type')
    const updated = new Schema({
      type: schema.type,
      optional: schema.optional,
      defaultValue: schema.defaultValue,
      name: this.#name ?? schema.name,
      version: this.#version ?? schema.version,
      doc: schema.doc,
      parameters: schema.parameters,
      fields: schema.fields,
      keySchema: schema.keySchema,
      valueSchema: schema.valueSchema,
    })
    return this.#part.newRecord(record, updated, this.#rebuild(value, updated))
  }

  #rebuild(value: unknown, schema: Schema): unknown {
    if (!(value instanceof Struct)) return value
    const out = new Struct(schema)
    for (const field of value.schema.fields) out.put(field.name, this.#replaceNull ? value.get(field) : value.getWithoutDefault(field))
    return out
  }

  config(): ConfigDef {
    return SET_SCHEMA_METADATA_CONFIG_DEF
  }

  close(): void {}
}
