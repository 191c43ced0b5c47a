// Runs retention/compaction (TopicRegistry.runMaintenance) every log.retention.check.interval.ms.
// Runs never overlap: the next one is scheduled when the previous one finished.

import type { Logger } from 'pino'

export class MaintenanceScheduler {
  #timer: NodeJS.Timeout | null = null
  #running: Promise<void> | null = null
  #stopped = false
  #intervalMs: number
  #run: (now: number) => Promise<void>
  #logger: Logger

  constructor (options: { intervalMs: number; run: (now: number) => Promise<void>; logger: Logger }) {
    this.#intervalMs = options.intervalMs
    this.#run = options.run
    this.#logger = options.logger
  }

  start (): void {
    this.#schedule()
  }

  async stop (): Promise<void> {
    this.#stopped = true
    if (this.#timer !== null) clearTimeout(this.#timer)
    await this.#running
  }

  #schedule (): void {
    if (this.#stopped) return
    // setTimeout caps at 2^31-1 ms; Kafka's "never"-sized intervals just mean a very long wait.
    this.#timer = setTimeout(() => this.#tick(), Math.min(this.#intervalMs, 2 ** 31 - 1))
    this.#timer.unref()
  }

  #tick (): void {
    this.#running = this.#run(Date.now())
      .catch((err: unknown) => this.#logger.error({ err }, 'maintenance run failed'))
      .finally(() => {
        this.#running = null
        this.#schedule()
      })
  }
}
