// The Connect REST server: Kafka Connect 3.9's paths, status codes and `{error_code, message}` errors,
// plus room for other packages (the console) to mount their own routes on the same port.
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify'
import type { Registry } from 'prom-client'
import type { Logger } from 'pino'
import { ConnectRestError } from '../connect-rest-error.ts'
import type { Herder } from '../herder/herder.ts'
import { registerCors } from './cors.ts'
import { connectorRoutes } from './connectors/connector-routes.ts'
import { connectorsRoutes } from './connectors/connectors-routes.ts'
import { offsetsRoutes } from './connectors/offsets-routes.ts'
import { taskRoutes } from './connectors/task-routes.ts'
import { topicsRoutes } from './connectors/topics-routes.ts'
import { pluginsRoutes } from './connector-plugins/plugins-routes.ts'
import type { LoggerLevels } from './loggers/logger-levels.ts'
import { loggersRoutes } from './loggers/loggers-routes.ts'
import { rootRoutes } from './root/root-routes.ts'

export type RestPlugin = (app: FastifyInstance) => Promise<void>

export interface RestServerOptions {
  herder: Herder
  levels: LoggerLevels
  log: Logger
  cors?: { allowOrigin: string, allowMethods: string }
  topicTracking?: { enabled: boolean, allowReset: boolean }
  /** Exposed as GET /metrics (Prometheus text format) when given. */
  metrics?: Registry
  /** Registered after the Connect routes, each in its own encapsulated context (e.g. the console's /ui and /api). */
  extraPlugins?: RestPlugin[]
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

function send (reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.code(status).type('application/json').send({ error_code: status, message })
}

export async function createRestServer (opts: RestServerOptions): Promise<FastifyInstance> {
  // Request lines are not logged (Kafka logs them at DEBUG); errors are.
  const restLog = opts.log.child({ logger: 'org.apache.kafka.connect.runtime.rest.RestServer' })
  if (restLog.levelVal < 40) restLog.level = 'warn'
  // Jersey matches a path with or without a trailing slash.
  const app = Fastify({ loggerInstance: restLog as FastifyBaseLogger, bodyLimit: 64 * 1024 * 1024, routerOptions: { ignoreTrailingSlash: true } })

  // Only JSON is accepted (Jersey answers 415 to anything else); parse failures are 500s as in Kafka.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body)
    if (text.trim() === '') { done(null, null); return }
    try {
      done(null, JSON.parse(text))
    } catch (err) {
      done(new ConnectRestError('INTERNAL', `Unexpected character in JSON body: ${(err as Error).message}`), undefined)
    }
  })

  app.setErrorHandler((err: FastifyError | ConnectRestError | Error, _req, reply) => {
    if (err instanceof ConnectRestError) return send(reply, err.httpStatus, err.message)
    const code = (err as FastifyError).code
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(reply, 415, 'HTTP 415 Unsupported Media Type')
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(reply, 413, 'HTTP 413 Request Entity Too Large')
    app.log.error({ err }, 'Uncaught exception in REST call')
    return send(reply, 500, err.message)
  })
  app.setNotFoundHandler((_req, reply) => send(reply, 404, 'HTTP 404 Not Found'))

  if (opts.cors !== undefined) registerCors(app, opts.cors)

  // Kafka answers a known path with an unsupported method 405; remember each path's methods.
  const routes = new Map<string, Set<string>>()
  app.addHook('onRoute', (r) => {
    if (r.url.startsWith('/api') || r.url.startsWith('/ui')) return
    const set = routes.get(r.url) ?? new Set<string>()
    for (const m of ([] as string[]).concat(r.method)) set.add(m)
    routes.set(r.url, set)
  })

  const { herder } = opts
  await app.register(async (scope) => {
    await rootRoutes(scope, { herder })
    await connectorsRoutes(scope, { herder })
    await connectorRoutes(scope, { herder })
    await taskRoutes(scope, { herder, log: app.log })
    await offsetsRoutes(scope, { herder })
    await topicsRoutes(scope, { herder, trackingEnabled: opts.topicTracking?.enabled ?? true, allowReset: opts.topicTracking?.allowReset ?? true })
    await pluginsRoutes(scope, { herder })
    await loggersRoutes(scope, { levels: opts.levels })
    if (opts.metrics !== undefined) {
      const registry = opts.metrics
      scope.get('/metrics', async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()))
    }
    for (const [url, methods] of [...routes]) {
      const missing = METHODS.filter((m) => !methods.has(m))
      if (missing.length > 0) scope.route({ method: missing, url, handler: async (_req, reply) => send(reply, 405, 'HTTP 405 Method Not Allowed') })
    }
  })

  for (const plugin of opts.extraPlugins ?? []) await app.register(plugin)
  return app
}
