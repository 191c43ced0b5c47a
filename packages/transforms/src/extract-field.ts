// ExtractField$Key / $Value: replaces the key/value with one of its fields (a nested path with
// field.syntax.version=V2). Schemaless: map lookup, missing → null. With schema: the field's schema.
import { AbstractConfig, ConfigDef, CaseInsensitiveValidString, NonEmptyString } from '@tributary/connect-api'
import type { ConnectRecord, Transformation } from '@tributary/connect-api'
import { KEY, VALUE } from './util/record-part.ts'
import type { RecordPart } from './util/record-part.ts'
import { requireMapOrNull, requireStructOrNull } from './util/requirements.ts'
import { withReplaceNullWithDefault, REPLACE_NULL_WITH_DEFAULT } from './util/common-config.ts'
import { SingleFieldPath } from './util/field-path.ts'
import { JavaException } from './util/java-exception.ts'
import type { FieldSyntaxVersion } from './util/field-path.ts'

const PURPOSE = 'field extraction'

// Key order as Kafka's (field, replace.null.with.default, field.syntax.version): REST lists them so.
export const EXTRACT_FIELD_CONFIG_DEF = withReplaceNullWithDefault(new ConfigDef()
  .define({ name: 'field', type: 'STRING', validator: NonEmptyString, importance: 'MEDIUM', documentation: 'Field name (or path, with field.syntax.version=V2) to extract.' }))
  .define({
    name: 'field.syntax.version', type: 'STRING', defaultValue: 'V1', validator: CaseInsensitiveValidString.in('V1', 'V2'), importance: 'HIGH',
    documentation: 'V1: field names are top-level names. V2: dotted paths into nested structs/maps; backticks quote names containing dots.',
  })

export abstract class ExtractField implements Transformation {
  static readonly Key = class ExtractFieldKey extends ExtractField { constructor() { super(KEY) } }
  static readonly Value = class ExtractFieldValue extends ExtractField { constructor() { super(VALUE) } }

  readonly #part: RecordPart
  #path = new SingleFieldPath('', 'V1')
  #replaceNull = true

  constructor(part: RecordPart) {
    this.#part = part
  }

  configure(props: Readonly<Record<string, unknown>>): void {
    const config = new AbstractConfig(EXTRACT_FIELD_CONFIG_DEF, props)
    const version = config.getString('field.syntax.version')!.toUpperCase() as FieldSyntaxVersion
    this.#path = new SingleFieldPath(config.getString('field')!, version)
    this.#replaceNull = config.getBoolean(REPLACE_NULL_WITH_DEFAULT)!
  }

  apply<T extends ConnectRecord>(record: T): T {
    const schema = this.#part.schema(record)
    if (schema === null) {
      const map = requireMapOrNull(this.#part.value(record), PURPOSE)
      return this.#part.newRecord(record, null, map === null ? null : this.#path.valueFromMap(map))
    }
    const struct = requireStructOrNull(this.#part.value(record), PURPOSE, schema)
    const field = this.#path.fieldFrom(schema)
    if (field === undefined) throw new JavaException('java.lang.IllegalArgumentException', `Unknown field: ${this.#path.path}`)
    return this.#part.newRecord(record, field.schema, struct === null ? null : this.#path.valueFromStruct(struct, this.#replaceNull))
  }

  config(): ConfigDef {
    return EXTRACT_FIELD_CONFIG_DEF
  }

  close(): void {}
}
