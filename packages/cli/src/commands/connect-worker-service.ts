// The Connect worker as a `tributary start` service: standalone mode, configs and offsets under
// <data-dir>/connect, REST on --rest-port (8083), Kafka = the embedded broker started before it,
// or an external cluster with --bootstrap-servers. Other packages (the console) mount their routes
// on the same port by pushing a factory onto `connectRestPlugins`.
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Logger } from 'pino'
import { parseJavaProperties, startConnectWorker, type ConnectMetrics, type RestPlugin } from '@tributary/connect-runtime'
import type { RunningService } from '../service-runner.ts'

export interface WorkerStartFlags {
  host?: string
  dataDir?: string
  restPort?: number
  bootstrapServers?: string
  workerConfig?: string
}

export interface ConnectRestPluginContext {
  dataDir: string
  registry: ConnectMetrics['registry']
  bootstrapServers: string
  /** The embedded broker when `start` runs one. */
  broker?: unknown
}
export type ConnectRestPluginFactory = (ctx: ConnectRestPluginContext) => RestPlugin | Promise<RestPlugin>

/** Factories of REST plugins mounted on the worker's server by `tributary start`. */
export const connectRestPlugins: ConnectRestPluginFactory[] = []

export async function startConnectWorkerService (flags: WorkerStartFlags, logger: Logger, started: readonly RunningService[]): Promise<RunningService> {
  const dataDir = resolve(flags.dataDir ?? 'data')
  const broker = started.find((s) => s.bootstrap !== undefined)
  const bootstrap = flags.bootstrapServers ?? broker?.bootstrap
  if (bootstrap === undefined) throw new Error('no Kafka to connect to: start the embedded broker or pass --bootstrap-servers host:port')
  const host = flags.host ?? '127.0.0.1'
  const fromFile = flags.workerConfig === undefined ? {} : parseJavaProperties(await readFile(flags.workerConfig, 'utf8'))
  const workerProps: Record<string, string> = {
    'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'offset.storage.file.filename': join(dataDir, 'connect', 'connect.offsets'),
    'config.storage.file.filename': join(dataDir, 'connect', 'connect.configs'),
    'offset.flush.interval.ms': '10000',
    listeners: `http://${host.includes(':') ? `[${host}]` : host}:${flags.restPort ?? 8083}`,
    ...fromFile,
    'bootstrap.servers': bootstrap,
  }
  if (flags.restPort !== undefined) workerProps.listeners = `http://${host.includes(':') ? `[${host}]` : host}:${flags.restPort}`
  const { ConnectMetrics: Metrics } = await import('@tributary/connect-runtime')
  const metrics = new Metrics()
  const ctx: ConnectRestPluginContext = { dataDir, registry: metrics.registry, bootstrapServers: bootstrap, ...(broker?.broker === undefined ? {} : { broker: broker.broker }) }
  const restPlugins = await Promise.all(connectRestPlugins.map((f) => f(ctx)))
  const worker = await startConnectWorker({ workerProps, log: logger.child({ service: 'connect' }), metrics, restPlugins })
  process.stdout.write(`Tributary Connect worker REST API on ${worker.url} (Kafka ${bootstrap}, data dir ${join(dataDir, 'connect')})\n`)
  return { name: 'connect', url: worker.url, close: () => worker.stop() }
}
