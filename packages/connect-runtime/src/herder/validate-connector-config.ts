// Kafka's AbstractHerder.validateConnectorConfig: framework keys (enriched with each transform's
// and predicate's own keys), sink topic rules, converter classes, then the connector's own
// validate(). Placeholders are resolved for validation only. Never throws for bad values: every
// problem becomes an error on the key it concerns, counted in error_count.
import { ConfigDef, ConfigValue, configKeyInfo, type Connector, type ConfigKey } from '@tributary/connect-api'
import type { ConfigTransformer } from '../config-providers/config-transformer.ts'
import { ConnectRestError } from '../connect-rest-error.ts'
import type { PluginRegistry } from '../plugins/plugin-registry.ts'
import { enrichTransforms, GROUPS_BASE, sinkConnectorConfigDef, sourceConnectorConfigDef } from './connector-config-def.ts'
import type { ConfigInfos } from './entities.ts'

const list = (v: string | null | undefined): string[] => v === undefined || v === null || v.trim() === '' ? [] : v.split(/\s*,\s*/).map((s) => s.trim()).filter(Boolean)

/** Java's AbstractMap.toString, used in Kafka's "contains no connector type" message. */
export function javaMapString (m: Record<string, string | null>): string {
  return `{${Object.entries(m).map(([k, v]) => `${k}=${v}`).join(', ')}}`
}

export function findConnector (registry: PluginRegistry, cls: string): Connector {
  const d = registry.find('connector', cls)
  if (d === undefined) throw new ConnectRestError('INTERNAL', registry.connectorNotFoundMessage(cls))
  return d.create() as Connector
}

