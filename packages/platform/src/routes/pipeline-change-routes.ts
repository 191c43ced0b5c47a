// Write side of pipelines: create, edit, metadata, delete. Each change goes to Connect first;
// only what Connect accepted is written to the metadata store and the change history.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { connectPaths } from '../connect-client.ts'
import type { ConnectorInfo } from '../connect-types.ts'
import { configsEqual, diffConfigs } from '../config-diff.ts'
import { asObject, configInput, metaInput, nameInput } from '../pipeline-input.ts'
import { HistoryAction } from '../pipeline-store.ts'
import type { PlatformContext } from '../platform-context.ts'

/** Who made the change: the X-Tributary-User header when sent, else the given fallback (the owner). */
export function userOf (req: FastifyRequest, fallback?: string | null): string | null {
  const header = req.headers['x-tributary-user']
  const value = Array.isArray(header) ? header[0] : header
  return value !== undefined && value.trim() !== '' ? value.trim() : (fallback ?? null)
}

export async function pipelineChangeRoutes (app: FastifyInstance, ctx: PlatformContext): Promise<void> {
  app.post('/api/pipelines', async (req, reply) => {
    const body = asObject(req.body, 'request body')
    const name = nameInput(body.name)
    const meta = metaInput(body, true)
    const config = configInput(body.config)
    const initialState = typeof body.initial_state === 'string' ? body.initial_state : undefined
    return ctx.monitor.whileChanging(name, async () => {
      const { body: info } = await ctx.connect.call<ConnectorInfo>('POST', '/connectors', { name, config, ...(initialState ? { initial_state: initialState } : {}) })
      const stored = await ctx.store.upsert(name, { ...meta, config: info.config })
      await ctx.store.record({ pipeline: name, user: userOf(req, meta.owner), action: HistoryAction.created, diff: diffConfigs({}, info.config), detail: { ...meta } })
      reply.code(201)
      return { ...info, owner: stored.owner, ticket: stored.ticket, description: stored.description }
    })
  })

  app.put<{ Params: { name: string } }>('/api/pipelines/:name', async req => {
    const { name } = req.params
    const body = asObject(req.body, 'request body')
    const existing = ctx.store.get(name)
    // A pipeline created outside the console gets its owner on its first edit here.
    const meta = metaInput(body, existing === undefined || existing.owner === '')
    const config = configInput(body.config)
    return ctx.monitor.whileChanging(name, async () => {
      const { body: before } = await ctx.connect.call<Record<string, string>>('GET', connectPaths.config(name))
      // Only owner/ticket/description changed: leave the connector alone (a reconfig restarts it).
      const sameConfig = configsEqual(before, { ...config, name })
      const { body: info } = sameConfig
        ? await ctx.connect.call<ConnectorInfo>('GET', connectPaths.connector(name))
        : await ctx.connect.call<ConnectorInfo>('PUT', connectPaths.config(name), { ...config, name })
      const stored = await ctx.store.upsert(name, { ...meta, config: info.config })
      const metaChanged = Object.entries(meta).filter(([k, v]) => existing?.[k as keyof typeof meta] !== v).map(([k]) => k)
      await ctx.store.record({
        pipeline: name,
        user: userOf(req, stored.owner),
        action: sameConfig ? HistoryAction.metadata : HistoryAction.updated,
        diff: diffConfigs(before, info.config),
        ...(metaChanged.length > 0 ? { detail: Object.fromEntries(metaChanged.map(k => [k, meta[k as keyof typeof meta]])) } : {}),
      })
      return { ...info, owner: stored.owner, ticket: stored.ticket, description: stored.description }
    })
  })

  app.patch<{ Params: { name: string } }>('/api/pipelines/:name/meta', async req => {
    const { name } = req.params
    const meta = metaInput(asObject(req.body, 'request body'), false)
    await ctx.connect.call('GET', connectPaths.connector(name)) // 404 for an unknown pipeline
    const stored = await ctx.store.upsert(name, meta)
    await ctx.store.record({ pipeline: name, user: userOf(req, stored.owner), action: HistoryAction.metadata, diff: [], detail: { ...meta } })
    return stored
  })

  app.delete<{ Params: { name: string } }>('/api/pipelines/:name', async (req, reply) => {
    const { name } = req.params
    await ctx.monitor.whileChanging(name, async () => {
      const { body: before } = await ctx.connect.call<Record<string, string>>('GET', connectPaths.config(name))
      await ctx.connect.call('DELETE', connectPaths.connector(name))
      const meta = ctx.store.get(name)
      await ctx.store.record({ pipeline: name, user: userOf(req, meta?.owner), action: HistoryAction.deleted, diff: diffConfigs(before, {}) })
      await ctx.store.remove(name)
    })
    reply.code(204)
  })
}
