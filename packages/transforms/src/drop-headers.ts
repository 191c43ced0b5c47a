// DropHeaders: removes every header whose key is listed in `headers`.
import { AbstractConfig, ConfigDef, NonEmptyList } from '@tributary/connect-api'
import type { ConnectRecord, Transformation } from '@tributary/connect-api'

export const DROP_HEADERS_CONFIG_DEF = new ConfigDef().define({
  name: 'headers', type: 'LIST', validator: NonEmptyList, importance: 'HIGH',
  documentation: 'The names of the headers to remove.',
})

export class DropHeaders implements Transformation {
  #headers = new Set<string>()

  configure(props: Readonly<Record<string, unknown>>): void {
    this.#headers = new Set(new AbstractConfig(DROP_HEADERS_CONFIG_DEF, props).getList('headers'))
  }

  apply<T extends ConnectRecord>(record: T): T {
    const headers = record.headers.duplicate()
    for (const name of this.#headers) headers.remove(name)
    return record.newRecord({ headers })
  }

  config(): ConfigDef {
    return DROP_HEADERS_CONFIG_DEF
  }

  close(): void {}
}
