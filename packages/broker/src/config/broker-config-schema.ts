// The one table of broker settings Tributary understands, keyed by Kafka's own
// server.properties names. Parsing, validation, defaults, DescribeConfigs and the
// docs all read this table; a new setting is one new row.

export type ConfigValueType = 'int' | 'long' | 'double' | 'boolean' | 'string' | 'list'

export interface ConfigKeyDef {
  readonly type: ConfigValueType
  /** null = no default (derived from another key, or unset). */
  readonly default: number | boolean | string | null
  readonly doc: string
  /** Returns an error text when the (already typed) value is not allowed. */
  readonly validate?: (value: any) => string | undefined
  /** Whether DescribeConfigs hides the value (never true today; kept for parity with Kafka). */
  readonly sensitive?: boolean
}

const LONG_MAX = Number.MAX_SAFE_INTEGER

// Problems are worded as Kafka's ConfigDef validators word them (clients show the text).
const atLeast = (min: number) => (v: number) => (v < min ? `Value must be at least ${min}` : undefined)
const between = (min: number, max: number) => (v: number) =>
  (v < min ? `Value must be at least ${min}` : v > max ? `Value must be no more than ${max}` : undefined)
const oneOf = (...allowed: string[]) => (v: string) => (allowed.includes(v) ? undefined : `String must be one of: ${allowed.join(', ')}`)
const cleanupPolicy = (v: string[]) =>
  v.length > 0 && v.every((p) => p === 'delete' || p === 'compact') ? undefined : 'String must be one of: compact, delete'

