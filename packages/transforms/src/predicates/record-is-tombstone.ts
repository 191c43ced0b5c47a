// RecordIsTombstone: true when the record value is null.
import { ConfigDef } from '@tributary/connect-api'
import type { ConnectRecord, Predicate } from '@tributary/connect-api'

export const RECORD_IS_TOMBSTONE_CONFIG_DEF = new ConfigDef()

export class RecordIsTombstone implements Predicate {
  configure(): void {}

  test(record: ConnectRecord): boolean {
    return record.value === null
  }

  config(): ConfigDef {
    return RECORD_IS_TOMBSTONE_CONFIG_DEF
  }

  close(): void {}
}
