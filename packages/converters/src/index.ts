// @tributary/converters: Kafka Connect's converters under Kafka's class names.
export { JsonConverter } from './json/json-converter.ts'
export { jsonConverterConfigDef, DecimalFormat } from './json/json-converter-config.ts'
export { StringConverter, stringConverterConfigDef } from './string-converter.ts'
export { ByteArrayConverter } from './byte-array-converter.ts'
export { BooleanConverter, ShortConverter, IntegerConverter, LongConverter, FloatConverter, DoubleConverter } from './number-converters.ts'
export { SimpleHeaderConverter } from './simple-header-converter.ts'
export { converterConfigDef, CONVERTER_TYPE_CONFIG } from './converter-config.ts'
export { converterPlugins, CONVERTERS_VERSION } from './converter-plugins.ts'
