// Single message transforms and predicates. `apply` must not mutate its input: it returns a new
// record (record.newRecord(...)), the same record when nothing changes, or null to drop it.
import type { ConfigDef } from '../config/config-def.ts'
import type { ConnectRecord } from '../record/connect-record.ts'
import type { MaybePromise } from '../maybe-promise.ts'

export interface Transformation<R extends ConnectRecord = ConnectRecord> {
  /** Called once with the SMT's own keys (prefix `transforms.<alias>.` stripped). Throws ConfigError. */
  configure(configs: Readonly<Record<string, unknown>>): void
  apply(record: R): MaybePromise<R | null>
  config(): ConfigDef
  close(): MaybePromise<void>
  version?(): string
}

export interface Predicate<R extends ConnectRecord = ConnectRecord> {
  /** Called once with the predicate's own keys (prefix `predicates.<alias>.` stripped). */
  configure(configs: Readonly<Record<string, unknown>>): void
  test(record: R): MaybePromise<boolean>
  config(): ConfigDef
  close(): MaybePromise<void>
  version?(): string
}