export const BROKER_CONFIG_SCHEMA = {
  'node.id': { type: 'int', default: 1, doc: 'The id of this (single) node.', validate: atLeast(0) },
  'broker.id': { type: 'int', default: null, doc: 'Legacy alias of node.id.' },
  listeners: { type: 'string', default: 'PLAINTEXT://127.0.0.1:9092', doc: 'Listener to bind (first PLAINTEXT entry is used).' },
  'advertised.listeners': { type: 'string', default: null, doc: 'Address given to clients in Metadata; defaults to listeners.' },
  'log.dirs': { type: 'list', default: null, doc: 'Data directory (only the first entry is used: one disk).' },
  'log.dir': { type: 'string', default: './data', doc: 'Data directory when log.dirs is not set.' },
  'num.partitions': { type: 'int', default: 1, doc: 'Partitions of auto-created topics and of CreateTopics without a count.', validate: atLeast(1) },
  'auto.create.topics.enable': { type: 'boolean', default: true, doc: 'Create unknown topics on Metadata and Produce.' },
  'default.replication.factor': { type: 'int', default: 1, doc: 'Replication factor of auto-created topics (only 1 is possible on one node).', validate: between(1, 1) },
  'delete.topic.enable': { type: 'boolean', default: true, doc: 'Allow DeleteTopics.' },
  'log.segment.bytes': { type: 'int', default: 1073741824, doc: 'Segment size before rolling.', validate: atLeast(14) },
  'log.roll.ms': { type: 'long', default: null, doc: 'Segment age before rolling (overrides log.roll.hours).', validate: atLeast(1) },
  'log.roll.hours': { type: 'int', default: 168, doc: 'Segment age before rolling, in hours.', validate: atLeast(1) },
  'log.roll.jitter.ms': { type: 'long', default: null, doc: 'Accepted for compatibility; not applied.' },
  'log.retention.ms': { type: 'long', default: null, doc: 'Retention time (-1 = forever); overrides minutes and hours.', validate: atLeast(-1) },
  'log.retention.minutes': { type: 'int', default: null, doc: 'Retention time in minutes.', validate: atLeast(-1) },
  'log.retention.hours': { type: 'int', default: 168, doc: 'Retention time in hours.', validate: atLeast(-1) },
  'log.retention.bytes': { type: 'long', default: -1, doc: 'Retention size per partition (-1 = unbounded).', validate: atLeast(-1) },
  'log.retention.check.interval.ms': { type: 'long', default: 300000, doc: 'How often retention and compaction run.', validate: atLeast(1) },
  'log.cleanup.policy': { type: 'list', default: 'delete', doc: 'Default cleanup policy: delete, compact or both.', validate: cleanupPolicy },
  'log.cleaner.delete.retention.ms': { type: 'long', default: 86400000, doc: 'Tombstone lifetime on compacted topics.', validate: atLeast(0) },
  'log.cleaner.min.compaction.lag.ms': { type: 'long', default: 0, doc: 'Minimum age before a record may be compacted.', validate: atLeast(0) },
  'log.cleaner.max.compaction.lag.ms': { type: 'long', default: LONG_MAX, doc: 'Accepted for compatibility; not applied: every maintenance pass compacts all cleanable segments.', validate: atLeast(1) },
  'log.cleaner.min.cleanable.ratio': { type: 'double', default: 0.5, doc: 'Accepted for compatibility; not applied: a pass compacts whenever new segments became cleanable.', validate: between(0, 1) },
  'log.cleaner.enable': { type: 'boolean', default: true, doc: 'Accepted for compatibility; not applied: compact topics are always compacted.' },
  'log.flush.interval.messages': { type: 'long', default: LONG_MAX, doc: 'fsync after this many messages.', validate: atLeast(1) },
  'log.flush.interval.ms': { type: 'long', default: null, doc: 'fsync after a message has waited this long (default: never).', validate: atLeast(0) },
  'log.flush.scheduler.interval.ms': { type: 'long', default: LONG_MAX, doc: 'Accepted for compatibility.' },
  'log.flush.durable': { type: 'boolean', default: true, doc: 'Tributary: a Produce with acks=-1 is answered only after its data is fsynced.' },
  'log.index.interval.bytes': { type: 'int', default: 4096, doc: 'Bytes between offset index entries.', validate: atLeast(0) },
  'log.index.size.max.bytes': { type: 'int', default: 10485760, doc: 'Accepted for compatibility; not applied: an index grows with its segment.', validate: atLeast(4) },
  'log.segment.delete.delay.ms': { type: 'long', default: 60000, doc: 'Accepted for compatibility; not applied: deleted segments are removed at once.', validate: atLeast(0) },
  'log.message.timestamp.type': { type: 'string', default: 'CreateTime', doc: 'CreateTime or LogAppendTime.', validate: oneOf('CreateTime', 'LogAppendTime') },
  'log.message.timestamp.before.max.ms': { type: 'long', default: LONG_MAX, doc: 'Largest allowed age of a CreateTime timestamp.', validate: atLeast(0) },
  'log.message.timestamp.after.max.ms': { type: 'long', default: 3600000, doc: 'Largest allowed future skew of a CreateTime timestamp (Kafka 4 default: 1 hour).', validate: atLeast(0) },
  'log.local.retention.ms': { type: 'long', default: -2, doc: 'Accepted for compatibility (no tiered storage).', validate: atLeast(-2) },
  'log.local.retention.bytes': { type: 'long', default: -2, doc: 'Accepted for compatibility (no tiered storage).', validate: atLeast(-2) },
  'compression.gzip.level': { type: 'int', default: -1, doc: 'Accepted for compatibility (batches are stored as sent).', validate: between(-1, 9) },
  'compression.lz4.level': { type: 'int', default: 9, doc: 'Accepted for compatibility (batches are stored as sent).', validate: between(1, 17) },
  'compression.zstd.level': { type: 'int', default: 3, doc: 'Accepted for compatibility (batches are stored as sent).', validate: between(-131072, 22) },
  'log.preallocate': { type: 'boolean', default: false, doc: 'Accepted for compatibility; not applied.' },
  'compression.type': { type: 'string', default: 'producer', doc: 'Only "producer" is applied: batches are stored as sent.', validate: oneOf('producer', 'uncompressed', 'gzip', 'snappy', 'lz4', 'zstd') },
  'message.max.bytes': { type: 'int', default: 1048588, doc: 'Largest record batch accepted.', validate: atLeast(0) },
  'min.insync.replicas': { type: 'int', default: 1, doc: 'Accepted for compatibility (one node).', validate: atLeast(1) },
  'unclean.leader.election.enable': { type: 'boolean', default: false, doc: 'Accepted for compatibility (one node).' },
  'connections.max.idle.ms': { type: 'long', default: 600000, doc: 'Close a connection with no request in flight after this long idle (-1 = never).', validate: atLeast(-1) },
  'socket.request.max.bytes': { type: 'int', default: 104857600, doc: 'Largest request frame; larger frames close the connection.', validate: atLeast(1) },
  'group.initial.rebalance.delay.ms': { type: 'int', default: 3000, doc: 'Delay of the first rebalance of an empty group.', validate: atLeast(0) },
  'group.min.session.timeout.ms': { type: 'int', default: 6000, doc: 'Smallest session timeout a member may ask for.', validate: atLeast(0) },
  'group.max.session.timeout.ms': { type: 'int', default: 1800000, doc: 'Largest session timeout a member may ask for.', validate: atLeast(0) },
  'group.max.size': { type: 'int', default: 2147483647, doc: 'Most members in one group.', validate: atLeast(1) },
  'offsets.retention.minutes': { type: 'int', default: 10080, doc: 'How long committed offsets of an empty group are kept.', validate: atLeast(1) },
  'offsets.retention.check.interval.ms': { type: 'long', default: 600000, doc: 'How often expired offsets are removed.', validate: atLeast(1) },
  'offset.metadata.max.bytes': { type: 'int', default: 4096, doc: 'Largest commit metadata string.', validate: atLeast(0) },
  'offsets.topic.num.partitions': { type: 'int', default: 50, doc: 'Accepted for compatibility.', validate: atLeast(1) },
  'offsets.topic.replication.factor': { type: 'int', default: 1, doc: 'Accepted for compatibility (one node).', validate: atLeast(1) },
  'transaction.max.timeout.ms': { type: 'int', default: 900000, doc: 'Largest transaction timeout a producer may ask for.', validate: atLeast(1) },
  'transactional.id.expiration.ms': { type: 'int', default: 604800000, doc: 'Idle time after which a transactional id expires.', validate: atLeast(1) },
  'transaction.abort.timed.out.transaction.cleanup.interval.ms': { type: 'int', default: 10000, doc: 'How often timed-out transactions are aborted.', validate: atLeast(1) },
  'transaction.state.log.num.partitions': { type: 'int', default: 50, doc: 'Accepted for compatibility.', validate: atLeast(1) },
  'transaction.state.log.replication.factor': { type: 'int', default: 1, doc: 'Accepted for compatibility (one node).', validate: atLeast(1) },
  'transaction.state.log.min.isr': { type: 'int', default: 1, doc: 'Accepted for compatibility (one node).', validate: atLeast(1) },
  'producer.id.expiration.ms': { type: 'int', default: 86400000, doc: 'Idle time after which idempotent producer state expires.', validate: atLeast(1) },
  'num.network.threads': { type: 'int', default: 3, doc: 'Accepted for compatibility (one event loop).' },
  'num.io.threads': { type: 'int', default: 8, doc: 'Accepted for compatibility (one event loop).' },
  'socket.send.buffer.bytes': { type: 'int', default: 102400, doc: 'Accepted for compatibility.' },
  'socket.receive.buffer.bytes': { type: 'int', default: 102400, doc: 'Accepted for compatibility.' },
  'num.recovery.threads.per.data.dir': { type: 'int', default: 1, doc: 'Accepted for compatibility.' },
  'process.roles': { type: 'list', default: 'broker,controller', doc: 'Accepted for compatibility (always combined).' },
  'controller.quorum.voters': { type: 'list', default: null, doc: 'Accepted for compatibility (no quorum).' },
  'controller.listener.names': { type: 'list', default: null, doc: 'Accepted for compatibility (no controller listener).' },
  'listener.security.protocol.map': { type: 'string', default: null, doc: 'Accepted for compatibility (PLAINTEXT only).' },
  'inter.broker.listener.name': { type: 'string', default: null, doc: 'Accepted for compatibility (one node).' },
} as const satisfies Record<string, ConfigKeyDef>

export type BrokerConfigKey = keyof typeof BROKER_CONFIG_SCHEMA

type ValueOf<T extends ConfigValueType> =
  T extends 'int' | 'long' | 'double' ? number :
    T extends 'boolean' ? boolean :
      T extends 'list' ? string[] : string

/** Typed broker settings, keyed by Kafka's names; `null` where a key has no default and was not set. */
export type BrokerConfig = {
  readonly [K in BrokerConfigKey]: (typeof BROKER_CONFIG_SCHEMA)[K]['default'] extends null
    ? ValueOf<(typeof BROKER_CONFIG_SCHEMA)[K]['type']> | null
    : ValueOf<(typeof BROKER_CONFIG_SCHEMA)[K]['type']>
}
