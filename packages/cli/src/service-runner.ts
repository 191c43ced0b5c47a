// Runs long-lived services (the broker, later the Connect worker and console) until SIGINT or
// SIGTERM, then stops them in reverse start order and exits 0. A second signal exits at once.

import type { Logger } from 'pino'

export interface RunningService {
  readonly name: string
  close(): Promise<void>
  /** host:port for Kafka clients, when the service is a broker (the Connect worker uses it). */
  readonly bootstrap?: string
  /** The running broker itself, for in-process consumers (the console's lag view). */
  readonly broker?: unknown
  /** Base URL of the service's HTTP listener (the Connect worker's REST API). */
  readonly url?: string
}

export async function runUntilSignal (logger: Logger, start: () => Promise<RunningService[]>): Promise<void> {
  let services: RunningService[]
  try {
    services = await start()
  } catch (err) {
    process.stderr.write(`tributary: ${(err as Error).message}\n`)
    process.exitCode = 2
    return
  }
  let stopping = false
  const stop = async (signal: string): Promise<void> => {
    if (stopping) {
      process.stderr.write(`tributary: ${signal} again, exiting without a clean shutdown\n`)
      process.exit(1)
    }
    stopping = true
    logger.info({ signal }, 'shutting down')
    let failed = false
    for (const s of [...services].reverse()) {
      try {
        await s.close()
      } catch (err) {
        failed = true
        logger.error({ err, service: s.name }, 'clean shutdown failed')
      }
    }
    logger.flush()
    process.exit(failed ? 1 : 0)
  }
  process.on('SIGINT', () => { void stop('SIGINT') })
  process.on('SIGTERM', () => { void stop('SIGTERM') })
}
