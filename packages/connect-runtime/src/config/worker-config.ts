// Standalone worker configuration (Kafka's WorkerConfig + StandaloneConfig + RestServerConfig):
// parsed once at start. Invalid values fail start with Kafka's ConfigException wording; unknown
// keys are logged, as Kafka logs "supplied but isn't a known config".
import { dirname, join } from 'node:path'
import { ConfigDef, ConfigType, Importance, Range, ValidString } from '@tributary/connect-api'

const def = new ConfigDef()
const d = (name: string, type: ConfigType, documentation: string, defaultValue?: unknown, extra: Record<string, unknown> = {}): void => {
  def.define({ name, type, importance: Importance.MEDIUM, documentation, ...(defaultValue === undefined ? {} : { defaultValue }), ...extra })
}
d('bootstrap.servers', ConfigType.LIST, 'Kafka brokers the worker connects to.', 'localhost:9092')
d('key.converter', ConfigType.CLASS, 'Converter for record keys.')
d('value.converter', ConfigType.CLASS, 'Converter for record values.')
d('header.converter', ConfigType.CLASS, 'Converter for record headers.', 'org.apache.kafka.connect.storage.SimpleHeaderConverter')
d('offset.storage.file.filename', ConfigType.STRING, 'File to store source offsets in.')
d('config.storage.file.filename', ConfigType.STRING, 'Tributary: file to keep connector configs in (default: next to the offsets file).', null)
d('offset.flush.interval.ms', ConfigType.LONG, 'Interval at which to commit task offsets.', 60000, { validator: Range.atLeast(0) })
d('offset.flush.timeout.ms', ConfigType.LONG, 'Maximum time to wait for records to flush before cancelling the commit.', 5000, { validator: Range.atLeast(0) })
d('task.shutdown.graceful.timeout.ms', ConfigType.LONG, 'Time to wait for tasks to shut down gracefully.', 5000, { validator: Range.atLeast(0) })
d('listeners', ConfigType.LIST, 'REST listeners.', 'http://:8083')
d('rest.port', ConfigType.INT, 'Deprecated REST port (used when listeners is not set).', null)
d('rest.host.name', ConfigType.STRING, 'Deprecated REST host name.', null)
d('rest.advertised.host.name', ConfigType.STRING, 'Host name given to clients and shown as worker_id.', null)
d('rest.advertised.port', ConfigType.INT, 'Port given to clients and shown as worker_id.', null)
d('plugin.path', ConfigType.LIST, 'Directories or npm packages holding plugins.', null)
d('config.providers', ConfigType.LIST, 'Config provider aliases.', '')
d('access.control.allow.origin', ConfigType.STRING, 'CORS allowed origins.', '')
d('access.control.allow.methods', ConfigType.STRING, 'CORS allowed methods.', '')
d('topic.creation.enable', ConfigType.BOOLEAN, 'Allow source connectors to create topics (KIP-158).', true)
d('topic.tracking.enable', ConfigType.BOOLEAN, 'Track the topics connectors use (KIP-558).', true)
d('topic.tracking.allow.reset', ConfigType.BOOLEAN, 'Allow resetting tracked topics.', true)
d('client.id', ConfigType.STRING, 'Client id prefix.', '')
d('admin.listeners', ConfigType.LIST, 'Admin REST listeners.', null)
d('connector.client.config.override.policy', ConfigType.STRING, 'Which client overrides connectors may set.', 'All', { validator: ValidString.in('All', 'None', 'Principal') })

export const WORKER_CONFIG_DEF = def

const KNOWN_PREFIXES = ['key.converter.', 'value.converter.', 'header.converter.', 'producer.', 'consumer.', 'admin.',
  'config.providers.', 'listeners.', 'admin.listeners.', 'ssl.', 'sasl.', 'security.', 'metrics.', 'metric.', 'rest.', 'response.']
const KNOWN_EXTRA = new Set(['group.id', 'metadata.max.age.ms', 'request.timeout.ms', 'retry.backoff.ms', 'reconnect.backoff.ms',
  'client.dns.lookup', 'plugin.discovery', 'rest.extension.classes', 'internal.key.converter', 'internal.value.converter',
  'key.converter.schemas.enable', 'value.converter.schemas.enable', 'exactly.once.source.support', 'tributary.data.dir'])

