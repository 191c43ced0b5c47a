// InsertHeader: adds header `header` with `value.literal` parsed as Values.parseString does
// (boolean, smallest integer type, float, array, map, date/time, else string). Existing headers stay.
import { AbstractConfig, ConfigDef, NonNullValidator, parseString } from '@tributary/connect-api'
import type { ConnectRecord, SchemaAndValue, Transformation } from '@tributary/connect-api'

export const INSERT_HEADER_CONFIG_DEF = new ConfigDef()
  .define({ name: 'header', type: 'STRING', validator: NonNullValidator, importance: 'HIGH', documentation: 'The name of the header.' })
  .define({ name: 'value.literal', type: 'STRING', validator: NonNullValidator, importance: 'HIGH', documentation: 'The literal value of the header; its type is inferred from the text.' })

export class InsertHeader implements Transformation {
  #header = ''
  #literal: SchemaAndValue = { schema: null, value: null }

  configure(props: Readonly<Record<string, unknown>>): void {
    const config = new AbstractConfig(INSERT_HEADER_CONFIG_DEF, props)
    this.#header = config.getString('header')!
    this.#literal = parseString(config.getString('value.literal')!)
  }

  apply<T extends ConnectRecord>(record: T): T {
    const headers = record.headers.duplicate()
    headers.add(this.#header, this.#literal.value, this.#literal.schema)
    return record.newRecord({ headers })
  }

  config(): ConfigDef {
    return INSERT_HEADER_CONFIG_DEF
  }

  close(): void {}
}