export async function validateConnectorConfig (registry: PluginRegistry, transformer: ConfigTransformer, raw: Record<string, string | null>): Promise<ConfigInfos> {
  const connType = raw['connector.class']
  if (connType === undefined || connType === null) throw new ConnectRestError('BAD_REQUEST', `Connector config ${javaMapString(raw)} contains no connector type`)
  const descriptor = registry.find('connector', connType)
  if (descriptor === undefined) throw new ConnectRestError('INTERNAL', registry.connectorNotFoundMessage(connType))
  const connector = descriptor.create() as Connector
  const isSink = descriptor.type === 'sink'

  const nonNull: Record<string, string> = {}
  for (const [k, v] of Object.entries(raw)) if (v !== null) nonNull[k] = v
  const props = transformer.transform(nonNull)

  const transforms = list(props.transforms)
  const predicates = list(props.predicates)
  const def = enrichTransforms(isSink ? sinkConnectorConfigDef() : sourceConnectorConfigDef(), [...new Set(transforms)], [...new Set(predicates)])
  const extraGroups: string[] = []
  // Embed each resolvable transform's / predicate's own keys under its prefix.
  for (const [kind, aliases, prefix] of [['transformation', transforms, 'transforms'], ['predicate', predicates, 'predicates']] as const) {
    for (const a of new Set(aliases)) {
      const cls = props[`${prefix}.${a}.type`]
      const d = cls === undefined ? undefined : registry.find(kind, cls)
      if (d === undefined) continue
      const own = new ConfigDef()
      for (const k of d.config().configKeys.values()) if (!def.configKeys.has(`${prefix}.${a}.${k.name}`)) own.define(redefine(k))
      def.embed(`${prefix}.${a}.`, `${prefix === 'transforms' ? 'Transforms' : 'Predicates'}: ${a}`, 5, own)
    }
  }
  const values = def.validateAll(props)
  const err = (key: string, msg: string): void => {
    let cv = values.get(key)
    if (cv === undefined) { cv = new ConfigValue(key, props[key] ?? null); values.set(key, cv) }
    cv.addErrorMessage(msg)
  }

  for (const [k, v] of Object.entries(raw)) if (v === null) err(k, 'Null value can not be supplied as the configuration value.')

  for (const [kind, aliases, prefix] of [['transformation', transforms, 'transforms'], ['predicate', predicates, 'predicates']] as const) {
    for (const a of new Set(aliases)) {
      const cls = props[`${prefix}.${a}.type`]
      if (cls !== undefined && registry.find(kind, cls) === undefined) err(`${prefix}.${a}.type`, `Invalid value ${cls} for configuration ${prefix}.${a}.type: Class ${cls} could not be found.`)
    }
  }
  for (const a of new Set(transforms)) {
    const negate = props[`transforms.${a}.negate`]
    const pred = props[`transforms.${a}.predicate`]
    if (negate !== undefined && (pred === undefined || pred.trim() === '')) {
      err(`transforms.${a}.negate`, `Config 'transforms.${a}.negate' was provided but there is no config 'transforms.${a}.predicate' defining a predicate to be negated.`)
    }
    if (pred !== undefined && pred.trim() !== '' && !predicates.includes(pred.trim())) {
      err(`transforms.${a}.predicate`, `Invalid value ${pred} for configuration transforms.${a}.predicate: Predicate ${pred} is not defined in predicates`)
    }
  }
  for (const [key, kind] of [['key.converter', 'converter'], ['value.converter', 'converter'], ['header.converter', 'header_converter']] as const) {
    const cls = props[key]
    if (cls !== undefined && cls.trim() !== '' && registry.find(kind, cls) === undefined) err(key, `Invalid value ${cls} for configuration ${key}: Class ${cls} could not be found.`)
  }

  // KIP-158: once any topic.creation.* key is given, the default group needs its two sizes.
  if (!isSink && Object.keys(props).some((k) => k.startsWith('topic.creation.') && k !== 'topic.creation.groups')) {
    for (const k of ['topic.creation.default.replication.factor', 'topic.creation.default.partitions']) {
      const v = props[k]
      if (v === undefined) err(k, `Missing required configuration "${k}" which has no default value.`)
      else if (!/^-?\d+$/.test(v.trim()) || (Number(v) < 1 && Number(v) !== -1)) {
        err(k, `Invalid value ${v} for configuration ${k}: ${k.endsWith('partitions') ? 'Number of partitions must be positive, or -1 to use the broker\'s default' : 'Replication factor must be positive and not larger than the number of brokers in the Kafka cluster, or -1 to use the broker\'s default'}`)
      }
    }
  }

  if (isSink) {
    const topics = list(props.topics)
    const regex = (props['topics.regex'] ?? '').trim()
    if (topics.length === 0 && regex === '') {
      err('topics', 'Must configure one of topics or topics.regex')
      err('topics.regex', 'Must configure one of topics or topics.regex')
    } else if (topics.length > 0 && regex !== '') {
      err('topics', 'topics and topics.regex are mutually exclusive options, but both are set.')
      err('topics.regex', 'topics and topics.regex are mutually exclusive options, but both are set.')
    }
    const dlq = (props['errors.deadletterqueue.topic.name'] ?? '').trim()
    if (dlq !== '' && topics.includes(dlq)) {
      err('errors.deadletterqueue.topic.name', `The DLQ topic '${dlq}' may not be included in the list of topics ('topics=[${topics.join(', ')}]') consumed by the connector`)
    } else if (dlq !== '' && regex !== '' && new RegExp(`^(?:${regex})$`).test(dlq)) {
      err('errors.deadletterqueue.topic.name', `The DLQ topic '${dlq}' may not be included in the regex matching the topics ('topics.regex=${regex}') consumed by the connector`)
    }
  }

  // The connector's own keys: its config() definition and its validate() results.
  const ownDef = connector.config()
  let own: ConfigValue[] = []
  try {
    own = await connector.validate(props)
  } catch (e) {
    err('connector.class', (e as Error).message)
  }
  const ownByName = new Map(own.map((cv) => [cv.name, cv]))
  const configs: ConfigInfos['configs'] = []
  const seen = new Set<string>()
  for (const key of def.configKeys.values()) {
    const cv = values.get(key.name)!
    const extra = ownByName.get(key.name)
    if (extra !== undefined) for (const m of extra.errorMessages) if (!cv.errorMessages.includes(m)) cv.addErrorMessage(m)
    configs.push({ definition: configKeyInfo(key), value: cv.toInfo(key.type) })
    seen.add(key.name)
  }
  for (const key of ownDef.configKeys.values()) {
    if (seen.has(key.name)) continue
    const cv = ownByName.get(key.name) ?? new ConfigValue(key.name, props[key.name] ?? null)
    // Framework-level findings on a connector key (a null value, say) join the connector's own.
    for (const m of values.get(key.name)?.errorMessages ?? []) if (!cv.errorMessages.includes(m)) cv.addErrorMessage(m)
    configs.push({ definition: configKeyInfo(key), value: cv.toInfo(key.type) })
    seen.add(key.name)
  }
  for (const [name, cv] of [...values, ...ownByName]) {
    if (seen.has(name)) continue
    configs.push({ definition: null, value: cv.toInfo(null) })
    seen.add(name)
  }
  for (const g of ownDef.groups()) if (!GROUPS_BASE.includes(g)) extraGroups.push(g)
  const groups = [...new Set([...def.groups(), ...extraGroups])]
  const errorCount = configs.reduce((n, c) => n + (c.value?.errors.length ?? 0), 0)
  return { name: connType, error_count: errorCount, groups, configs }
}

function redefine (k: ConfigKey): Parameters<ConfigDef['define']>[0] {
  return {
    name: k.name, type: k.type, ...(k.hasDefault ? { defaultValue: k.defaultValue } : {}), validator: k.validator, importance: k.importance,
    documentation: k.documentation, group: k.group, orderInGroup: k.orderInGroup, width: k.width, displayName: k.displayName,
    dependents: k.dependents, recommender: k.recommender, internal: k.internal,
  }
}

/** The 400 Kafka answers a create/update with when validation found errors. */
export function invalidConfigError (infos: ConfigInfos): ConnectRestError {
  const messages: string[] = []
  for (const c of infos.configs) for (const e of c.value?.errors ?? []) messages.push(e)
  return new ConnectRestError('BAD_REQUEST', `Connector configuration is invalid and contains the following ${messages.length} error(s):\n${messages.join('\n')}\nYou can also find the above list of errors at the endpoint \`/connector-plugins/{connectorType}/config/validate\``)
}
