// Filter: drops every record it sees. Used with a predicate (transforms.<a>.predicate / negate)
// so only matching records are dropped.
import { ConfigDef } from '@tributary/connect-api'
import type { ConnectRecord, Transformation } from '@tributary/connect-api'

export const FILTER_CONFIG_DEF = new ConfigDef()

export class Filter implements Transformation {
  configure(): void {}

  apply(_record: ConnectRecord): null {
    return null
  }

  config(): ConfigDef {
    return FILTER_CONFIG_DEF
  }

  close(): void {}
}
