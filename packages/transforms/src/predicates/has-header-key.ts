// HasHeaderKey: true when the record has at least one header named `name`.
import { AbstractConfig, ConfigDef, NonEmptyString } from '@tributary/connect-api'
import type { ConnectRecord, Predicate } from '@tributary/connect-api'

export const HAS_HEADER_KEY_CONFIG_DEF = new ConfigDef().define({
  name: 'name', type: 'STRING', validator: NonEmptyString, importance: 'MEDIUM', documentation: 'The header name.',
})

export class HasHeaderKey implements Predicate {
  #name = ''

  configure(props: Readonly<Record<string, unknown>>): void {
    this.#name = new AbstractConfig(HAS_HEADER_KEY_CONFIG_DEF, props).getString('name')!
  }

  test(record: ConnectRecord): boolean {
    return record.headers.lastWithName(this.#name) !== undefined
  }

  config(): ConfigDef {
    return HAS_HEADER_KEY_CONFIG_DEF
  }

  close(): void {}
}
