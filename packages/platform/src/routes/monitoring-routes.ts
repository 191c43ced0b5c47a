// Time series, lag status, lineage and the Connect pass-through the console uses.
import type { FastifyInstance } from 'fastify'
import type { Registry } from 'prom-client'
import { buildLineage } from '../lineage.ts'
import type { PlatformContext } from '../platform-context.ts'

export async function monitoringRoutes (app: FastifyInstance, ctx: PlatformContext): Promise<void> {
  app.get<{ Params: { name: string }, Querystring: { since?: string } }>('/api/pipelines/:name/series', async req => {
    const since = Number(req.query.since ?? 0)
    return {
      intervalMs: ctx.monitor.intervalMs,
      samples: ctx.monitor.series(req.params.name).filter(s => s.t > since),
      lag: ctx.monitor.lagReport(req.params.name) ?? null,
    }
  })

  app.get('/api/overview/series', async () => ({ intervalMs: ctx.monitor.intervalMs, samples: ctx.monitor.platformSeries() }))

  app.get('/api/lag', async () => ctx.monitor.views()
    .filter(v => v.info.type === 'sink')
    .map(v => ({ pipeline: v.name, report: ctx.monitor.lagReport(v.name) ?? null })))

  app.get<{ Querystring: { pipeline?: string, topic?: string } }>('/api/lineage', async req => {
    if (ctx.monitor.lastTick === 0) await ctx.monitor.tick()
    const pipelines = ctx.monitor.views().map(v => ({
      name: v.name,
      type: v.info.type,
      config: v.info.config,
      topics: v.topics,
      ...(v.status ? { state: v.status.connector.state } : {}),
    }))
    const focus = { ...(req.query.pipeline ? { pipeline: req.query.pipeline } : {}), ...(req.query.topic ? { topic: req.query.topic } : {}) }
    return buildLineage(pipelines, focus)
  })

  /** Refresh now (the console calls this right after a change instead of waiting for the next tick). */
  app.post('/api/refresh', async () => { await ctx.monitor.tick(); return { at: ctx.monitor.lastTick } })

  // Same-origin access to the Connect REST API even when the worker is remote (REST base URL mode).
  app.all<{ Params: { '*': string } }>('/api/connect/*', async (req, reply) => {
    const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : ''
    const path = '/' + req.params['*'] + query
    const res = await ctx.connect.call(req.method, path, req.body === undefined || req.body === null ? undefined : req.body)
    // Send explicitly: Connect answers some calls with an empty body (202, 204).
    return reply.code(res.status).send(res.body === null ? undefined : res.body)
  })
}

export async function prometheusRoute (app: FastifyInstance, registry: Registry): Promise<void> {
  app.get('/metrics', async (_req, reply) => {
    reply.header('content-type', registry.contentType)
    return registry.metrics()
  })
}
