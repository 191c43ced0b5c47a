// Assembles a standalone Connect worker: config → plugins → stores → worker → herder → REST.
// The REST server listens first (GET /health answers 503 "starting" meanwhile); stored connectors
// then start, and only then is the worker healthy.
import { hostname } from 'node:os'
import type { PluginDescriptor } from '@tributary/connect-api'
import type { FastifyInstance } from 'fastify'
import { pino, type Logger } from 'pino'
import { ConfigTransformer } from './config-providers/config-transformer.ts'
import type { ConnectorFileEntry } from './config/connector-file.ts'
import { parseWorkerConfig, type WorkerConfig } from './config/worker-config.ts'
import { StandaloneHerder } from './herder/standalone-herder.ts'
import { KafkaClients } from './kafka/kafka-clients.ts'
import { ConnectMetrics } from './metrics/connect-metrics.ts'
import { builtInRegistry } from './plugins/built-in-plugins.ts'
import { loadPluginPath } from './plugins/plugin-path-loader.ts'
import { LoggerLevels } from './rest/loggers/logger-levels.ts'
import { createRestServer, type RestPlugin } from './rest/rest-server.ts'
import { FileConfigStore } from './stores/file-config-store.ts'
import { FileOffsetStore } from './stores/file-offset-store.ts'
import { StatusStore } from './worker/status-store.ts'
import { TopicTracker } from './worker/topic-tracker.ts'
import { Worker } from './worker/worker.ts'

export interface ConnectWorkerOptions {
  /** worker.properties keys (bootstrap.servers, key.converter, offset.storage.file.filename, listeners …). */
  workerProps: Record<string, string>
  log?: Logger
  /** Plugins besides the built-ins and plugin.path (tests, embedding applications). */
  plugins?: PluginDescriptor[]
  /** Mounted on the same REST port (the console's /ui and /api). */
  restPlugins?: RestPlugin[]
  metrics?: ConnectMetrics
  /** Created (or replaced) before the worker reports healthy, as connect-standalone's connector files. */
  connectors?: ConnectorFileEntry[]
}

export interface ConnectWorker {
  config: WorkerConfig
  herder: StandaloneHerder
  rest: FastifyInstance
  metrics: ConnectMetrics
  /** http://host:port of the REST listener. */
  url: string
  port: number
  workerId: string
  stop (): Promise<void>
}

export async function startConnectWorker (o: ConnectWorkerOptions): Promise<ConnectWorker> {
  const log = o.log ?? pino({ level: 'info' })
  const config = parseWorkerConfig(o.workerProps)
  for (const k of config.unknownKeys) log.warn(`The configuration '${k}' was supplied but isn't a known config.`)

  const registry = await builtInRegistry(o.plugins ?? [])
  if (config.pluginPath !== null) await loadPluginPath(registry, config.pluginPath, (m) => log.warn(m))
  for (const [key, cls, kind] of [['key.converter', config.keyConverter, 'converter'], ['value.converter', config.valueConverter, 'converter'], ['header.converter', config.headerConverter, 'header_converter']] as const) {
    if (registry.find(kind, cls) === undefined) throw new Error(`Invalid value ${cls} for configuration ${key}: Class ${cls} could not be found.`)
  }
  const transformer = ConfigTransformer.fromWorkerConfig(config.raw)
  const metrics = o.metrics ?? new ConnectMetrics()
  const levels = new LoggerLevels(log)
  const statuses = new StatusStore()
  const topics = new TopicTracker(config.topicTrackingEnable)
  const clients = new KafkaClients({ bootstrapServers: config.bootstrapServers, producer: config.producer, consumer: config.consumer })
  // One offset store shared by tasks (writers) and the herder (offsets API): a single in-memory view of the file.
  const offsetStore = new FileOffsetStore(config.offsetFile)
  let workerId = ''
  // eslint-disable-next-line prefer-const -- assigned after the worker that needs a callback into it
  let herder: StandaloneHerder
  const worker = new Worker({
    workerId: () => workerId,
    config,
    registry,
    offsetStore,
    statuses,
    topics,
    metrics,
    clients,
    transformer,
    log: levels.logger('org.apache.kafka.connect.runtime.Worker'),
    onTaskReconfiguration: (name) => herder.requestTaskReconfiguration(name),
  })
  herder = new StandaloneHerder({
    worker,
    configStore: new FileConfigStore(config.configFile),
    offsetStore,
    statuses,
    topics,
    registry,
    clients,
    transformer,
    log: levels.logger('org.apache.kafka.connect.runtime.standalone.StandaloneHerder'),
  })
  const rest = await createRestServer({
    herder,
    levels,
    log,
    cors: config.cors,
    topicTracking: { enabled: config.topicTrackingEnable, allowReset: config.topicTrackingAllowReset },
    metrics: metrics.registry,
    extraPlugins: o.restPlugins,
  })
  await rest.listen({ host: config.restHost === '' ? '0.0.0.0' : config.restHost, port: config.restPort })
  const addr = rest.server.address()
  const port = typeof addr === 'object' && addr !== null ? addr.port : config.restPort
  const host = config.advertisedHost ?? (config.restHost === '' || config.restHost === '0.0.0.0' ? hostname() : config.restHost)
  workerId = `${host}:${config.advertisedPort ?? port}`
  const urlHost = config.restHost === '' || config.restHost === '0.0.0.0' ? '127.0.0.1' : config.restHost
  log.info(`Kafka Connect (Tributary) REST server listening on http://${urlHost}:${port}`)

  try {
    await herder.start(async () => {
      for (const c of o.connectors ?? []) await herder.putConnectorConfig(c.name, c.config, { allowReplace: true, initialState: c.initialState })
    })
  } catch (err) {
    await rest.close().catch(() => {})
    await herder.shutdown().catch(() => {})
    await clients.close().catch(() => {})
    throw err
  }

  let stopped = false
  return {
    config,
    herder,
    rest,
    metrics,
    url: `http://${urlHost.includes(':') ? `[${urlHost}]` : urlHost}:${port}`,
    port,
    workerId,
    async stop () {
      if (stopped) return
      stopped = true
      await rest.close()
      await herder.shutdown()
      await clients.close()
    },
  }
}
