// HoistField$Key / $Value: wraps the key/value in a struct (with schema) or map (schemaless)
// holding it under `field`. Applied to null values too.
import { AbstractConfig, ConfigDef, SchemaBuilder, Struct } from '@tributary/connect-api'
import type { ConnectRecord, Transformation } from '@tributary/connect-api'
import { KEY, VALUE } from './util/record-part.ts'
import type { RecordPart } from './util/record-part.ts'
import { SchemaUpdateCache } from './util/schema-update-cache.ts'

export const HOIST_FIELD_CONFIG_DEF = new ConfigDef().define({
  name: 'field', type: 'STRING', importance: 'MEDIUM',
  documentation: 'Name of the single field of the resulting struct (or map, without a schema).',
})

export abstract class HoistField implements Transformation {
  static readonly Key = class HoistFieldKey extends HoistField { constructor() { super(KEY) } }
  static readonly Value = class HoistFieldValue extends HoistField { constructor() { super(VALUE) } }

  readonly #part: RecordPart
  #field = ''
  #cache = new SchemaUpdateCache()

  constructor(part: RecordPart) {
    this.#part = part
  }

  configure(props: Readonly<Record<string, unknown>>): void {
    this.#field = new AbstractConfig(HOIST_FIELD_CONFIG_DEF, props).getString('field')!
    this.#cache = new SchemaUpdateCache()
  }

  apply<T extends ConnectRecord>(record: T): T {
    const schema = this.#part.schema(record)
    const value = this.#part.value(record)
    if (schema === null) {
      const map: Record<string, unknown> = {}
      Object.defineProperty(map, this.#field, { value, enumerable: true, writable: true, configurable: true })
      return this.#part.newRecord(record, null, map)
    }
    const updatedSchema = this.#cache.getOrBuild(schema, (s) => SchemaBuilder.struct().field(this.#field, s).build())
    return this.#part.newRecord(record, updatedSchema, new Struct(updatedSchema).put(this.#field, value))
  }

  config(): ConfigDef {
    return HOIST_FIELD_CONFIG_DEF
  }

  close(): void {}
}
