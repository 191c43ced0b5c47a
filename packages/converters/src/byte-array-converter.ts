// org.apache.kafka.connect.converters.ByteArrayConverter: bytes through untouched.
import { DataError, Schema, describeJavaClass } from '@tributary/connect-api'
import type { Converter, HeaderConverter, ConnectHeaders, SchemaAndValue, ConfigDef } from '@tributary/connect-api'
import { converterConfigDef } from './converter-config.ts'

export class ByteArrayConverter implements Converter, HeaderConverter {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.converters.ByteArrayConverter'

  config(): ConfigDef {
    return converterConfigDef()
  }

  configure(_configs: Readonly<Record<string, unknown>>, _isKey?: boolean): void {}

  fromConnectData(_topic: string, _headers: ConnectHeaders | null, schema: Schema | null, value: unknown): Uint8Array | null {
    if (schema !== null && schema.type !== 'BYTES') throw new DataError(`Invalid schema type for ByteArrayConverter: ${schema.type}`)
    if (value === null || value === undefined) return null
    if (!(value instanceof Uint8Array)) throw new DataError(`ByteArrayConverter is not compatible with objects of type ${describeJavaClass(value)}`)
    return value
  }

  toConnectData(_topic: string, _headers: ConnectHeaders | null, bytes: Uint8Array | null): SchemaAndValue {
    return { schema: Schema.OPTIONAL_BYTES_SCHEMA, value: bytes ?? null }
  }

  fromConnectHeader(topic: string, _key: string, schema: Schema | null, value: unknown): Uint8Array | null {
    return this.fromConnectData(topic, null, schema, value)
  }

  toConnectHeader(topic: string, _key: string, bytes: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, null, bytes)
  }

  close(): void {}
}
