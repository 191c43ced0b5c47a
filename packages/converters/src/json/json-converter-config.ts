// JsonConverter's keys (Kafka's JsonConverterConfig): schemas.enable, schemas.cache.size,
// decimal.format, replace.null.with.default, plus converter.type.
import { AbstractConfig, CaseInsensitiveValidString } from '@tributary/connect-api'
import type { ConfigDef } from '@tributary/connect-api'
import { converterConfigDef } from '../converter-config.ts'

export const DecimalFormat = { BASE64: 'BASE64', NUMERIC: 'NUMERIC' } as const
export type DecimalFormat = (typeof DecimalFormat)[keyof typeof DecimalFormat]

export function jsonConverterConfigDef(): ConfigDef {
  return converterConfigDef()
    .define({
      name: 'schemas.enable', type: 'BOOLEAN', defaultValue: true, importance: 'HIGH', group: 'Schemas', orderInGroup: 0, width: 'MEDIUM', displayName: 'Enable Schemas',
      documentation: 'Wrap each serialized key or value in a {"schema", "payload"} envelope carrying its Connect schema.',
    })
    .define({
      name: 'schemas.cache.size', type: 'INT', defaultValue: 1000, importance: 'HIGH', group: 'Schemas', orderInGroup: 1, width: 'MEDIUM', displayName: 'Schema Cache Size',
      documentation: 'How many schemas this converter instance keeps translated in memory.',
    })
    .define({
      name: 'decimal.format', type: 'STRING', defaultValue: DecimalFormat.BASE64, validator: CaseInsensitiveValidString.in(DecimalFormat.NUMERIC, DecimalFormat.BASE64),
      importance: 'LOW', group: 'Serialization', orderInGroup: 0, width: 'MEDIUM', displayName: 'Decimal Format',
      documentation: "How Decimal values are written: 'BASE64' (unscaled two's-complement bytes, the default) or 'NUMERIC' (a JSON number). Case insensitive.",
    })
    .define({
      name: 'replace.null.with.default', type: 'BOOLEAN', defaultValue: true, importance: 'LOW', group: 'Serialization', orderInGroup: 1, width: 'MEDIUM', displayName: 'Replace null with default',
      documentation: 'Write and read a null field as its schema default when there is one; false keeps the null.',
    })
}

export interface JsonConverterSettings {
  schemasEnabled: boolean
  cacheSize: number
  decimalFormat: DecimalFormat
  replaceNullWithDefault: boolean
  type: string
}

export function parseJsonConverterConfig(configs: Readonly<Record<string, unknown>>): JsonConverterSettings {
  const c = new AbstractConfig(jsonConverterConfigDef(), configs)
  return {
    schemasEnabled: c.getBoolean('schemas.enable')!,
    cacheSize: c.getInt('schemas.cache.size')!,
    decimalFormat: c.getString('decimal.format')!.toUpperCase() as DecimalFormat,
    replaceNullWithDefault: c.getBoolean('replace.null.with.default')!,
    type: c.getString('converter.type')!,
  }
}
