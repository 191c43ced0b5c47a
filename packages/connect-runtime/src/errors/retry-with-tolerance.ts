// Kafka's RetryWithToleranceOperator: retry RetriableErrors with backoff until errors.retry.timeout,
// then either tolerate (record skipped, reported) or fail the task. With errors.tolerance=all only
// transformation and converter stages tolerate any error; other stages tolerate only retriables.
// Fast path: an operation that does not throw is called synchronously, no promise involved.
import { RetriableError } from '@tributary/connect-api'
import type { ErrorHandlingConfig } from './error-handling-config.ts'
import { Stages, type ErrorContext, type ErrorReporter, type Stage } from './stages.ts'

export const SKIPPED: unique symbol = Symbol('skipped record')
export type Skipped = typeof SKIPPED

const TOLERATE_ANY: ReadonlySet<Stage> = new Set([Stages.TRANSFORMATION, Stages.KEY_CONVERTER, Stages.VALUE_CONVERTER, Stages.HEADER_CONVERTER])
const RETRY_MIN_DELAY_MS = 300

/** The task fails with this; its cause is the original error. */
export class ToleranceExceededError extends Error {
  readonly kafkaClassName = 'org.apache.kafka.connect.errors.ConnectException'
  constructor (message: string, cause: unknown) {
    super(message, { cause })
    this.name = 'ToleranceExceededError'
  }
}

export interface ErrorCounters {
  failure (stage: Stage): void
  skipped (stage: Stage): void
  retry (stage: Stage): void
}

export interface RetryDeps {
  reporters: ErrorReporter[]
  counters?: ErrorCounters
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

export class RetryWithToleranceOperator {
  readonly #cfg: ErrorHandlingConfig
  readonly #deps: Required<RetryDeps>
  #totalFailures = 0

  constructor (cfg: ErrorHandlingConfig, deps: RetryDeps) {
    this.#cfg = cfg
    this.#deps = {
      counters: { failure () {}, skipped () {}, retry () {} },
      now: Date.now,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
      ...deps,
    }
  }

  get totalFailures (): number { return this.#totalFailures }

  /** Runs `op`; returns its value, SKIPPED when the failure is tolerated, or throws when it is not. */
  execute<T> (ctx: Omit<ErrorContext, 'error'>, op: () => T): T | Skipped | Promise<T | Skipped> {
    try {
      const v = op()
      if (v instanceof Promise) return v.catch((err: unknown) => this.#recover(ctx, op, err, this.#deps.now()))
      return v
    } catch (err) {
      return this.#recover(ctx, op, err, this.#deps.now())
    }
  }

  async #recover<T> (ctx: Omit<ErrorContext, 'error'>, op: () => T, first: unknown, start: number): Promise<T | Skipped> {
    let err = first
    let attempt = 1
    while (err instanceof RetriableError && this.#canRetry(start)) {
      this.#deps.counters.retry(ctx.stage)
      await this.#deps.sleep(this.#backoff(attempt, start))
      attempt++
      try {
        return await op()
      } catch (next) {
        err = next
      }
    }
    this.#totalFailures++
    this.#deps.counters.failure(ctx.stage)
    const full: ErrorContext = { ...ctx, error: err }
    // Reported whatever the tolerance (as Kafka does): the log and DLQ see every failure.
    for (const r of this.#deps.reporters) await r.report(full)
    const tolerable = err instanceof RetriableError || TOLERATE_ANY.has(ctx.stage)
    if (!tolerable) throw new ToleranceExceededError('Unhandled exception in error handler', err)
    if (this.#cfg.tolerance === 'none') throw new ToleranceExceededError('Tolerance exceeded in error handler', err)
    this.#deps.counters.skipped(ctx.stage)
    return SKIPPED
  }

  #canRetry (start: number): boolean {
    const t = this.#cfg.retryTimeoutMs
    if (t === -1) return true
    return this.#deps.now() - start < t
  }

  /** 300 ms · 2^(attempt-1); beyond the max, random jitter below the max; never past the deadline. */
  #backoff (attempt: number, start: number): number {
    let delay = RETRY_MIN_DELAY_MS * 2 ** (attempt - 1)
    const max = this.#cfg.retryDelayMaxMs
    if (delay > max) delay = Math.floor(this.#deps.random() * max)
    if (this.#cfg.retryTimeoutMs !== -1) {
      const left = start + this.#cfg.retryTimeoutMs - this.#deps.now()
      delay = Math.max(0, Math.min(delay, left))
    }
    return delay
  }
}
