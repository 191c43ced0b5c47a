// Config keys several SMTs share.
import type { ConfigDef } from '@tributary/connect-api'

export const REPLACE_NULL_WITH_DEFAULT = 'replace.null.with.default'

/** Adds `replace.null.with.default` (BOOLEAN, true), present on the SMTs Kafka gives it to. */
export function withReplaceNullWithDefault(def: ConfigDef): ConfigDef {
  return def.define({
    name: REPLACE_NULL_WITH_DEFAULT, type: 'BOOLEAN', defaultValue: true, importance: 'MEDIUM',
    documentation: 'Read a null struct field as its schema default when there is one (true), or keep the null (false).',
  })
}
