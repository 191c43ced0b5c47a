// Defaults of the per-topic log settings (Kafka's, except durableAcks: a single node has no
// replicas, so acknowledged writes are fsynced by default — notes §7.5) and their one validation.

import type { LogConfig } from './types.ts'

export function defaultLogConfig (): LogConfig {
  return {
    segmentBytes: 1024 * 1024 * 1024,
    segmentMs: 7 * 24 * 3600 * 1000,
    retentionMs: 7 * 24 * 3600 * 1000,
    retentionBytes: -1,
    cleanupPolicy: 'delete',
    deleteRetentionMs: 24 * 3600 * 1000,
    minCompactionLagMs: 0,
    maxMessageBytes: 1048588,
    messageTimestampType: 'CreateTime',
    indexIntervalBytes: 4096,
    flushMessages: Number.MAX_SAFE_INTEGER,
    flushMs: Number.MAX_SAFE_INTEGER,
    durableAcks: true,
    producerIdExpirationMs: 24 * 3600 * 1000,
  }
}

/** Throws a RangeError naming the first bad setting. */
export function validateLogConfig (config: LogConfig): LogConfig {
  const atLeast = (name: keyof LogConfig, min: number): void => {
    const v = config[name]
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min) throw new RangeError(`log config ${name} must be a number >= ${min}, got ${String(v)}`)
  }
  atLeast('segmentBytes', 14) // Kafka's minimum segment.bytes (LegacyRecord.RECORD_OVERHEAD_V0)
  // Index positions are int32, as in Kafka (segment.bytes is an int there).
  if (config.segmentBytes > 0x7fffffff) throw new RangeError(`log config segmentBytes must be <= ${0x7fffffff}, got ${config.segmentBytes}`)
  atLeast('segmentMs', 1)
  atLeast('retentionMs', -1)
  atLeast('retentionBytes', -1)
  atLeast('deleteRetentionMs', 0)
  atLeast('minCompactionLagMs', 0)
  atLeast('maxMessageBytes', 0)
  atLeast('indexIntervalBytes', 0)
  atLeast('flushMessages', 1)
  atLeast('flushMs', 0)
  if (!['delete', 'compact', 'compact,delete'].includes(config.cleanupPolicy)) throw new RangeError(`log config cleanupPolicy must be delete, compact or compact,delete, got ${config.cleanupPolicy}`)
  if (config.messageTimestampType !== 'CreateTime' && config.messageTimestampType !== 'LogAppendTime') throw new RangeError(`log config messageTimestampType must be CreateTime or LogAppendTime, got ${String(config.messageTimestampType)}`)
  if (typeof config.durableAcks !== 'boolean') throw new RangeError('log config durableAcks must be a boolean')
  if (config.producerIdExpirationMs !== undefined) atLeast('producerIdExpirationMs', 1)
  return { ...config }
}
