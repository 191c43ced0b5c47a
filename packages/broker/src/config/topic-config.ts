// Topic-level settings (CreateTopics configs, AlterConfigs on a TOPIC resource) and how each
// falls back to a broker default, as Kafka's LogConfig does: a topic stores only its overrides.

import type { CleanupPolicy, LogConfig } from '../log/types.ts'
import { BROKER_CONFIG_SCHEMA } from './broker-config-schema.ts'
import type { BrokerConfig, BrokerConfigKey, ConfigKeyDef } from './broker-config-schema.ts'
import { BrokerConfigError, coerceConfigValue, effectiveFlushMs, effectiveRetentionMs, effectiveRollMs } from './broker-config.ts'

interface TopicKeyDef extends ConfigKeyDef {
  /** Broker keys this topic key falls back to, most specific first (DescribeConfigs synonyms). */
  readonly synonyms: readonly BrokerConfigKey[]
  /** Effective broker default, when it is derived from several keys. */
  readonly fromBroker?: (c: BrokerConfig) => number | string | boolean
}

const broker = (key: BrokerConfigKey): ConfigKeyDef => BROKER_CONFIG_SCHEMA[key]
const topicKey = (key: BrokerConfigKey, doc: string, extra: Partial<TopicKeyDef> = {}): TopicKeyDef =>
  ({ ...broker(key), doc, synonyms: [key], ...extra })
/** A topic key with no broker-level default (Kafka lists no synonyms for these). */
const topicOnly = (type: 'boolean' | 'list', value: boolean | string, doc: string): TopicKeyDef =>
  ({ type, default: value, doc, synonyms: [], fromBroker: () => value })

export const TOPIC_CONFIG_SCHEMA: Record<string, TopicKeyDef> = {
  'cleanup.policy': topicKey('log.cleanup.policy', 'delete, compact, or both.'),
  'compression.type': topicKey('compression.type', 'Stored as sent by the producer.'),
  'compression.gzip.level': topicKey('compression.gzip.level', 'Accepted for compatibility (no recompression).'),
  'compression.lz4.level': topicKey('compression.lz4.level', 'Accepted for compatibility (no recompression).'),
  'compression.zstd.level': topicKey('compression.zstd.level', 'Accepted for compatibility (no recompression).'),
  'follower.replication.throttled.replicas': topicOnly('list', '', 'Accepted for compatibility (one node).'),
  'leader.replication.throttled.replicas': topicOnly('list', '', 'Accepted for compatibility (one node).'),
  'local.retention.bytes': topicKey('log.local.retention.bytes', 'Accepted for compatibility (no tiered storage).'),
  'local.retention.ms': topicKey('log.local.retention.ms', 'Accepted for compatibility (no tiered storage).'),
  'remote.log.copy.disable': topicOnly('boolean', false, 'Accepted for compatibility (no tiered storage).'),
  'remote.log.delete.on.disable': topicOnly('boolean', false, 'Accepted for compatibility (no tiered storage).'),
  'remote.storage.enable': topicOnly('boolean', false, 'Accepted for compatibility (no tiered storage).'),
  'delete.retention.ms': topicKey('log.cleaner.delete.retention.ms', 'Tombstone lifetime on compacted topics.'),
  'file.delete.delay.ms': topicKey('log.segment.delete.delay.ms', 'Accepted for compatibility; deleted segments are removed at once.'),
  'flush.messages': topicKey('log.flush.interval.messages', 'fsync after this many messages.'),
  'flush.ms': topicKey('log.flush.interval.ms', 'fsync after a message has waited this long.', { fromBroker: effectiveFlushMs }),
  'index.interval.bytes': topicKey('log.index.interval.bytes', 'Bytes between offset index entries.'),
  'max.compaction.lag.ms': topicKey('log.cleaner.max.compaction.lag.ms', 'Accepted for compatibility; every maintenance pass compacts all cleanable segments.'),
  'max.message.bytes': topicKey('message.max.bytes', 'Largest record batch accepted.'),
  'message.timestamp.type': topicKey('log.message.timestamp.type', 'CreateTime or LogAppendTime.'),
  'message.timestamp.before.max.ms': topicKey('log.message.timestamp.before.max.ms', 'Largest allowed age of a CreateTime timestamp.'),
  'message.timestamp.after.max.ms': topicKey('log.message.timestamp.after.max.ms', 'Largest allowed future skew of a CreateTime timestamp.'),
  'min.cleanable.dirty.ratio': topicKey('log.cleaner.min.cleanable.ratio', 'Accepted for compatibility; a pass compacts whenever new segments became cleanable.'),
  'min.compaction.lag.ms': topicKey('log.cleaner.min.compaction.lag.ms', 'Minimum age before a record may be compacted.'),
  'min.insync.replicas': topicKey('min.insync.replicas', 'Accepted for compatibility (one node).'),
  preallocate: topicKey('log.preallocate', 'Accepted for compatibility.'),
  'retention.bytes': topicKey('log.retention.bytes', 'Retention size per partition (-1 = unbounded).'),
  'retention.ms': topicKey('log.retention.ms', 'Retention time (-1 = forever).', { fromBroker: effectiveRetentionMs, synonyms: ['log.retention.ms', 'log.retention.minutes', 'log.retention.hours'] }),
  'segment.bytes': topicKey('log.segment.bytes', 'Segment size before rolling.'),
  'segment.index.bytes': topicKey('log.index.size.max.bytes', 'Accepted for compatibility; an index grows with its segment.'),
  'segment.jitter.ms': topicKey('log.roll.jitter.ms', 'Accepted for compatibility.', { fromBroker: (c) => c['log.roll.jitter.ms'] ?? 0 }),
  'segment.ms': topicKey('log.roll.ms', 'Segment age before rolling.', { fromBroker: effectiveRollMs, synonyms: ['log.roll.ms', 'log.roll.hours'] }),
  'unclean.leader.election.enable': topicKey('unclean.leader.election.enable', 'Accepted for compatibility (one node).'),
}

