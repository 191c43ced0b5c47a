// Whether a Kafka client failure is worth retrying at the task level (broker gone, leader moving,
// timeouts) rather than failing the task: @platformatic/kafka marks each error with canRetry,
// and an aggregate is retriable only when every error in it is.
export function isRetriableKafkaError (err: unknown): boolean {
  let sawRetriable = false
  const walk = (e: unknown, depth: number): boolean => {
    if (e === null || typeof e !== 'object' || depth > 6) return true
    const o = e as { canRetry?: unknown, code?: unknown, errors?: unknown, cause?: unknown }
    if (o.canRetry === false) return false
    if (o.canRetry === true || o.code === 'PLT_KFK_NETWORK' || o.code === 'PLT_KFK_TIMEOUT') sawRetriable = true
    if (Array.isArray(o.errors) && !o.errors.every((x) => walk(x, depth + 1))) return false
    return o.cause === undefined || walk(o.cause, depth + 1)
  }
  return walk(err, 0) && sawRetriable
}
