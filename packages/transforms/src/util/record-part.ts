// Which side of a record a Key/Value transform works on (Kafka's X$Key / X$Value split).
import type { ConnectRecord, Schema } from '@tributary/connect-api'

export interface RecordPart {
  readonly name: 'key' | 'value'
  schema(record: ConnectRecord): Schema | null
  value(record: ConnectRecord): unknown
  /** A copy of the record with this side replaced (headers duplicated by newRecord). */
  newRecord<T extends ConnectRecord>(record: T, schema: Schema | null, value: unknown): T
}

export const KEY: RecordPart = {
  name: 'key',
  schema: (r) => r.keySchema,
  value: (r) => r.key,
  newRecord: (r, schema, value) => r.newRecord({ keySchema: schema, key: value }),
}

export const VALUE: RecordPart = {
  name: 'value',
  schema: (r) => r.valueSchema,
  value: (r) => r.value,
  newRecord: (r, schema, value) => r.newRecord({ valueSchema: schema, value }),
}
