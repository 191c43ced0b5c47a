// ValueToKey: the record key becomes a struct (with schema) or map (schemaless) holding the listed
// fields of the value. The value is unchanged.
import { AbstractConfig, ConfigDef, DataError, NonEmptyList, SchemaBuilder, Struct, mapFromEntries, mapGet } from '@tributary/connect-api'
import type { ConnectRecord, Transformation } from '@tributary/connect-api'
import { requireMap, requireStruct } from './util/requirements.ts'
import { SchemaUpdateCache } from './util/schema-update-cache.ts'
import { withReplaceNullWithDefault, REPLACE_NULL_WITH_DEFAULT } from './util/common-config.ts'

const PURPOSE = 'copying fields from value to key'

export const VALUE_TO_KEY_CONFIG_DEF = withReplaceNullWithDefault(new ConfigDef().define({
  name: 'fields', type: 'LIST', validator: NonEmptyList, importance: 'HIGH', documentation: 'Field names on the record value to extract as the record key.',
}))

export class ValueToKey implements Transformation {
  #fields: string[] = []
  #replaceNull = true
  #cache = new SchemaUpdateCache()

  configure(props: Readonly<Record<string, unknown>>): void {
    const config = new AbstractConfig(VALUE_TO_KEY_CONFIG_DEF, props)
    this.#fields = config.getList('fields')!
    this.#replaceNull = config.getBoolean(REPLACE_NULL_WITH_DEFAULT)!
    this.#cache = new SchemaUpdateCache()
  }

  apply<T extends ConnectRecord>(record: T): T {
    if (record.valueSchema === null) {
      const map = requireMap(record.value, PURPOSE)
      const key = mapFromEntries(this.#fields.map((f) => [f, mapGet(map, f) ?? null]))
      return record.newRecord({ keySchema: null, key })
    }
    const value = requireStruct(record.value, PURPOSE, record.valueSchema)
    const keySchema = this.#cache.getOrBuild(value.schema, (s) => {
      const b = SchemaBuilder.struct()
      for (const f of this.#fields) {
        const field = s.field(f)
        if (field === undefined) throw new DataError(`Field does not exist: ${f}`)
        b.field(f, field.schema)
      }
      return b.build()
    })
    const key = new Struct(keySchema)
    for (const f of this.#fields) key.put(f, this.#replaceNull ? value.get(f) : value.getWithoutDefault(f))
    return record.newRecord({ keySchema, key })
  }

  config(): ConfigDef {
    return VALUE_TO_KEY_CONFIG_DEF
  }

  close(): void {}
}
