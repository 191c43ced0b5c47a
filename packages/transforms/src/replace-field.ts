// ReplaceField$Key / $Value: keep a field iff it is not excluded and (include is empty or it is
// included) — exclude wins — then apply `renames` (old:new). The deprecated blacklist/whitelist
// keys (Kafka ≤3.9) still work when exclude/include are absent.
import { AbstractConfig, ConfigDef, ConfigError, SchemaBuilder, Struct, lambdaValidator, mapEntries, mapFromEntries } from '@tributary/connect-api'
import type { ConnectRecord, Schema, Transformation } from '@tributary/connect-api'
import { KEY, VALUE } from './util/record-part.ts'
import type { RecordPart } from './util/record-part.ts'
import { requireMap, requireStruct } from './util/requirements.ts'
import { SchemaUpdateCache } from './util/schema-update-cache.ts'
import { withReplaceNullWithDefault, REPLACE_NULL_WITH_DEFAULT } from './util/common-config.ts'

const PURPOSE = 'field replacement'

function parseRenames(mappings: readonly string[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const mapping of mappings) {
    const parts = mapping.split(':')
    while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop()
    if (parts.length !== 2) throw ConfigError.invalid('renames', mappings, `Invalid rename mapping: ${mapping}`)
    out.set(parts[0], parts[1])
  }
  return out
}

export const REPLACE_FIELD_CONFIG_DEF = withReplaceNullWithDefault(new ConfigDef()
  .define({ name: 'exclude', type: 'LIST', defaultValue: '', importance: 'MEDIUM', documentation: 'Fields to exclude. This takes precedence over the fields to include.' })
  .define({ name: 'include', type: 'LIST', defaultValue: '', importance: 'MEDIUM', documentation: 'Fields to include. If specified, only these fields will be used.' })
  .define({
    name: 'renames', type: 'LIST', defaultValue: '', importance: 'MEDIUM', documentation: 'Field rename mappings.',
    validator: lambdaValidator((_n, v) => { parseRenames((v as string[] | null) ?? []) }, () => 'list of colon-delimited pairs, e.g. <code>foo:bar,abc:xyz</code>'),
  })
  .define({ name: 'blacklist', type: 'LIST', defaultValue: null, importance: 'LOW', documentation: 'Deprecated. Use exclude instead.' })
  .define({ name: 'whitelist', type: 'LIST', defaultValue: null, importance: 'LOW', documentation: 'Deprecated. Use include instead.' }))

export abstract class ReplaceField implements Transformation {
  static readonly Key = class ReplaceFieldKey extends ReplaceField { constructor() { super(KEY) } }
  static readonly Value = class ReplaceFieldValue extends ReplaceField { constructor() { super(VALUE) } }

  readonly #part: RecordPart
  #exclude = new Set<string>()
  #include = new Set<string>()
  #renames = new Map<string, string>()
  #reverse = new Map<string, string>()
  #replaceNull = true
  #cache = new SchemaUpdateCache()

  constructor(part: RecordPart) {
    this.#part = part
  }

  configure(props: Readonly<Record<string, unknown>>): void {
    const translated: Record<string, unknown> = { ...props }
    if (!Object.hasOwn(translated, 'exclude') && translated.blacklist != null) translated.exclude = translated.blacklist
    if (!Object.hasOwn(translated, 'include') && translated.whitelist != null) translated.include = translated.whitelist
    const config = new AbstractConfig(REPLACE_FIELD_CONFIG_DEF, translated)
    this.#exclude = new Set(config.getList('exclude'))
    this.#include = new Set(config.getList('include'))
    this.#renames = parseRenames(config.getList('renames')!)
    this.#reverse = new Map([...this.#renames].map(([a, b]) => [b, a]))
    this.#replaceNull = config.getBoolean(REPLACE_NULL_WITH_DEFAULT)!
    this.#cache = new SchemaUpdateCache()
  }

  #keep(name: string): boolean {
    return !this.#exclude.has(name) && (this.#include.size === 0 || this.#include.has(name))
  }

  #renamed(name: string): string {
    return this.#renames.get(name) ?? name
  }

  apply<T extends ConnectRecord>(record: T): T {
    const value = this.#part.value(record)
    if (value === null) return record
    const schema = this.#part.schema(record)
    if (schema === null) {
      const map = requireMap(value, PURPOSE)
      const out = mapEntries(map).filter(([k]) => this.#keep(String(k))).map(([k, v]) => [this.#renamed(String(k)), v] as const)
      return this.#part.newRecord(record, null, mapFromEntries(out, map))
    }
    const struct = requireStruct(value, PURPOSE, schema)
    const updatedSchema = this.#cache.getOrBuild(struct.schema, (s) => this.#buildSchema(s))
    const out = new Struct(updatedSchema)
    for (const field of updatedSchema.fields) {
      const original = this.#reverse.get(field.name) ?? field.name
      out.put(field, this.#replaceNull ? struct.get(original) : struct.getWithoutDefault(original))
    }
    return this.#part.newRecord(record, updatedSchema, out)
  }

  #buildSchema(schema: Schema): Schema {
    const builder = SchemaBuilder.copyBasics(schema, SchemaBuilder.struct())
    for (const field of schema.fields) if (this.#keep(field.name)) builder.field(this.#renamed(field.name), field.schema)
    return builder.build()
  }

  config(): ConfigDef {
    return REPLACE_FIELD_CONFIG_DEF
  }

  close(): void {}
}
