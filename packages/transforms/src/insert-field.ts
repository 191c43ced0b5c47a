// InsertField$Key / $Value: adds the record's topic, partition, offset (sink records only),
// timestamp and/or a static string as fields. A field name ending in `!` is required, `?` or no
// suffix optional. Null key/value: record unchanged.
import { AbstractConfig, ConfigDef, ConfigError, Schema, SchemaBuilder, Struct, ConnectTimestamp, mapEntries, mapFromEntries } from '@tributary/connect-api'
import type { ConnectRecord, Transformation } from '@tributary/connect-api'
import { KEY, VALUE } from './util/record-part.ts'
import type { RecordPart } from './util/record-part.ts'
import { requireMap, requireStruct, requireSinkRecord } from './util/requirements.ts'
import { SchemaUpdateCache } from './util/schema-update-cache.ts'
import { withReplaceNullWithDefault, REPLACE_NULL_WITH_DEFAULT } from './util/common-config.ts'

const PURPOSE = 'field insertion'
const OPTIONAL_TIMESTAMP_SCHEMA = ConnectTimestamp.builder().optional().build()
const SUFFIX_DOC = ' Suffix with <code>!</code> to make this a required field, or <code>?</code> to keep it optional (the default).'

export const INSERT_FIELD_CONFIG_DEF = withReplaceNullWithDefault(new ConfigDef()
  .define({ name: 'topic.field', type: 'STRING', defaultValue: null, importance: 'MEDIUM', documentation: 'Field name for the Kafka topic.' + SUFFIX_DOC })
  .define({ name: 'partition.field', type: 'STRING', defaultValue: null, importance: 'MEDIUM', documentation: 'Field name for the Kafka partition.' + SUFFIX_DOC })
  .define({ name: 'offset.field', type: 'STRING', defaultValue: null, importance: 'MEDIUM', documentation: 'Field name for the Kafka offset (sink connectors only).' + SUFFIX_DOC })
  .define({ name: 'timestamp.field', type: 'STRING', defaultValue: null, importance: 'MEDIUM', documentation: 'Field name for the record timestamp.' + SUFFIX_DOC })
  .define({ name: 'static.field', type: 'STRING', defaultValue: null, importance: 'MEDIUM', documentation: 'Field name for the static value.' + SUFFIX_DOC })
  .define({ name: 'static.value', type: 'STRING', defaultValue: null, importance: 'MEDIUM', documentation: 'The static value to insert when static.field is set.' }))

interface InsertionSpec {
  name: string
  optional: boolean
}

function parseSpec(spec: string | null): InsertionSpec | null {
  if (spec === null) return null
  if (spec.endsWith('?')) return { name: spec.slice(0, -1), optional: true }
  if (spec.endsWith('!')) return { name: spec.slice(0, -1), optional: false }
  return { name: spec, optional: true }
}

export abstract class InsertField implements Transformation {
  static readonly Key = class InsertFieldKey extends InsertField { constructor() { super(KEY) } }
  static readonly Value = class InsertFieldValue extends InsertField { constructor() { super(VALUE) } }

  readonly #part: RecordPart
  #topic: InsertionSpec | null = null
  #partition: InsertionSpec | null = null
  #offset: InsertionSpec | null = null
  #timestamp: InsertionSpec | null = null
  #static: InsertionSpec | null = null
  #staticValue: string | null = null
  #replaceNull = true
  #cache = new SchemaUpdateCache()

  constructor(part: RecordPart) {
    this.#part = part
  }

  configure(props: Readonly<Record<string, unknown>>): void {
    const config = new AbstractConfig(INSERT_FIELD_CONFIG_DEF, props)
    this.#topic = parseSpec(config.getString('topic.field'))
    this.#partition = parseSpec(config.getString('partition.field'))
    this.#offset = parseSpec(config.getString('offset.field'))
    this.#timestamp = parseSpec(config.getString('timestamp.field'))
    this.#static = parseSpec(config.getString('static.field'))
    this.#staticValue = config.getString('static.value')
    this.#replaceNull = config.getBoolean(REPLACE_NULL_WITH_DEFAULT)!
    if (!this.#topic && !this.#partition && !this.#offset && !this.#timestamp && !this.#static) {
      throw new ConfigError('No field insertion configured')
    }
    if (this.#static && this.#staticValue === null) {
      throw ConfigError.invalid('static.value', null, `No value specified for static field: ${this.#static.name}`)
    }
    this.#cache = new SchemaUpdateCache()
  }

  apply<T extends ConnectRecord>(record: T): T {
    const value = this.#part.value(record)
    if (value === null) return record
    const schema = this.#part.schema(record)
    if (schema === null) {
      const map = requireMap(value, PURPOSE)
      const out = new Map(mapEntries(map))
      if (this.#topic) out.set(this.#topic.name, record.topic)
      if (this.#partition && record.kafkaPartition !== null) out.set(this.#partition.name, record.kafkaPartition)
      if (this.#offset) out.set(this.#offset.name, requireSinkRecord(record, PURPOSE).kafkaOffset)
      if (this.#timestamp && record.timestamp !== null) out.set(this.#timestamp.name, record.timestamp)
      if (this.#static) out.set(this.#static.name, this.#staticValue)
      return this.#part.newRecord(record, null, mapFromEntries(out, map))
    }
    const struct = requireStruct(value, PURPOSE, schema)
    const updatedSchema = this.#cache.getOrBuild(struct.schema, (s) => this.#buildSchema(s))
    const out = new Struct(updatedSchema)
    for (const field of struct.schema.fields) out.put(field.name, this.#replaceNull ? struct.get(field) : struct.getWithoutDefault(field))
    if (this.#topic) out.put(this.#topic.name, record.topic)
    if (this.#partition && record.kafkaPartition !== null) out.put(this.#partition.name, record.kafkaPartition)
    if (this.#offset) out.put(this.#offset.name, requireSinkRecord(record, PURPOSE).kafkaOffset)
    if (this.#timestamp && record.timestamp !== null) out.put(this.#timestamp.name, new Date(record.timestamp))
    if (this.#static) out.put(this.#static.name, this.#staticValue)
    return this.#part.newRecord(record, updatedSchema, out)
  }

  #buildSchema(schema: Schema): Schema {
    const b = SchemaBuilder.copyBasics(schema, SchemaBuilder.struct())
    for (const field of schema.fields) b.field(field.name, field.schema)
    const pick = (spec: InsertionSpec, optional: Schema, required: Schema): void => {
      b.field(spec.name, spec.optional ? optional : required)
    }
    if (this.#topic) pick(this.#topic, Schema.OPTIONAL_STRING_SCHEMA, Schema.STRING_SCHEMA)
    if (this.#partition) pick(this.#partition, Schema.OPTIONAL_INT32_SCHEMA, Schema.INT32_SCHEMA)
    if (this.#offset) pick(this.#offset, Schema.OPTIONAL_INT64_SCHEMA, Schema.INT64_SCHEMA)
    if (this.#timestamp) pick(this.#timestamp, OPTIONAL_TIMESTAMP_SCHEMA, ConnectTimestamp.SCHEMA)
    if (this.#static) pick(this.#static, Schema.OPTIONAL_STRING_SCHEMA, Schema.STRING_SCHEMA)
    return b.build()
  }

  config(): ConfigDef {
    return INSERT_FIELD_CONFIG_DEF
  }

  close(): void {}
}
