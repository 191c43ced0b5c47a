// The descriptors the runtime's plugin registry loads: Kafka's class names, and the aliases Kafka
// derives (simple name; simple name minus "Converter" / "HeaderConverter").
import { PluginType } from '@tributary/connect-api'
import type { PluginDescriptor, Converter, HeaderConverter, ConfigDef } from '@tributary/connect-api'
import { JsonConverter } from './json/json-converter.ts'
import { StringConverter } from './string-converter.ts'
import { ByteArrayConverter } from './byte-array-converter.ts'
import { SimpleHeaderConverter } from './simple-header-converter.ts'
import { BooleanConverter, ShortConverter, IntegerConverter, LongConverter, FloatConverter, DoubleConverter } from './number-converters.ts'

export const CONVERTERS_VERSION = '0.1.0'

interface ConverterClass<T> {
  new (): T
  readonly CLASS_NAME: string
}

function descriptor<T extends { config(): ConfigDef }>(cls: ConverterClass<T>, type: PluginType): PluginDescriptor<T> {
  const simple = cls.CLASS_NAME.slice(cls.CLASS_NAME.lastIndexOf('.') + 1)
  const suffix = type === PluginType.HEADER_CONVERTER ? 'HeaderConverter' : 'Converter'
  const pruned = simple.endsWith(suffix) && simple !== suffix ? simple.slice(0, -suffix.length) : null
  return {
    className: cls.CLASS_NAME,
    aliases: pruned ? [simple, pruned] : [simple],
    type,
    version: CONVERTERS_VERSION,
    create: () => new cls(),
    config: () => new cls().config(),
  }
}

const BOTH = [JsonConverter, StringConverter, ByteArrayConverter, BooleanConverter, ShortConverter, IntegerConverter, LongConverter, FloatConverter, DoubleConverter] as Array<ConverterClass<Converter & HeaderConverter>>

export const converterPlugins: ReadonlyArray<PluginDescriptor<Converter | HeaderConverter>> = [
  ...BOTH.map((c) => descriptor<Converter>(c, PluginType.CONVERTER)),
  ...BOTH.map((c) => descriptor<HeaderConverter>(c, PluginType.HEADER_CONVERTER)),
  descriptor<HeaderConverter>(SimpleHeaderConverter, PluginType.HEADER_CONVERTER),
]
