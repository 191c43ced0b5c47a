// org.apache.kafka.connect.storage.StringConverter: any value as its string form; reads give an
// optional string schema. `converter.encoding` picks the charset (UTF-8 by default).
import { AbstractConfig, ConfigError, Schema, javaToString } from '@tributary/connect-api'
import type { Converter, HeaderConverter, ConnectHeaders, SchemaAndValue, ConfigDef } from '@tributary/connect-api'
import { converterConfigDef, withConverterType } from './converter-config.ts'

const CHARSETS: Record<string, BufferEncoding> = {
  'UTF-8': 'utf8', UTF8: 'utf8', 'UTF-16LE': 'utf16le', UTF16LE: 'utf16le', 'ISO-8859-1': 'latin1', ISO8859_1: 'latin1',
  LATIN1: 'latin1', 'US-ASCII': 'ascii', ASCII: 'ascii',
}

export function stringConverterConfigDef(): ConfigDef {
  return converterConfigDef().define({
    name: 'converter.encoding', type: 'STRING', defaultValue: 'UTF-8', importance: 'HIGH', width: 'MEDIUM', displayName: 'Encoding',
    documentation: 'Character set used to turn strings into bytes and back (UTF-8, UTF-16LE, ISO-8859-1, US-ASCII).',
  })
}

export class StringConverter implements Converter, HeaderConverter {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.storage.StringConverter'
  #encoding: BufferEncoding = 'utf8'

  config(): ConfigDef {
    return stringConverterConfigDef()
  }

  configure(configs: Readonly<Record<string, unknown>>, isKey?: boolean): void {
    const full = isKey === undefined ? { 'converter.type': 'header', ...configs } : withConverterType(configs, isKey)
    const name = new AbstractConfig(stringConverterConfigDef(), full).getString('converter.encoding')!
    const encoding = CHARSETS[name.toUpperCase()]
    if (encoding === undefined) throw ConfigError.invalid('converter.encoding', name, 'Unsupported character set')
    this.#encoding = encoding
  }

  fromConnectData(_topic: string, _headers: ConnectHeaders | null, schema: Schema | null, value: unknown): Uint8Array | null {
    if (value === null || value === undefined) return null
    return Buffer.from(javaToString(value, schema), this.#encoding)
  }

  toConnectData(_topic: string, _headers: ConnectHeaders | null, bytes: Uint8Array | null): SchemaAndValue {
    if (bytes === null || bytes === undefined) return { schema: Schema.OPTIONAL_STRING_SCHEMA, value: null }
    return { schema: Schema.OPTIONAL_STRING_SCHEMA, value: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(this.#encoding) }
  }

  fromConnectHeader(topic: string, _key: string, schema: Schema | null, value: unknown): Uint8Array | null {
    return this.fromConnectData(topic, null, schema, value)
  }

  toConnectHeader(topic: string, _key: string, bytes: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, null, bytes)
  }

  close(): void {}
}
