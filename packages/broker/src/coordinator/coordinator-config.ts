// Broker settings the coordinators obey (Kafka config names), read once from the broker's
// string overrides and validated here.

export interface CoordinatorConfig {
  groupMinSessionTimeoutMs: number // group.min.session.timeout.ms
  groupMaxSessionTimeoutMs: number // group.max.session.timeout.ms
  groupInitialRebalanceDelayMs: number // group.initial.rebalance.delay.ms
  groupMaxSize: number // group.max.size
  offsetMetadataMaxBytes: number // offset.metadata.max.bytes
  transactionMaxTimeoutMs: number // transaction.max.timeout.ms
  transactionAbortCheckIntervalMs: number // transaction.abort.timed.out.transaction.cleanup.interval.ms
  /** Longest group id accepted; longer ids get INVALID_GROUP_ID (ours, not a Kafka setting). */
  groupIdMaxBytes: number
}

const DEFAULTS = {
  'group.min.session.timeout.ms': 6000,
  'group.max.session.timeout.ms': 1800000,
  'group.initial.rebalance.delay.ms': 3000,
  'group.max.size': 2147483647,
  'offset.metadata.max.bytes': 4096,
  'transaction.max.timeout.ms': 900000,
  'transaction.abort.timed.out.transaction.cleanup.interval.ms': 10000,
  'tributary.group.id.max.bytes': 32767,
} as const

export function coordinatorConfig (overrides: Readonly<Record<string, string | number | undefined>> = {}): CoordinatorConfig {
  const read = (name: keyof typeof DEFAULTS, min: number): number => {
    const raw = overrides[name]
    if (raw === undefined) return DEFAULTS[name]
    const value = Number(raw)
    if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer >= ${min}, got ${String(raw)}`)
    return value
  }
  const config: CoordinatorConfig = {
    groupMinSessionTimeoutMs: read('group.min.session.timeout.ms', 0),
    groupMaxSessionTimeoutMs: read('group.max.session.timeout.ms', 1),
    groupInitialRebalanceDelayMs: read('group.initial.rebalance.delay.ms', 0),
    groupMaxSize: read('group.max.size', 1),
    offsetMetadataMaxBytes: read('offset.metadata.max.bytes', 0),
    transactionMaxTimeoutMs: read('transaction.max.timeout.ms', 1),
    transactionAbortCheckIntervalMs: read('transaction.abort.timed.out.transaction.cleanup.interval.ms', 1),
    groupIdMaxBytes: read('tributary.group.id.max.bytes', 1),
  }
  if (config.groupMinSessionTimeoutMs > config.groupMaxSessionTimeoutMs) {
    throw new RangeError('group.min.session.timeout.ms must not exceed group.max.session.timeout.ms')
  }
  return config
}