export function isTopicConfigKey (key: string): boolean {
  return Object.hasOwn(TOPIC_CONFIG_SCHEMA, key)
}

/** Checks one topic override; returns the normalised string to store, or throws TopicConfigError. */
/** A refused topic config, worded as Kafka words it (clients show the message). */
export class TopicConfigError extends Error {
  override readonly name = 'TopicConfigError'
}

const TYPE_NAME: Record<string, string> = { int: 'INT', long: 'LONG', double: 'DOUBLE', boolean: 'BOOLEAN', list: 'LIST', string: 'STRING' }

export function validateTopicConfig (key: string, value: string): string {
  const def = TOPIC_CONFIG_SCHEMA[key]
  if (def === undefined) throw new TopicConfigError(`Unknown topic config name: ${key}`)
  let typed: unknown
  try {
    typed = coerceConfigValue(key, def, value)
  } catch (err) {
    if (!(err instanceof BrokerConfigError)) throw err
    const expected = def.type === 'boolean' ? 'Expected value to be either true or false' : `Not a number of type ${TYPE_NAME[def.type]}`
    throw new TopicConfigError(`Invalid value ${value} for configuration ${key}: ${expected}`, { cause: err })
  }
  const problem = def.validate?.(typed)
  if (problem !== undefined) throw new TopicConfigError(`Invalid value ${value} for configuration ${key}: ${problem}`)
  return Array.isArray(typed) ? typed.join(',') : String(typed)
}

/** The broker-level default for a topic key, as a typed value. */
function brokerDefault (key: string, c: BrokerConfig): unknown {
  const def = TOPIC_CONFIG_SCHEMA[key]
  if (def.fromBroker !== undefined) return def.fromBroker(c)
  return c[def.synonyms[0]]
}

/** Effective typed value of a topic key: the override if any, else the broker default. */
export function topicConfigValue (key: string, overrides: Readonly<Record<string, string>>, c: BrokerConfig): unknown {
  const def = TOPIC_CONFIG_SCHEMA[key]
  const override = overrides[key]
  return override !== undefined ? coerceConfigValue(key, def, override) : brokerDefault(key, c)
}

export function configValueText (value: unknown): string | null {
  if (value === null || value === undefined) return null
  // Kafka's "never" is Long.MAX_VALUE; we hold it as the largest exact JS integer.
  if (value === Number.MAX_SAFE_INTEGER) return '9223372036854775807'
  return Array.isArray(value) ? value.join(',') : String(value)
}

/** What the partition logs of a topic obey. */
export function toLogConfig (overrides: Readonly<Record<string, string>>, c: BrokerConfig): LogConfig {
  const v = (key: string) => topicConfigValue(key, overrides, c)
  const policy = [...new Set(v('cleanup.policy') as string[])].sort().join(',') as CleanupPolicy
  return {
    segmentBytes: v('segment.bytes') as number,
    segmentMs: v('segment.ms') as number,
    retentionMs: v('retention.ms') as number,
    retentionBytes: v('retention.bytes') as number,
    cleanupPolicy: policy,
    deleteRetentionMs: v('delete.retention.ms') as number,
    minCompactionLagMs: v('min.compaction.lag.ms') as number,
    maxMessageBytes: v('max.message.bytes') as number,
    messageTimestampType: v('message.timestamp.type') as LogConfig['messageTimestampType'],
    indexIntervalBytes: v('index.interval.bytes') as number,
    flushMessages: v('flush.messages') as number,
    flushMs: v('flush.ms') as number,
    durableAcks: c['log.flush.durable'],
    producerIdExpirationMs: c['producer.id.expiration.ms'],
  }
}
