// Converters between Connect data and Kafka bytes. Synchronous: they run per record on the hot
// path (a converter needing remote lookups resolves them in configure or caches them).
import type { ConfigDef } from '../config/config-def.ts'
import type { Schema } from '../model/schema.ts'
import type { ConnectHeaders } from '../header/connect-headers.ts'

export interface SchemaAndValue {
  readonly schema: Schema | null
  readonly value: unknown
}

export const SchemaAndValue = {
  NULL: Object.freeze({ schema: null, value: null }) as SchemaAndValue,
}

/** Kafka sets `converter.type` to say how a converter is used. */
export const ConverterType = { KEY: 'key', VALUE: 'value', HEADER: 'header' } as const
export type ConverterType = (typeof ConverterType)[keyof typeof ConverterType]

export interface Converter {
  /** Configs with the `key.converter.`/`value.converter.` prefix stripped. Throws ConfigError. */
  configure(configs: Readonly<Record<string, unknown>>, isKey: boolean): void
  /** null value (tombstone) → null bytes. Throws DataError when the value does not fit. */
  fromConnectData(topic: string, headers: ConnectHeaders | null, schema: Schema | null, value: unknown): Uint8Array | null
  /** null bytes → SchemaAndValue.NULL. Throws DataError on malformed input. */
  toConnectData(topic: string, headers: ConnectHeaders | null, bytes: Uint8Array | null): SchemaAndValue
  config(): ConfigDef
  close?(): void
}

export interface HeaderConverter {
  configure(configs: Readonly<Record<string, unknown>>): void
  fromConnectHeader(topic: string, headerKey: string, schema: Schema | null, value: unknown): Uint8Array | null
  toConnectHeader(topic: string, headerKey: string, bytes: Uint8Array | null): SchemaAndValue
  config(): ConfigDef
  close?(): void
}
