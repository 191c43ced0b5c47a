// How a package hands its plugins to the runtime's registry: one descriptor per (class, type).
// A class that is both a converter and a header converter has two descriptors.
import type { ConfigDef } from '../config/config-def.ts'

export const PluginType = {
  SOURCE: 'source',
  SINK: 'sink',
  CONVERTER: 'converter',
  HEADER_CONVERTER: 'header_converter',
  TRANSFORMATION: 'transformation',
  PREDICATE: 'predicate',
} as const
export type PluginType = (typeof PluginType)[keyof typeof PluginType]

export interface PluginDescriptor<T = unknown> {
  /** The name configs use: Kafka's class name for built-ins (`org.apache.kafka.connect.transforms.Cast$Value`). */
  readonly className: string
  /** Other accepted names (`Filter`, `JsonConverter`); the registry rejects ambiguous ones. */
  readonly aliases: readonly string[]
  readonly type: PluginType
  /** Shown by GET /connector-plugins; "undefined" hides it, as Kafka does. */
  readonly version: string
  /** A fresh, unconfigured instance. */
  create(): T
  /** The plugin's config definition (GET /connector-plugins/{p}/config). */
  config(): ConfigDef
}
