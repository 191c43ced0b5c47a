// The connector's errors.* keys, parsed once.

export interface ErrorHandlingConfig {
  retryTimeoutMs: number
  retryDelayMaxMs: number
  tolerance: 'none' | 'all'
  logEnable: boolean
  logIncludeMessages: boolean
  dlqTopic: string
  dlqReplicationFactor: number
  dlqContextHeaders: boolean
}

const bool = (v: string | undefined, d: boolean): boolean => v === undefined ? d : v.trim().toLowerCase() === 'true'
const num = (v: string | undefined, d: number): number => v === undefined || v.trim() === '' ? d : Number(v)

export function parseErrorHandlingConfig (c: Record<string, string>): ErrorHandlingConfig {
  return {
    retryTimeoutMs: num(c['errors.retry.timeout'], 0),
    retryDelayMaxMs: num(c['errors.retry.delay.max.ms'], 60000),
    tolerance: (c['errors.tolerance'] ?? 'none').trim().toLowerCase() === 'all' ? 'all' : 'none',
    logEnable: bool(c['errors.log.enable'], false),
    logIncludeMessages: bool(c['errors.log.include.messages'], false),
    dlqTopic: (c['errors.deadletterqueue.topic.name'] ?? '').trim(),
    dlqReplicationFactor: num(c['errors.deadletterqueue.topic.replication.factor'], 3),
    dlqContextHeaders: bool(c['errors.deadletterqueue.context.headers.enable'], false),
  }
}
