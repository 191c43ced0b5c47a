// The console's backend as one plain fastify plugin: `app.register(platformPlugin, options)`.
// Mounted on the Connect worker's REST server it shares port 8083 with the Kafka Connect API
// and talks to it in-process; given a REST base URL it drives a remote worker instead.
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { register as defaultRegistry } from 'prom-client'
import type { Registry } from 'prom-client'
import { createHttpConnectClient, createInjectConnectClient } from './connect-client.ts'
import type { ConnectClient } from './connect-client.ts'
import { PipelineStore } from './pipeline-store.ts'
import { PipelineMonitor } from './pipeline-monitor.ts'
import { createBrokerOffsetSource } from './offset-source.ts'
import type { BrokerWithGroups, OffsetSource } from './offset-source.ts'
import { createRegistryCounterSource } from './task-counters.ts'
import type { CounterSource } from './task-counters.ts'
import { registerPipelineMetrics } from './prometheus-metrics.ts'
import { registerBrokerMetrics } from './broker-metrics.ts'
import type { BrokerTopicsView } from './broker-metrics.ts'
import { PlatformError } from './platform-error.ts'
import type { PlatformContext } from './platform-context.ts'
import { pipelineListRoutes } from './routes/pipeline-list-routes.ts'
import { pipelineChangeRoutes } from './routes/pipeline-change-routes.ts'
import { pipelineActionRoutes } from './routes/pipeline-action-routes.ts'
import { monitoringRoutes, prometheusRoute } from './routes/monitoring-routes.ts'
import { staticUiRoutes } from './static-ui.ts'

export interface PlatformOptions {
  /** Where pipeline metadata and history live (<dataDir>/platform/). */
  dataDir: string
  /** The Connect REST API: a client, a base URL, or omitted to call the hosting server in-process. */
  connect?: ConnectClient | { baseUrl: string }
  /** Consumer lag: an OffsetSource, or the embedded broker (its group coordinator's describeLag). */
  offsets?: OffsetSource
  broker?: BrokerWithGroups
  /** Record counters; defaults to reading the shared prom-client registry. */
  counters?: CounterSource
  /** The one metrics registry shared with the worker; defaults to prom-client's global one. */
  registry?: Registry
  /** Serve GET /metrics; default: only when the host has not registered it. */
  metricsRoute?: boolean
  /** Built console; default packages/console/dist. Set false to not serve /ui. */
  uiDir?: string | false
  sampleIntervalMs?: number
  retentionMs?: number
  lagWindow?: number
}

export const defaultUiDir = fileURLToPath(new URL('../../console/dist', import.meta.url))

function validate (options: PlatformOptions): PlatformOptions {
  if (options === null || typeof options !== 'object') throw new TypeError('platformPlugin needs an options object')
  if (typeof options.dataDir !== 'string' || options.dataDir === '') throw new TypeError('platformPlugin needs options.dataDir')
  if (options.sampleIntervalMs !== undefined && !(options.sampleIntervalMs >= 100)) throw new TypeError('sampleIntervalMs must be >= 100')
  return options
}

export async function platformPlugin (app: FastifyInstance, rawOptions: PlatformOptions): Promise<void> {
  const options = validate(rawOptions)
  const registry = options.registry ?? defaultRegistry
  const connect: ConnectClient = options.connect === undefined
    ? createInjectConnectClient(app)
    : 'baseUrl' in options.connect ? createHttpConnectClient(options.connect.baseUrl) : options.connect
  const store = await PipelineStore.open({ dataDir: options.dataDir })
  const offsets = options.offsets ?? (options.broker ? createBrokerOffsetSource(options.broker) : undefined)
  const monitor = new PipelineMonitor({
    connect,
    store,
    ...(offsets ? { offsets } : {}),
    counters: options.counters ?? createRegistryCounterSource(registry),
    ...(options.sampleIntervalMs ? { intervalMs: options.sampleIntervalMs } : {}),
    ...(options.retentionMs ? { retentionMs: options.retentionMs } : {}),
    ...(options.lagWindow ? { lagWindow: options.lagWindow } : {}),
    onError: err => app.log.warn({ err }, 'pipeline sampling failed'),
  })
  const ctx: PlatformContext = { connect, store, monitor }

  app.setErrorHandler((err, _req, reply) => {
    const e = err as Error & { statusCode?: number }
    const status = err instanceof PlatformError ? err.httpStatus : (e.statusCode ?? 500)
    if (status >= 500) app.log.error({ err }, 'console API request failed')
    reply.code(status).send({ error_code: status, message: e.message })
  })

  await pipelineListRoutes(app, ctx)
  await pipelineChangeRoutes(app, ctx)
  await pipelineActionRoutes(app, ctx)
  await monitoringRoutes(app, ctx)
  registerPipelineMetrics(registry, monitor)
  if (options.broker !== undefined && 'topics' in options.broker) registerBrokerMetrics(registry, options.broker as BrokerTopicsView)
  const serveMetrics = options.metricsRoute ?? !app.hasRoute({ method: 'GET', url: '/metrics' })
  if (serveMetrics) await prometheusRoute(app, registry)
  if (options.uiDir !== false) await staticUiRoutes(app, options.uiDir ?? defaultUiDir)

  // Sample only once the server is ready to answer its own in-process calls.
  app.addHook('onReady', async () => { monitor.start() })
  if (options.uiDir !== false) {
    // The http server's own event: fastify's onListen hook does not reach an encapsulated plugin.
    app.server.once('listening', () => {
      const address = app.server.address()
      if (address !== null && typeof address === 'object') {
        const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address.includes(':') ? `[${address.address}]` : address.address
        app.log.info(`Tributary console on http://${host}:${address.port}/ui/`)
      }
    })
  }
  app.addHook('onClose', async () => {
    await monitor.stop()
    await offsets?.close?.()
  })
}

/** The plugin bound to its options, in the shape createRestServer's `extraPlugins` takes. */
export function createConsolePlugin (options: PlatformOptions): (app: FastifyInstance) => Promise<void> {
  validate(options)
  return async app => platformPlugin(app, options)
}
