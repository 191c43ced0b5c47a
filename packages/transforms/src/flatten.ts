// Flatten$Key / $Value: nested structs (or maps, schemaless) become top-level fields named
// parent<delimiter>child. Arrays and primitives are copied; a field is optional when any ancestor
// is; defaults flow down from parent defaults. Maps inside schemas are not supported (as Kafka).
import { AbstractConfig, ConfigDef, DataError, SchemaBuilder, Struct, isMapValue, mapEntries, mapFromEntries, describeJavaClass, BigDecimal } from '@tributary/connect-api'
import type { ConnectRecord, MapValue, Schema, Transformation } from '@tributary/connect-api'
import { KEY, VALUE } from './util/record-part.ts'
import type { RecordPart } from './util/record-part.ts'
import { requireMap, requireStructOrNull } from './util/requirements.ts'
import { SchemaUpdateCache } from './util/schema-update-cache.ts'

const PURPOSE = 'flattening'

export const FLATTEN_CONFIG_DEF = new ConfigDef().define({
  name: 'delimiter', type: 'STRING', defaultValue: '.', importance: 'MEDIUM',
  documentation: 'Placed between the names of a parent and a child field in flattened names.',
})

export abstract class Flatten implements Transformation {
  static readonly Key = class FlattenKey extends Flatten { constructor() { super(KEY) } }
  static readonly Value = class FlattenValue extends Flatten { constructor() { super(VALUE) } }

  readonly #part: RecordPart
  #delimiter = '.'
  #cache = new SchemaUpdateCache()

  constructor(part: RecordPart) {
    this.#part = part
  }

  configure(props: Readonly<Record<string, unknown>>): void {
    this.#delimiter = new AbstractConfig(FLATTEN_CONFIG_DEF, props).getString('delimiter')!
    this.#cache = new SchemaUpdateCache()
  }

  apply<T extends ConnectRecord>(record: T): T {
    const value = this.#part.value(record)
    if (value === null) return record
    const schema = this.#part.schema(record)
    if (schema === null) {
      const map = requireMap(value, PURPOSE)
      const out: Array<[string, unknown]> = []
      this.#flattenMap(map, '', out)
      return this.#part.newRecord(record, null, mapFromEntries(out, map))
    }
    const struct = requireStructOrNull(value, PURPOSE, schema)
    const updated = this.#cache.getOrBuild(schema, (s) => {
      const builder = SchemaBuilder.copyBasics(s, SchemaBuilder.struct())
      this.#flattenSchema(s, '', builder, s.optional, s.defaultValue as Struct | null)
      return builder.build()
    })
    if (struct === null) return this.#part.newRecord(record, updated, null)
    const out = new Struct(updated)
    this.#flattenStruct(struct, '', out)
    return this.#part.newRecord(record, updated, out)
  }

  #name(prefix: string, name: string): string {
    return prefix === '' ? name : prefix + this.#delimiter + name
  }

  #flattenMap(map: MapValue, prefix: string, out: Array<[string, unknown]>): void {
    for (const [k, v] of mapEntries(map)) {
      const name = this.#name(prefix, String(k))
      if (v === null || v === undefined) {
        out.push([name, null])
      } else if (isMapValue(v)) {
        this.#flattenMap(v, name, out)
      } else if (v instanceof Struct) {
        throw new DataError(`Flatten transformation does not support STRUCT for record without schemas (for field ${name}).`)
      } else if (v instanceof Date || v instanceof BigDecimal) {
        throw new DataError(`Flatten transformation was passed a value of type ${describeJavaClass(v)} which is not supported by Connect's data API`)
      } else {
        out.push([name, v])
      }
    }
  }

  #flattenSchema(schema: Schema, prefix: string, builder: SchemaBuilder, optionalParent: boolean, parentDefault: Struct | null): void {
    for (const field of schema.fields) {
      const name = this.#name(prefix, field.name)
      const optional = optionalParent || field.schema.optional
      const fieldDefault = field.schema.defaultValue ?? (parentDefault ? parentDefault.get(field) : null)
      switch (field.schema.type) {
        case 'MAP':
          throw new DataError(`Flatten transformation does not support ${field.schema.type} for record with schemas (for field ${name}).`)
        case 'STRUCT':
          this.#flattenSchema(field.schema, name, builder, optional, fieldDefault as Struct | null)
          break
        default: {
          const fb = SchemaBuilder.copyBasics(field.schema)
          if (optional) fb.optional()
          if (fieldDefault !== null) fb.defaultValue(fieldDefault)
          builder.field(name, fb.build())
        }
      }
    }
  }

  #flattenStruct(struct: Struct | null, prefix: string, out: Struct): void {
    const schema = struct?.schema
    if (!schema) return
    for (const field of schema.fields) {
      const name = this.#name(prefix, field.name)
      if (field.schema.type === 'STRUCT') {
        const nested = struct.get(field) as Struct | null
        if (nested === null) this.#putNulls(field.schema, name, out)
        else this.#flattenStruct(nested, name, out)
      } else {
        out.put(name, struct.get(field))
      }
    }
  }

  #putNulls(schema: Schema, prefix: string, out: Struct): void {
    for (const field of schema.fields) {
      const name = this.#name(prefix, field.name)
      if (field.schema.type === 'STRUCT') this.#putNulls(field.schema, name, out)
      else out.put(name, null)
    }
  }

  config(): ConfigDef {
    return FLATTEN_CONFIG_DEF
  }

  close(): void {}
}