export interface WorkerConfig {
  raw: Record<string, string>
  bootstrapServers: string[]
  keyConverter: string
  valueConverter: string
  headerConverter: string
  offsetFile: string
  configFile: string
  offsetFlushIntervalMs: number
  offsetFlushTimeoutMs: number
  taskShutdownTimeoutMs: number
  restHost: string
  restPort: number
  advertisedHost: string | null
  advertisedPort: number | null
  pluginPath: string | null
  cors: { allowOrigin: string, allowMethods: string }
  topicCreationEnable: boolean
  topicTrackingEnable: boolean
  topicTrackingAllowReset: boolean
  /** Worker-level client settings with the prefix stripped. */
  producer: Record<string, string>
  consumer: Record<string, string>
  admin: Record<string, string>
  unknownKeys: string[]
}

/** Throws ConfigError (Kafka's message) on a missing required key or an invalid value. */
export function parseWorkerConfig (raw: Record<string, string>): WorkerConfig {
  const p = def.parse(raw)
  const listeners = (p.listeners as string[])
  const { host, port } = listenerAddress(listeners, p['rest.port'] as number | null, p['rest.host.name'] as string | null, raw.listeners !== undefined)
  const offsetFile = p['offset.storage.file.filename'] as string
  const prefixed = (prefix: string): Record<string, string> => {
    const out: Record<string, string> = {}
    for (const [k, v] of Object.entries(raw)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v
    return out
  }
  const unknownKeys = Object.keys(raw).filter((k) => !def.configKeys.has(k) && !KNOWN_EXTRA.has(k) && !KNOWN_PREFIXES.some((pre) => k.startsWith(pre)))
  return {
    raw,
    bootstrapServers: p['bootstrap.servers'] as string[],
    keyConverter: p['key.converter'] as string,
    valueConverter: p['value.converter'] as string,
    headerConverter: p['header.converter'] as string,
    offsetFile,
    configFile: (p['config.storage.file.filename'] as string | null) ?? join(dirname(offsetFile), 'connect.configs'),
    offsetFlushIntervalMs: p['offset.flush.interval.ms'] as number,
    offsetFlushTimeoutMs: p['offset.flush.timeout.ms'] as number,
    taskShutdownTimeoutMs: p['task.shutdown.graceful.timeout.ms'] as number,
    restHost: host,
    restPort: port,
    advertisedHost: p['rest.advertised.host.name'] as string | null,
    advertisedPort: p['rest.advertised.port'] as number | null,
    pluginPath: p['plugin.path'] === null ? null : (p['plugin.path'] as string[]).join(','),
    cors: { allowOrigin: p['access.control.allow.origin'] as string, allowMethods: p['access.control.allow.methods'] as string },
    topicCreationEnable: p['topic.creation.enable'] as boolean,
    topicTrackingEnable: p['topic.tracking.enable'] as boolean,
    topicTrackingAllowReset: p['topic.tracking.allow.reset'] as boolean,
    producer: prefixed('producer.'),
    consumer: prefixed('consumer.'),
    admin: prefixed('admin.'),
    unknownKeys,
  }
}

function listenerAddress (listeners: string[], restPort: number | null, restHost: string | null, listenersGiven: boolean): { host: string, port: number } {
  if (!listenersGiven && restPort !== null) return { host: restHost ?? '', port: restPort }
  const first = listeners.find((l) => /^https?:\/\//i.test(l)) ?? listeners[0]
  const m = /^(https?):\/\/(\[[^\]]*\]|[^:/]*)(?::(\d+))?\/?$/i.exec(first ?? '')
  if (m === null) throw new Error(`Invalid value ${listeners.join(',')} for configuration listeners: Listener must be of format HTTP://host:port`)
  return { host: m[2].replace(/^\[|\]$/g, ''), port: m[3] === undefined ? 8083 : Number(m[3]) }
}
