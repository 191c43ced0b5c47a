// CORS as Kafka Connect's Jetty CrossOriginFilter does it when access.control.allow.origin is set:
// the request Origin is echoed when allowed, preflights are answered, and the headers ride on every
// response, errors included.
import type { FastifyInstance } from 'fastify'

export interface CorsOptions { allowOrigin: string, allowMethods: string }

const DEFAULT_METHODS = 'GET,POST,HEAD'
const ALLOWED_HEADERS = 'X-Requested-With,Content-Type,Accept,Origin'

export function registerCors (app: FastifyInstance, opts: CorsOptions): void {
  const origins = opts.allowOrigin.split(',').map((s) => s.trim()).filter(Boolean)
  if (origins.length === 0) return
  const methods = opts.allowMethods.trim() === '' ? DEFAULT_METHODS : opts.allowMethods.split(',').map((s) => s.trim()).join(',')
  const allowed = (origin: string): boolean => origins.includes('*') || origins.includes(origin)

  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin
    if (typeof origin !== 'string' || !allowed(origin)) return
    const requested = req.headers['access-control-request-method']
    const preflight = req.method === 'OPTIONS' && typeof requested === 'string'
    // A preflight for a method that is not allowed gets no CORS headers at all.
    if (preflight && !methods.split(',').includes(requested.toUpperCase())) return reply.code(200).send()
    reply.header('Access-Control-Allow-Origin', origin)
    reply.header('Access-Control-Allow-Credentials', 'true')
    reply.header('Vary', 'Origin')
    if (preflight) {
      reply.header('Access-Control-Allow-Methods', methods)
      reply.header('Access-Control-Allow-Headers', ALLOWED_HEADERS)
      reply.header('Access-Control-Max-Age', '1800')
      return reply.code(200).send()
    }
  })
}
