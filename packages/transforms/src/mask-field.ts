// MaskField$Key / $Value: replaces listed fields with a type-appropriate empty value (0, false,
// "", empty array/map, epoch Date, 0 decimal) or with `replacement` parsed to the field's type.
import { AbstractConfig, ConfigDef, DataError, NonEmptyList, NonEmptyString, Struct, BigDecimal, isMapValue, mapEntries, mapFromEntries, mapGet, describeJavaClass, isLongValue } from '@tributary/connect-api'
import type { ConnectRecord, Schema, SchemaType, Transformation } from '@tributary/connect-api'
import { KEY, VALUE } from './util/record-part.ts'
import type { RecordPart } from './util/record-part.ts'
import { requireMap, requireStruct } from './util/requirements.ts'
import { withReplaceNullWithDefault, REPLACE_NULL_WITH_DEFAULT } from './util/common-config.ts'

const PURPOSE = 'mask fields'

export const MASK_FIELD_CONFIG_DEF = withReplaceNullWithDefault(new ConfigDef()
  .define({ name: 'fields', type: 'LIST', validator: NonEmptyList, importance: 'HIGH', documentation: 'Names of fields to mask.' })
  .define({
    name: 'replacement', type: 'STRING', defaultValue: null, validator: NonEmptyString, importance: 'LOW',
    documentation: 'Custom value to mask with, converted to the field\'s type (numbers and strings only). Without it, an empty value of the field\'s type is used.',
  }))

export abstract class MaskField implements Transformation {
  static readonly Key = class MaskFieldKey extends MaskField { constructor() { super(KEY) } }
  static readonly Value = class MaskFieldValue extends MaskField { constructor() { super(VALUE) } }

  readonly #part: RecordPart
  #fields = new Set<string>()
  #replacement: string | null = null
  #replaceNull = true

  constructor(part: RecordPart) {
    this.#part = part
  }

  configure(props: Readonly<Record<string, unknown>>): void {
    const config = new AbstractConfig(MASK_FIELD_CONFIG_DEF, props)
    this.#fields = new Set(config.getList('fields'))
    this.#replacement = config.getString('replacement')
    this.#replaceNull = config.getBoolean(REPLACE_NULL_WITH_DEFAULT)!
  }

  apply<T extends ConnectRecord>(record: T): T {
    const value = this.#part.value(record)
    const schema = this.#part.schema(record)
    if (schema === null) {
      const map = requireMap(value, PURPOSE)
      const out = new Map(mapEntries(map))
      for (const f of this.#fields) out.set(f, this.#mask(null, mapGet(map, f) ?? null))
      return this.#part.newRecord(record, null, mapFromEntries(out, map))
    }
    const struct = requireStruct(value, PURPOSE, schema)
    const out = new Struct(struct.schema)
    for (const field of struct.schema.fields) {
      const orig = this.#replaceNull ? struct.get(field) : struct.getWithoutDefault(field)
      out.put(field, this.#fields.has(field.name) ? this.#mask(field.schema, orig) : orig)
    }
    return this.#part.newRecord(record, schema, out)
  }

  #mask(schema: Schema | null, value: unknown): unknown {
    if (value === null || value === undefined) return null
    return this.#replacement === null ? emptyOf(value) : customReplacement(schema, value, this.#replacement)
  }

  config(): ConfigDef {
    return MASK_FIELD_CONFIG_DEF
  }

  close(): void {}
}

function emptyOf(value: unknown): unknown {
  if (typeof value === 'boolean') return false
  if (typeof value === 'number') return 0
  if (typeof value === 'bigint') return 0n
  if (typeof value === 'string') return ''
  if (value instanceof BigDecimal) return new BigDecimal(0n, 0)
  if (value instanceof Date) return new Date(0)
  if (Array.isArray(value)) return []
  if (value instanceof Map) return new Map()
  if (isMapValue(value)) return {}
  throw new DataError(`Cannot mask value of type: ${describeJavaClass(value)}`)
}

const INTEGER_RANGES: Partial<Record<SchemaType, [bigint, bigint]>> = {
  INT8: [-128n, 127n], INT16: [-32768n, 32767n], INT32: [-2147483648n, 2147483647n], INT64: [-(2n ** 63n), 2n ** 63n - 1n],
}

function customReplacement(schema: Schema | null, value: unknown, replacement: string): unknown {
  const unconvertible = (): DataError => new DataError(`Unable to convert ${replacement} (String) to number`)
  if (typeof value === 'string') return replacement
  if (value instanceof BigDecimal) {
    try {
      return BigDecimal.parse(replacement)
    } catch {
      throw unconvertible()
    }
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    const type: SchemaType = schema?.type ?? (typeof value === 'bigint' || isLongValue(value) ? 'INT64' : 'FLOAT64')
    const range = INTEGER_RANGES[type]
    if (range) {
      if (!/^[+-]?\d+$/.test(replacement)) throw unconvertible()
      const n = BigInt(replacement)
      if (n < range[0] || n > range[1]) throw unconvertible()
      return typeof value === 'bigint' ? n : Number(n)
    }
    const n = Number(replacement)
    if (replacement.trim() === '' || Number.isNaN(n)) throw unconvertible()
    return type === 'FLOAT32' ? Math.fround(n) : n
  }
  throw new DataError(`Cannot mask value of type ${describeJavaClass(value)} with custom replacement.`)
}
