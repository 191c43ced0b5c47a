// The brokers the acceptance tests run against: Tributary's embedded broker (in-process, through
// startBroker, or as the CLI's child process for crash tests) and a real Apache Kafka 4.x.
// TRIBUTARY_PEER picks them: "tributary", "kafka" or "both" (the default).
import { mkdtemp, rm } from 'node:fs/promises'
import { openSync, closeSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startApacheKafka } from './apache-kafka.ts'
import type { ApacheKafka } from './apache-kafka.ts'
import { freePort } from './free-port.ts'
import { waitForKafkaReady } from './kafka-ready-probe.ts'
import { startManagedProcess } from './managed-process.ts'
import type { Prerequisite } from './prerequisites.ts'

export const targetNames = ['tributary', 'kafka'] as const
export type TargetName = typeof targetNames[number]

/** The targets selected by TRIBUTARY_PEER (tributary | kafka | both; default both). */
export function selectedTargets (): TargetName[] {
  const wanted = process.env.TRIBUTARY_PEER ?? 'both'
  if (wanted === 'both') return [...targetNames]
  if ((targetNames as readonly string[]).includes(wanted)) return [wanted as TargetName]
  throw new Error(`TRIBUTARY_PEER must be tributary, kafka or both, not ${wanted}`)
}

/** What a target needs installed, for skipUnless(). */
export function targetPrerequisites (name: TargetName): Prerequisite[] {
  return name === 'kafka' ? ['java', 'maven'] : []
}

export interface BrokerTarget {
  readonly name: TargetName
  /** host:port; the same across restart(). */
  readonly bootstrap: string
  readonly dataDir: string
  /** Clean shutdown and start again on the same data directory and port. */
  restart (): Promise<void>
  /** Stops the broker and removes its data directory. */
  stop (): Promise<void>
}

export interface StartTargetOptions {
  /** Kafka server.properties keys; both brokers take Kafka's names. */
  config?: Record<string, string | number | boolean>
}

export async function startTarget (name: TargetName, options: StartTargetOptions = {}): Promise<BrokerTarget> {
  const dataDir = await mkdtemp(join(tmpdir(), `tributary-accept-${name}-`))
  return name === 'kafka' ? kafkaTarget(dataDir, options) : tributaryTarget(dataDir, options)
}

async function kafkaTarget (dataDir: string, options: StartTargetOptions): Promise<BrokerTarget> {
  let kafka: ApacheKafka = await startApacheKafka({ dataDir, overrides: options.config })
  return {
    name: 'kafka',
    bootstrap: kafka.bootstrap,
    dataDir,
    async restart () {
      await kafka.stop()
      kafka = await startApacheKafka({ dataDir, overrides: options.config })
    },
    async stop () {
      // The data is thrown away, so there is nothing for a controlled shutdown to protect.
      await kafka.kill()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

async function tributaryTarget (dataDir: string, options: StartTargetOptions): Promise<BrokerTarget> {
  const { startBroker } = await import('@tributary/broker')
  const { default: pino } = await import('pino')
  const logger = pino({ level: process.env.TRIBUTARY_TEST_LOG_LEVEL ?? 'warn' })
  const start = (port: number): ReturnType<typeof startBroker> =>
    startBroker({ host: '127.0.0.1', port, dataDir, config: options.config, logger })
  let broker = await start(0)
  const port = broker.boundPort
  return {
    name: 'tributary',
    bootstrap: `127.0.0.1:${port}`,
    dataDir,
    async restart () {
      await broker.close()
      broker = await start(port)
    },
    async stop () {
      await broker.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

export interface BrokerProcess {
  readonly bootstrap: string
  readonly pid: number
  /** kill -9. */
  kill (): Promise<void>
  stop (): Promise<void>
  peakRssBytes (): number | undefined
  readonly logFile: string
}

const cliBin = fileURLToPath(new URL('../../cli/bin/tributary.js', import.meta.url))

/**
 * The broker as its own OS process, for crash tests and benchmarks: Tributary through its CLI
 * (`tributary broker --port P --data-dir D --override k=v`), or Apache Kafka's JVM. Start it again
 * with the same dataDir and port to restart after a kill.
 */
export async function startBrokerProcess (name: TargetName, options: { dataDir: string, port?: number, config?: Record<string, string | number | boolean>, heap?: string }): Promise<BrokerProcess> {
  if (name === 'kafka') {
    const kafka = await startApacheKafka({ dataDir: options.dataDir, port: options.port, overrides: options.config, heap: options.heap })
    return { bootstrap: kafka.bootstrap, pid: kafka.pid, kill: () => kafka.kill(), stop: () => kafka.stop(), peakRssBytes: () => kafka.peakRssBytes(), logFile: kafka.logFile }
  }
  const port = options.port ?? await freePort()
  const logFile = join(options.dataDir, `..`, `tributary-${port}.log`)
  const out = openSync(logFile, 'a')
  const overrides = Object.entries(options.config ?? {}).flatMap(([key, value]) => ['--override', `${key}=${value}`])
  const managed = startManagedProcess(process.execPath, [cliBin, 'broker', '--host', '127.0.0.1', '--port', String(port), '--data-dir', options.dataDir, ...overrides], {
    stdio: ['ignore', out, out],
  })
  closeSync(out)
  try {
    await waitForKafkaReady({
      host: '127.0.0.1',
      port,
      timeoutMs: 60_000,
      check: () => {
        if (!managed.isRunning()) throw new Error(`tributary broker exited during startup:\n${readFileSync(logFile, 'utf8').slice(-3000)}`)
      },
    })
  } catch (error) {
    await managed.stop(2000)
    throw error
  }
  return { bootstrap: `127.0.0.1:${port}`, pid: managed.pid, kill: () => managed.kill(), stop: () => managed.stop(), peakRssBytes: () => managed.peakRssBytes(), logFile }
}
