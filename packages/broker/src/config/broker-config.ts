// Turns server.properties text and --override pairs into one typed, validated BrokerConfig.
// Validation happens here once; everything downstream trusts the typed values.

import { readFile } from 'node:fs/promises'
import { BROKER_CONFIG_SCHEMA } from './broker-config-schema.ts'
import type { BrokerConfig, BrokerConfigKey, ConfigKeyDef } from './broker-config-schema.ts'
import { parseProperties } from './properties-file.ts'

export type RawConfigValue = string | number | boolean

/** A setting was refused; the message names the key. */
export class BrokerConfigError extends Error {
  readonly key: string
  constructor (key: string, message: string) {
    super(`Invalid broker setting ${key}: ${message}`)
    this.name = 'BrokerConfigError'
    this.key = key
  }
}

export interface LoadedBrokerConfig {
  config: BrokerConfig
  /** Keys set explicitly (file or overrides): DescribeConfigs reports them as STATIC_BROKER_CONFIG. */
  explicit: ReadonlySet<BrokerConfigKey>
  /** Keys we do not know; the caller logs them as warnings. */
  unknown: string[]
}

export function isBrokerConfigKey (key: string): key is BrokerConfigKey {
  return Object.hasOwn(BROKER_CONFIG_SCHEMA, key)
}

/** Parses one raw value for `key` (typed by the schema) and validates it; throws BrokerConfigError. */
export function parseConfigValue (key: BrokerConfigKey, raw: RawConfigValue): unknown {
  const def: ConfigKeyDef = BROKER_CONFIG_SCHEMA[key]
  const value = coerceConfigValue(key, def, raw)
  const problem = def.validate?.(value)
  if (problem !== undefined) throw new BrokerConfigError(key, `${JSON.stringify(raw)}: ${problem}`)
  return value
}

/** Converts a raw value to the schema type; throws BrokerConfigError naming `key`. */
export function coerceConfigValue (key: string, def: ConfigKeyDef, raw: RawConfigValue): unknown {
  const text = String(raw).trim()
  switch (def.type) {
    case 'int':
    case 'long': {
      if (!/^-?\d+$/.test(text)) throw new BrokerConfigError(key, `${JSON.stringify(raw)} is not an integer`)
      const n = Number(text)
      const limit = def.type === 'int' ? 2 ** 31 : 2 ** 63
      if (n < -limit || n >= limit) throw new BrokerConfigError(key, `${text} is out of range for ${def.type}`)
      // Java's Long.MAX_VALUE and friends mean "never": clamp to what a JS number holds exactly.
      return Math.max(Math.min(n, Number.MAX_SAFE_INTEGER), -Number.MAX_SAFE_INTEGER)
    }
    case 'double': {
      const n = Number(text)
      if (text === '' || !Number.isFinite(n)) throw new BrokerConfigError(key, `${JSON.stringify(raw)} is not a number`)
      return n
    }
    case 'boolean':
      if (/^true$/i.test(text)) return true
      if (/^false$/i.test(text)) return false
      throw new BrokerConfigError(key, `${JSON.stringify(raw)} is not true or false`)
    case 'list':
      return text === '' ? [] : text.split(',').map((s) => s.trim()).filter((s) => s !== '')
    default:
      return text
  }
}

/**
 * Builds the config from (lowest to highest precedence) the schema defaults, a properties
 * file and explicit overrides. Throws BrokerConfigError for the first bad value.
 */
export async function loadBrokerConfig (options: { file?: string; overrides?: Record<string, RawConfigValue> } = {}): Promise<LoadedBrokerConfig> {
  const raw = new Map<string, RawConfigValue>()
  if (options.file !== undefined) {
    let text: string
    try {
      text = await readFile(options.file, 'utf8')
    } catch (err) {
      throw new Error(`Cannot read broker config file ${options.file}: ${(err as Error).message}`, { cause: err })
    }
    for (const [k, v] of parseProperties(text)) raw.set(k, v)
  }
  for (const [k, v] of Object.entries(options.overrides ?? {})) raw.set(k, v)
  return buildBrokerConfig(raw)
}

export function buildBrokerConfig (raw: ReadonlyMap<string, RawConfigValue>): LoadedBrokerConfig {
  const config: Record<string, unknown> = {}
  for (const [key, def] of Object.entries(BROKER_CONFIG_SCHEMA) as Array<[BrokerConfigKey, ConfigKeyDef]>) {
    config[key] = def.default === null ? null : coerceConfigValue(key, def, def.default)
  }
  const explicit = new Set<BrokerConfigKey>()
  const unknown: string[] = []
  for (const [key, value] of raw) {
    if (!isBrokerConfigKey(key)) { unknown.push(key); continue }
    config[key] = parseConfigValue(key, value)
    explicit.add(key)
  }
  // broker.id is Kafka's legacy name for node.id.
  if (config['broker.id'] !== null && !explicit.has('node.id')) config['node.id'] = config['broker.id']
  const c = config as BrokerConfig
  if (c['group.min.session.timeout.ms'] > c['group.max.session.timeout.ms']) {
    throw new BrokerConfigError('group.min.session.timeout.ms', 'must not exceed group.max.session.timeout.ms')
  }
  parseListener('listeners', c.listeners)
  if (c['advertised.listeners'] !== null) parseListener('advertised.listeners', c['advertised.listeners'])
  return { config: c, explicit, unknown }
}

/**
 * The client listener as host/port: the first entry not named CONTROLLER (a KRaft
 * server.properties lists its controller listener too). `PLAINTEXT://:9092` = all interfaces.
 */
export function parseListener (key: string, value: string): { host: string; port: number } {
  const entries = value.split(',').map((e) => e.trim()).filter((e) => e !== '')
  const chosen = entries.find((e) => !/^CONTROLLER:\/\//i.test(e)) ?? entries[0] ?? ''
  const m = /^(?:[A-Za-z_][A-Za-z0-9_]*:\/\/)?(\[[^\]]*\]|[^:]*):(\d+)$/.exec(chosen)
  if (m === null) throw new BrokerConfigError(key, `${JSON.stringify(value)} is not NAME://host:port`)
  const port = Number(m[2])
  if (port > 65535) throw new BrokerConfigError(key, `port ${port} is out of range`)
  return { host: m[1].replace(/^\[|\]$/g, ''), port }
}

/** retention: log.retention.ms, else .minutes, else .hours (Kafka's precedence). */
export function effectiveRetentionMs (c: BrokerConfig): number {
  if (c['log.retention.ms'] !== null) return c['log.retention.ms']
  if (c['log.retention.minutes'] !== null) return c['log.retention.minutes'] === -1 ? -1 : c['log.retention.minutes'] * 60_000
  return c['log.retention.hours'] === -1 ? -1 : c['log.retention.hours'] * 3_600_000
}

export function effectiveRollMs (c: BrokerConfig): number {
  return c['log.roll.ms'] ?? c['log.roll.hours'] * 3_600_000
}

export function effectiveFlushMs (c: BrokerConfig): number {
  return c['log.flush.interval.ms'] ?? c['log.flush.scheduler.interval.ms']
}
