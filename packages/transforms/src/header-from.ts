// HeaderFrom$Key / $Value: copies (or moves) fields into headers: headers[i] := fields[i].
// `move` also removes the fields (struct schema rebuilt without them).
import { AbstractConfig, ConfigDef, ConfigError, SchemaBuilder, Struct, ValidString, NonEmptyList, mapEntries, mapFromEntries, mapGet } from '@tributary/connect-api'
import type { ConnectRecord, Schema, Transformation } from '@tributary/connect-api'
import { KEY, VALUE } from './util/record-part.ts'
import type { RecordPart } from './util/record-part.ts'
import { requireMap, requireStruct } from './util/requirements.ts'
import { SchemaUpdateCache } from './util/schema-update-cache.ts'
import { withReplaceNullWithDefault, REPLACE_NULL_WITH_DEFAULT } from './util/common-config.ts'
import { JavaException } from './util/java-exception.ts'

export const HEADER_FROM_CONFIG_DEF = withReplaceNullWithDefault(new ConfigDef()
  .define({ name: 'fields', type: 'LIST', validator: NonEmptyList, importance: 'HIGH', documentation: 'Field names in the record whose values are to be copied or moved to headers.' })
  .define({ name: 'headers', type: 'LIST', validator: NonEmptyList, importance: 'HIGH', documentation: 'Header names, in the same order as the field names listed in the fields configuration property.' })
  .define({ name: 'operation', type: 'STRING', validator: ValidString.in('move', 'copy'), importance: 'HIGH', documentation: "Either 'move' (remove the fields) or 'copy' (keep them)." }))

export abstract class HeaderFrom implements Transformation {
  static readonly Key = class HeaderFromKey extends HeaderFrom { constructor() { super(KEY) } }
  static readonly Value = class HeaderFromValue extends HeaderFrom { constructor() { super(VALUE) } }

  readonly #part: RecordPart
  #fields: string[] = []
  #headers: string[] = []
  #move = false
  #replaceNull = true
  #cache = new SchemaUpdateCache()

  constructor(part: RecordPart) {
    this.#part = part
  }

  configure(props: Readonly<Record<string, unknown>>): void {
    const config = new AbstractConfig(HEADER_FROM_CONFIG_DEF, props)
    this.#fields = config.getList('fields')!
    this.#headers = config.getList('headers')!
    if (this.#fields.length !== this.#headers.length) {
      throw new ConfigError("'fields' config must have the same number of elements as 'headers' config.")
    }
    this.#move = config.getString('operation') === 'move'
    this.#replaceNull = config.getBoolean(REPLACE_NULL_WITH_DEFAULT)!
    this.#cache = new SchemaUpdateCache()
  }

  apply<T extends ConnectRecord>(record: T): T {
    const purpose = `header ${this.#move ? 'move' : 'copy'}`
    const schema = this.#part.schema(record)
    const value = this.#part.value(record)
    const headers = record.headers.duplicate()
    if (schema === null) {
      const map = requireMap(value, purpose)
      this.#fields.forEach((f, i) => headers.add(this.#headers[i], mapGet(map, f) ?? null, null))
      const updated = this.#move ? mapFromEntries(mapEntries(map).filter(([k]) => !this.#fields.includes(String(k))), map) : map
      return this.#part.newRecord(record, null, updated).newRecord({ headers })
    }
    const struct = requireStruct(value, purpose, schema)
    this.#fields.forEach((f, i) => {
      const field = schema.field(f)
      if (field === undefined) {
        throw new JavaException('java.lang.NullPointerException',
          'Cannot invoke "org.apache.kafka.connect.data.Field.schema()" because the return value of "org.apache.kafka.connect.data.Schema.field(String)" is null')
      }
      headers.add(this.#headers[i], this.#replaceNull ? struct.get(field) : struct.getWithoutDefault(field), field.schema)
    })
    if (!this.#move) return record.newRecord({ headers })
    const updatedSchema = this.#cache.getOrBuild(schema, (s) => this.#moveSchema(s))
    const updated = new Struct(updatedSchema)
    for (const field of updatedSchema.fields) updated.put(field.name, struct.get(field.name))
    return this.#part.newRecord(record, updatedSchema, updated).newRecord({ headers })
  }

  #moveSchema(schema: Schema): Schema {
    const builder = SchemaBuilder.copyBasics(schema, SchemaBuilder.struct())
    for (const field of schema.fields) if (!this.#fields.includes(field.name)) builder.field(field.name, field.schema)
    return builder.build()
  }

  config(): ConfigDef {
    return HEADER_FROM_CONFIG_DEF
  }

  close(): void {}
}
