// Descriptors for the runtime's plugin registry: Kafka's class names (`…Cast$Value`) and short
// aliases (`Filter`, `Cast$Value`). Kafka resolves nested Key/Value classes only by full name;
// we also accept `Cast$Value`, which cannot collide.
import { PluginType } from '@tributary/connect-api'
import type { PluginDescriptor, Transformation, Predicate, ConfigDef } from '@tributary/connect-api'
import { Cast } from './cast.ts'
import { DropHeaders } from './drop-headers.ts'
import { ExtractField } from './extract-field.ts'
import { Filter } from './filter.ts'
import { Flatten } from './flatten.ts'
import { HeaderFrom } from './header-from.ts'
import { HoistField } from './hoist-field.ts'
import { InsertField } from './insert-field.ts'
import { InsertHeader } from './insert-header.ts'
import { MaskField } from './mask-field.ts'
import { RegexRouter } from './regex-router.ts'
import { ReplaceField } from './replace-field.ts'
import { SetSchemaMetadata } from './set-schema-metadata.ts'
import { TimestampConverter } from './timestamp-converter.ts'
import { TimestampRouter } from './timestamp-router.ts'
import { ValueToKey } from './value-to-key.ts'
import { HasHeaderKey } from './predicates/has-header-key.ts'
import { RecordIsTombstone } from './predicates/record-is-tombstone.ts'
import { TopicNameMatches } from './predicates/topic-name-matches.ts'

export const TRANSFORMS_VERSION = '0.1.0'
const PACKAGE = 'org.apache.kafka.connect.transforms'

type Plugin = Transformation | Predicate

function plugin<T extends Plugin>(simpleName: string, type: PluginType, create: () => T, aliases: string[] = [simpleName]): PluginDescriptor<T> {
  const prefix = type === PluginType.PREDICATE ? `${PACKAGE}.predicates` : PACKAGE
  return { className: `${prefix}.${simpleName}`, aliases, type, version: TRANSFORMS_VERSION, create, config: (): ConfigDef => create().config() }
}

function keyValue(name: string, cls: { Key: new () => Transformation; Value: new () => Transformation }): Array<PluginDescriptor<Transformation>> {
  return [
    plugin(`${name}$Key`, PluginType.TRANSFORMATION, () => new cls.Key()),
    plugin(`${name}$Value`, PluginType.TRANSFORMATION, () => new cls.Value()),
  ]
}

export const transformationPlugins: ReadonlyArray<PluginDescriptor<Transformation>> = [
  ...keyValue('Cast', Cast),
  plugin('DropHeaders', PluginType.TRANSFORMATION, () => new DropHeaders()),
  ...keyValue('ExtractField', ExtractField),
  plugin('Filter', PluginType.TRANSFORMATION, () => new Filter()),
  ...keyValue('Flatten', Flatten),
  ...keyValue('HeaderFrom', HeaderFrom),
  ...keyValue('HoistField', HoistField),
  ...keyValue('InsertField', InsertField),
  plugin('InsertHeader', PluginType.TRANSFORMATION, () => new InsertHeader()),
  ...keyValue('MaskField', MaskField),
  plugin('RegexRouter', PluginType.TRANSFORMATION, () => new RegexRouter()),
  ...keyValue('ReplaceField', ReplaceField),
  ...keyValue('SetSchemaMetadata', SetSchemaMetadata),
  ...keyValue('TimestampConverter', TimestampConverter),
  plugin('TimestampRouter', PluginType.TRANSFORMATION, () => new TimestampRouter()),
  plugin('ValueToKey', PluginType.TRANSFORMATION, () => new ValueToKey()),
]

export const predicatePlugins: ReadonlyArray<PluginDescriptor<Predicate>> = [
  plugin('HasHeaderKey', PluginType.PREDICATE, () => new HasHeaderKey()),
  plugin('RecordIsTombstone', PluginType.PREDICATE, () => new RecordIsTombstone()),
  plugin('TopicNameMatches', PluginType.PREDICATE, () => new TopicNameMatches()),
]

export const transformPlugins: ReadonlyArray<PluginDescriptor<Plugin>> = [...transformationPlugins, ...predicatePlugins]
