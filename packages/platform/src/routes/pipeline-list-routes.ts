// Read side of pipelines: the aggregated list (one Connect call, whatever the number of
// connectors), a pipeline's detail, and its change history.
import type { FastifyInstance } from 'fastify'
import { connectPaths } from '../connect-client.ts'
import type { ActiveTopics, ConnectorInfo, ConnectorStateInfo, ExpandedConnectors } from '../connect-types.ts'
import type { PlatformContext } from '../platform-context.ts'

export function pipelineSummary (ctx: PlatformContext, name: string, info: ConnectorInfo, status: ConnectorStateInfo | null | undefined) {
  const meta = ctx.store.get(name)
  const latest = ctx.monitor.latest(name)
  const lag = ctx.monitor.lagReport(name)
  return {
    name,
    type: info.type,
    plugin: info.config['connector.class'] ?? '',
    state: status?.connector.state ?? 'UNASSIGNED',
    tasks: (status?.tasks ?? []).map(t => ({ id: t.id, state: t.state, worker_id: t.worker_id })),
    topics: ctx.monitor.view(name)?.topics ?? [],
    owner: meta?.owner ?? null,
    ticket: meta?.ticket ?? null,
    description: meta?.description ?? null,
    updatedAt: meta?.updatedAt ?? null,
    inRate: latest?.inRate ?? 0,
    outRate: latest?.outRate ?? 0,
    errors: latest?.errors ?? 0,
    dlq: latest?.dlq ?? 0,
    // No committed offset yet means no lag to speak of (Burrow: group not found), not zero.
    lag: lag !== undefined && lag.partitions.length > 0 ? lag.totalLag : null,
    lagStatus: lag?.status ?? null,
  }
}

export async function pipelineListRoutes (app: FastifyInstance, ctx: PlatformContext): Promise<void> {
  app.get('/api/pipelines', async () => {
    const { body } = await ctx.connect.call<ExpandedConnectors>('GET', connectPaths.connectors)
    return Object.entries(body)
      .filter(([, e]) => e.info !== undefined)
      .map(([name, e]) => pipelineSummary(ctx, name, e.info as ConnectorInfo, e.status))
      .sort((a, b) => a.name.localeCompare(b.name))
  })

  app.get<{ Params: { name: string } }>('/api/pipelines/:name', async req => {
    const { name } = req.params
    const [{ body: info }, status, topics] = await Promise.all([
      ctx.connect.call<ConnectorInfo>('GET', connectPaths.connector(name)),
      ctx.connect.call<ConnectorStateInfo>('GET', connectPaths.status(name)).then(r => r.body, () => null),
      ctx.connect.call<ActiveTopics>('GET', connectPaths.topics(name)).then(r => r.body?.[name]?.topics ?? [], () => []),
    ])
    return {
      ...pipelineSummary(ctx, name, info, status),
      topics: [...topics].sort(),
      config: info.config,
      status,
      createdAt: ctx.store.get(name)?.createdAt ?? null,
      lagReport: ctx.monitor.lagReport(name) ?? null,
    }
  })

  app.get<{ Params: { name: string } }>('/api/pipelines/:name/history', async req => ctx.store.history(req.params.name))
  app.get('/api/history', async () => ctx.store.history())
}
