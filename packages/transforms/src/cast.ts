// Cast$Key / Cast$Value: cast fields (`spec=a:int32,b:string`) or the whole key/value (`spec=int64`)
// to another primitive type. Java's narrowing rules; logical Date/Time/Timestamp are first encoded
// (days / ms) unless the target is string; bytes cast to string as base64.
import { AbstractConfig, ConfigDef, ConfigError, DataError, SchemaBuilder, Struct, mapEntries, mapFromEntries, mapGet, lambdaValidator } from '@tributary/connect-api'
import type { ConnectRecord, Schema, SchemaType, Transformation } from '@tributary/connect-api'
import { KEY, VALUE } from './util/record-part.ts'
import type { RecordPart } from './util/record-part.ts'
import { requireMap, requireStruct } from './util/requirements.ts'
import { SchemaUpdateCache } from './util/schema-update-cache.ts'
import { withReplaceNullWithDefault, REPLACE_NULL_WITH_DEFAULT } from './util/common-config.ts'
import { castValue } from './cast-value.ts'

const PURPOSE = 'cast types'
const OUTPUT_TYPES: readonly SchemaType[] = ['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64', 'BOOLEAN', 'STRING']
const WHOLE_VALUE = Symbol('whole value')
type CastSpec = Map<string | typeof WHOLE_VALUE, SchemaType>

function parseSpec(mappings: readonly string[]): CastSpec {
  const spec: CastSpec = new Map()
  let whole = false
  for (const mapping of mappings) {
    const parts = javaSplit(mapping, ':')
    if (parts.length > 2) throw ConfigError.invalid('renames', mappings, `Invalid rename mapping: ${mapping}`)
    const typeName = (parts.length === 1 ? parts[0] : parts[1]).trim().toUpperCase()
    if (!['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64', 'BOOLEAN', 'STRING', 'BYTES', 'ARRAY', 'MAP', 'STRUCT'].includes(typeName)) {
      // Kafka builds this exception with ConfigException(name, value), so name and value come out
      // swapped; REST validate shows exactly this text, and so do we.
      const cause = `java.lang.IllegalArgumentException: No enum constant org.apache.kafka.connect.data.Schema.Type.${typeName}`
      throw ConfigError.invalid(`Invalid type found in casting spec: ${(parts.length === 1 ? parts[0] : parts[1]).trim()}`, cause)
    }
    const type = typeName as SchemaType
    if (!OUTPUT_TYPES.includes(type)) {
      throw new ConfigError(`Cast transformation does not support casting to ${type}; supported types are [${OUTPUT_TYPES.join(', ')}]`)
    }
    if (parts.length === 1) {
      spec.set(WHOLE_VALUE, type)
      whole = true
    } else spec.set(parts[0].trim(), type)
  }
  if (whole && mappings.length > 1) {
    throw new ConfigError('Cast transformations that specify a type to cast the entire value to may only specify a single cast in their spec')
  }
  return spec
}

/** Java's String.split: trailing empty strings are dropped. */
function javaSplit(s: string, sep: string): string[] {
  const parts = s.split(sep)
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop()
  return parts
}

export const CAST_CONFIG_DEF = withReplaceNullWithDefault(new ConfigDef().define({
  name: 'spec', type: 'LIST', importance: 'HIGH',
  validator: lambdaValidator((_name, value) => {
    const list = value as string[] | null
    if (!list || list.length === 0) throw new ConfigError('Must specify at least one field to cast.')
    parseSpec(list)
  }, () => 'list of colon-delimited pairs, e.g. <code>foo:bar,abc:xyz</code>'),
  documentation: 'Fields and target types as field1:type,field2:type, or a single type to cast the whole value. Types: int8, int16, int32, int64, float32, float64, boolean, string.',
}))

export abstract class Cast implements Transformation {
  static readonly Key = class CastKey extends Cast { constructor() { super(KEY) } }
  static readonly Value = class CastValue extends Cast { constructor() { super(VALUE) } }

  readonly #part: RecordPart
  #spec: CastSpec = new Map()
  #replaceNull = true
  #cache = new SchemaUpdateCache()

  constructor(part: RecordPart) {
    this.#part = part
  }

  configure(props: Readonly<Record<string, unknown>>): void {
    const config = new AbstractConfig(CAST_CONFIG_DEF, props)
    this.#spec = parseSpec(config.getList('spec')!)
    this.#replaceNull = config.getBoolean(REPLACE_NULL_WITH_DEFAULT)!
    this.#cache = new SchemaUpdateCache()
  }

  apply<T extends ConnectRecord>(record: T): T {
    const value = this.#part.value(record)
    if (value === null) return record
    const schema = this.#part.schema(record)
    const whole = this.#spec.get(WHOLE_VALUE)
    if (schema === null) {
      if (whole !== undefined) return this.#part.newRecord(record, null, castValue(null, value, whole))
      const map = requireMap(value, PURPOSE)
      const updated = new Map(mapEntries(map))
      for (const [field, type] of this.#spec) updated.set(field, castValue(null, mapGet(map, field as string), type))
      return this.#part.newRecord(record, null, mapFromEntries(updated, map))
    }
    const updatedSchema = this.#cache.getOrBuild(schema, (s) => this.#buildSchema(s))
    if (whole !== undefined) return this.#part.newRecord(record, updatedSchema, castValue(schema, value, whole))
    const struct = requireStruct(value, PURPOSE, schema)
    const out = new Struct(updatedSchema)
    for (const field of struct.schema.fields) {
      const orig = this.#replaceNull ? struct.get(field) : struct.getWithoutDefault(field)
      const target = this.#spec.get(field.name)
      out.put(field.name, target !== undefined ? castValue(field.schema, orig, target) : orig)
    }
    return this.#part.newRecord(record, updatedSchema, out)
  }

  #buildSchema(schema: Schema): Schema {
    const whole = this.#spec.get(WHOLE_VALUE)
    let builder: SchemaBuilder
    if (whole !== undefined) {
      // as Kafka: name/version/doc/parameters are kept even when they name a logical type
      builder = SchemaBuilder.copyBasics(schema, SchemaBuilder.type(whole))
    } else {
      if (schema.type !== 'STRUCT') throw new DataError('Cannot list fields on non-struct type')
      builder = SchemaBuilder.copyBasics(schema, SchemaBuilder.struct())
      for (const field of schema.fields) {
        const target = this.#spec.get(field.name)
        if (target === undefined) {
          builder.field(field.name, field.schema)
          continue
        }
        const fb = SchemaBuilder.type(target)
        if (field.schema.optional) fb.optional()
        if (field.schema.defaultValue !== null) fb.defaultValue(castValue(field.schema, field.schema.defaultValue, target))
        builder.field(field.name, fb.build())
      }
    }
    if (schema.optional) builder.optional()
    if (schema.defaultValue !== null) builder.defaultValue(castValue(schema, schema.defaultValue, builder.type))
    return builder.build()
  }

  config(): ConfigDef {
    return CAST_CONFIG_DEF
  }

  close(): void {}
}

