// What DescribeConfigs reports for a topic or for the broker: every key (defaults included),
// its effective value, where that value comes from (ConfigSource) and, on request, its
// synonyms (the topic override, the broker key(s) it falls back to, the built-in default).

import { BROKER_CONFIG_SCHEMA } from './broker-config-schema.ts'
import type { BrokerConfig, BrokerConfigKey, ConfigKeyDef, ConfigValueType } from './broker-config-schema.ts'
import { coerceConfigValue } from './broker-config.ts'
import { configValueText, TOPIC_CONFIG_SCHEMA, topicConfigValue } from './topic-config.ts'

/** Kafka's DescribeConfigsResponse ConfigSource values. */
export const ConfigSource = {
  DYNAMIC_TOPIC_CONFIG: 1,
  DYNAMIC_BROKER_CONFIG: 2,
  STATIC_BROKER_CONFIG: 4,
  DEFAULT_CONFIG: 5,
} as const

/** Kafka's DescribeConfigsResponse ConfigType values. */
const CONFIG_TYPE: Record<ConfigValueType, number> = { boolean: 1, string: 2, int: 3, long: 5, double: 6, list: 7 }

export interface ConfigSynonym { name: string; value: string | null; source: number }

export interface ConfigEntry {
  name: string
  value: string | null
  readOnly: boolean
  isDefault: boolean
  configSource: number
  isSensitive: boolean
  synonyms: ConfigSynonym[]
  configType: number
  documentation: string | null
}

export interface DescribeOptions {
  /** null = every key. */
  keys: readonly string[] | null
  includeSynonyms: boolean
  includeDocumentation: boolean
}

function defaultText (def: ConfigKeyDef, key: string): string | null {
  return def.default === null ? null : configValueText(coerceConfigValue(key, def, def.default as string | number | boolean))
}

function brokerSynonyms (keys: readonly BrokerConfigKey[], config: BrokerConfig, explicit: ReadonlySet<BrokerConfigKey>): ConfigSynonym[] {
  const out: ConfigSynonym[] = []
  for (const k of keys) {
    if (explicit.has(k)) out.push({ name: k, value: configValueText(config[k]), source: ConfigSource.STATIC_BROKER_CONFIG })
  }
  // Like Kafka, only the most specific broker key's built-in default is listed (none when it
  // has no default, e.g. retention.ms ← log.retention.ms unset).
  const first = keys[0]
  const d = first === undefined ? null : defaultText(BROKER_CONFIG_SCHEMA[first], first)
  if (d !== null) out.push({ name: first, value: d, source: ConfigSource.DEFAULT_CONFIG })
  return out
}

export function describeTopicConfig (overrides: Readonly<Record<string, string>>, config: BrokerConfig, explicit: ReadonlySet<BrokerConfigKey>, options: DescribeOptions): ConfigEntry[] {
  const keys = options.keys ?? Object.keys(TOPIC_CONFIG_SCHEMA).sort()
  return keys.filter((k) => Object.hasOwn(TOPIC_CONFIG_SCHEMA, k)).map((name) => {
    const def = TOPIC_CONFIG_SCHEMA[name]
    const overridden = overrides[name] !== undefined
    const fromStatic = def.synonyms.some((k) => explicit.has(k))
    const configSource = overridden ? ConfigSource.DYNAMIC_TOPIC_CONFIG : fromStatic ? ConfigSource.STATIC_BROKER_CONFIG : ConfigSource.DEFAULT_CONFIG
    const synonyms = options.includeSynonyms
      ? [...(overridden ? [{ name, value: overrides[name], source: ConfigSource.DYNAMIC_TOPIC_CONFIG }] : []), ...brokerSynonyms(def.synonyms, config, explicit)]
      : []
    return {
      name,
      value: configValueText(topicConfigValue(name, overrides, config)),
      readOnly: false,
      isDefault: configSource === ConfigSource.DEFAULT_CONFIG,
      configSource,
      isSensitive: false,
      synonyms,
      configType: CONFIG_TYPE[def.type],
      documentation: options.includeDocumentation ? def.doc : null,
    }
  })
}

export function describeBrokerConfig (config: BrokerConfig, explicit: ReadonlySet<BrokerConfigKey>, options: DescribeOptions): ConfigEntry[] {
  const all = Object.keys(BROKER_CONFIG_SCHEMA).sort() as BrokerConfigKey[]
  const keys = options.keys === null ? all : all.filter((k) => options.keys!.includes(k))
  return keys.map((name) => {
    const def: ConfigKeyDef = BROKER_CONFIG_SCHEMA[name]
    const configSource = explicit.has(name) ? ConfigSource.STATIC_BROKER_CONFIG : ConfigSource.DEFAULT_CONFIG
    return {
      name,
      value: configValueText(config[name]),
      readOnly: true,
      isDefault: configSource === ConfigSource.DEFAULT_CONFIG,
      configSource,
      isSensitive: def.sensitive === true,
      synonyms: options.includeSynonyms ? brokerSynonyms([name], config, explicit) : [],
      configType: CONFIG_TYPE[def.type],
      documentation: options.includeDocumentation ? def.doc : null,
    }
  })
}
