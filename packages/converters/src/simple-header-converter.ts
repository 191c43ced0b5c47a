// org.apache.kafka.connect.storage.SimpleHeaderConverter (the default header converter): writes
// a header value's string form (Values.convertToString) and infers type when reading (Values.parseString).
import { ConfigDef, Schema, convertToString, parseString } from '@tributary/connect-api'
import type { HeaderConverter, SchemaAndValue } from '@tributary/connect-api'

export class SimpleHeaderConverter implements HeaderConverter {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.storage.SimpleHeaderConverter'

  config(): ConfigDef {
    return new ConfigDef()
  }

  configure(): void {}

  fromConnectHeader(_topic: string, _key: string, schema: Schema | null, value: unknown): Uint8Array | null {
    const text = convertToString(schema, value)
    return text === null ? null : Buffer.from(text, 'utf8')
  }

  toConnectHeader(_topic: string, _key: string, bytes: Uint8Array | null): SchemaAndValue {
    if (bytes === null || bytes === undefined) return { schema: null, value: null }
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
    if (text === '') return { schema: Schema.STRING_SCHEMA, value: '' }
    try {
      return parseString(text)
    } catch {
      return { schema: Schema.STRING_SCHEMA, value: text }
    }
  }

  close(): void {}
}
