// @tributary/connect-api: the plugin contract. Connector packages depend on this alone.
export { ConnectError, DataError, RetriableError, SchemaProjectorError, SchemaBuilderError, ConfigError, describeConfigValue } from './errors.ts'
export type { MaybePromise, ConfigProps } from './maybe-promise.ts'

export { SchemaType, isPrimitiveType, schemaTypeFromName } from './data/schema-type.ts'
export { Schema, Field } from './data/schema.ts'
export type { SchemaOptions } from './data/schema.ts'
export { SchemaBuilder } from './data/schema-builder.ts'
export { Struct } from './data/struct.ts'
export { BigDecimal, bigintToTwosComplement, twosComplementToBigint } from './data/big-decimal.ts'
export { LogicalName } from './data/logical-names.ts'
export { Decimal, ConnectDate, ConnectTime, ConnectTimestamp } from './data/logical-types.ts'
export { validateValue } from './data/validate-value.ts'
export { valuesEqual } from './data/values-equal.ts'
export { isPlainObject, isMapValue, mapEntries, mapGet, mapHas, mapFromEntries, describeValueClass } from './data/map-value.ts'
export type { MapValue } from './data/map-value.ts'

export { ConnectHeaders } from './header/connect-headers.ts'
export type { Header } from './header/connect-headers.ts'

export { ConnectRecord } from './record/connect-record.ts'
export type { ConnectRecordInit, RecordChanges } from './record/connect-record.ts'
export { SourceRecord } from './record/source-record.ts'
export type { SourceRecordInit, SourcePartition, SourceOffset } from './record/source-record.ts'
export { SinkRecord, TimestampType } from './record/sink-record.ts'
export type { SinkRecordInit } from './record/sink-record.ts'

export { ConfigType, Importance, Width } from './config/config-types.ts'
export type { ConfigValidator, ConfigRecommender } from './config/config-types.ts'
export { ConfigDef, configKeyInfo } from './config/config-def.ts'
export type { ConfigKey, ConfigKeyOptions, ConfigKeyInfo } from './config/config-def.ts'
export { ConfigValue } from './config/config-value.ts'
export type { ConfigValueInfo } from './config/config-value.ts'
export { AbstractConfig } from './config/abstract-config.ts'
export { Password } from './config/password.ts'
export { parseConfigValue, configValueToString } from './config/parse-config-value.ts'
export type { ClassValue } from './config/parse-config-value.ts'
export {
  Range, ValidString, CaseInsensitiveValidString, ValidList, NonEmptyString, NonEmptyStringWithoutControlChars,
  NonNullValidator, NonEmptyList, compositeValidator, lambdaValidator,
} from './config/config-validators.ts'

export { Connector, SourceConnector, SinkConnector, ExactlyOnceSupport, ConnectorTransactionBoundaries } from './connector/connector.ts'
export type { ConnectorContext, TaskClass, SourceOffsetsToAlter, SinkOffsetsToAlter } from './connector/connector.ts'
export { SourceTask } from './connector/source-task.ts'
export type { SourceTaskContext, OffsetStorageReader, RecordMetadata } from './connector/source-task.ts'
export { SinkTask } from './connector/sink-task.ts'
export type { SinkTaskContext, TopicPartition, TopicPartitionOffset, ErrantRecordReporter } from './connector/sink-task.ts'

export type { Transformation, Predicate } from './transforms/transformation.ts'
export { SchemaAndValue, ConverterType } from './storage/converter.ts'
export type { Converter, HeaderConverter } from './storage/converter.ts'
export { PluginType } from './plugin/plugin-descriptor.ts'
export type { PluginDescriptor } from './plugin/plugin-descriptor.ts'
