// TimestampRouter: topic := topic.format with ${topic} and ${timestamp} (the record timestamp in
// timestamp.format, UTC) substituted. A record without a timestamp fails.
import { AbstractConfig, ConfigDef, ConfigError, DataError } from '@tributary/connect-api'
import type { ConnectRecord, Transformation } from '@tributary/connect-api'
import { SimpleDateFormat } from './util/simple-date-format.ts'

export const TIMESTAMP_ROUTER_CONFIG_DEF = new ConfigDef()
  .define({ name: 'topic.format', type: 'STRING', defaultValue: '${topic}-${timestamp}', importance: 'HIGH', documentation: 'Format string which can contain <code>${topic}</code> and <code>${timestamp}</code> as placeholders for the topic and timestamp, respectively.' })
  .define({ name: 'timestamp.format', type: 'STRING', defaultValue: 'yyyyMMdd', importance: 'HIGH', documentation: 'Format string for the timestamp that is compatible with <code>java.text.SimpleDateFormat</code>.' })

export class TimestampRouter implements Transformation {
  #topicFormat = '${topic}-${timestamp}'
  #format = new SimpleDateFormat('yyyyMMdd')

  configure(props: Readonly<Record<string, unknown>>): void {
    const config = new AbstractConfig(TIMESTAMP_ROUTER_CONFIG_DEF, props)
    this.#topicFormat = config.getString('topic.format')!
    const pattern = config.getString('timestamp.format')!
    try {
      this.#format = new SimpleDateFormat(pattern)
    } catch (err) {
      throw ConfigError.invalid('timestamp.format', pattern, (err as Error).message)
    }
  }

  apply<T extends ConnectRecord>(record: T): T {
    if (record.timestamp === null) {
      throw new DataError(`Timestamp missing on record: ${record.toString()}`)
    }
    const ts = this.#format.format(new Date(record.timestamp))
    return record.newRecord({ topic: this.#topicFormat.replaceAll('${topic}', record.topic).replaceAll('${timestamp}', ts) })
  }

  config(): ConfigDef {
    return TIMESTAMP_ROUTER_CONFIG_DEF
  }

  close(): void {}
}
