// Keys every converter shares: `converter.type` (key | value | header) is set by the runtime,
// as Kafka's ConverterConfig; `configure(configs, isKey)` fills it in.
import { ConfigDef, ValidString, ConverterType } from '@tributary/connect-api'

export const CONVERTER_TYPE_CONFIG = 'converter.type'

export function converterConfigDef(): ConfigDef {
  return new ConfigDef().define({
    name: CONVERTER_TYPE_CONFIG,
    type: 'STRING',
    validator: ValidString.in(ConverterType.KEY, ConverterType.VALUE, ConverterType.HEADER),
    importance: 'LOW',
    documentation: 'Whether the converter handles record keys, record values or headers. Set by the worker.',
  })
}

/** The configs with converter.type set from isKey, as Kafka's configure(configs, isKey) does. */
export function withConverterType(configs: Readonly<Record<string, unknown>>, isKey: boolean): Record<string, unknown> {
  return { ...configs, [CONVERTER_TYPE_CONFIG]: isKey ? ConverterType.KEY : ConverterType.VALUE }
}
