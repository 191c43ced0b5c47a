// Lifecycle actions (pause, resume, stop, restart; per task restart), on one pipeline or a
// selection, and offsets (view, alter, reset). Connect enforces the rules (offsets only when
// STOPPED); we forward, then note the change in the history.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { connectPaths } from '../connect-client.ts'
import type { ConnectClient } from '../connect-client.ts'
import { HistoryAction } from '../pipeline-store.ts'
import { asObject } from '../pipeline-input.ts'
import { PlatformError } from '../platform-error.ts'
import type { PlatformContext } from '../platform-context.ts'
import { userOf } from './pipeline-change-routes.ts'

export const PipelineAction = {
  pause: { method: 'PUT', path: connectPaths.pause, history: HistoryAction.paused },
  resume: { method: 'PUT', path: connectPaths.resume, history: HistoryAction.resumed },
  stop: { method: 'PUT', path: connectPaths.stop, history: HistoryAction.stopped },
  restart: { method: 'POST', path: connectPaths.restart, history: HistoryAction.restarted },
} as const
type ActionName = keyof typeof PipelineAction

function actionOf (value: unknown): ActionName {
  if (typeof value === 'string' && Object.hasOwn(PipelineAction, value)) return value as ActionName
  throw new PlatformError('BAD_REQUEST', `Unknown action ${String(value)}; expected one of ${Object.keys(PipelineAction).join(', ')}`, { httpStatus: 400 })
}

async function run (ctx: PlatformContext, req: FastifyRequest, name: string, action: ActionName): Promise<void> {
  const a = PipelineAction[action]
  await (ctx.connect as ConnectClient).call(a.method, a.path(name))
  await ctx.store.record({ pipeline: name, user: userOf(req, ctx.store.get(name)?.owner), action: a.history, diff: [] })
}

export async function pipelineActionRoutes (app: FastifyInstance, ctx: PlatformContext): Promise<void> {
  app.post<{ Params: { name: string, action: string } }>('/api/pipelines/:name/actions/:action', async (req, reply) => {
    await run(ctx, req, req.params.name, actionOf(req.params.action))
    void ctx.monitor.tick()
    reply.code(202)
    return { name: req.params.name, action: req.params.action, ok: true }
  })

  // A selection: every pipeline is tried, each result reported, one failure does not stop the rest.
  app.post('/api/pipelines/actions', async req => {
    const body = asObject(req.body, 'request body')
    const action = actionOf(body.action)
    if (!Array.isArray(body.names) || body.names.some(n => typeof n !== 'string')) throw new PlatformError('BAD_REQUEST', 'names must be an array of pipeline names', { httpStatus: 400 })
    const results = await Promise.all((body.names as string[]).map(async name => {
      try {
        await run(ctx, req, name, action)
        return { name, ok: true }
      } catch (err) {
        return { name, ok: false, message: (err as Error).message }
      }
    }))
    void ctx.monitor.tick()
    return { action, results }
  })

  app.post<{ Params: { name: string, task: string } }>('/api/pipelines/:name/tasks/:task/restart', async (req, reply) => {
    const task = Number(req.params.task)
    if (!Number.isInteger(task) || task < 0) throw new PlatformError('BAD_REQUEST', `Invalid task id ${req.params.task}`, { httpStatus: 400 })
    await ctx.connect.call('POST', connectPaths.taskRestart(req.params.name, task))
    await ctx.store.record({ pipeline: req.params.name, user: userOf(req, ctx.store.get(req.params.name)?.owner), action: HistoryAction.taskRestarted, diff: [], detail: { task } })
    reply.code(204)
  })

  app.get<{ Params: { name: string } }>('/api/pipelines/:name/offsets', async req => (await ctx.connect.call('GET', connectPaths.offsets(req.params.name))).body)

  app.patch<{ Params: { name: string } }>('/api/pipelines/:name/offsets', async req => {
    const { name } = req.params
    const { body: before } = await ctx.connect.call('GET', connectPaths.offsets(name))
    const { body } = await ctx.connect.call('PATCH', connectPaths.offsets(name), req.body)
    await ctx.store.record({ pipeline: name, user: userOf(req, ctx.store.get(name)?.owner), action: HistoryAction.offsetsAltered, diff: [], detail: { before, after: req.body } })
    return body
  })

  app.delete<{ Params: { name: string } }>('/api/pipelines/:name/offsets', async req => {
    const { name } = req.params
    const { body: before } = await ctx.connect.call('GET', connectPaths.offsets(name))
    const { body } = await ctx.connect.call('DELETE', connectPaths.offsets(name))
    await ctx.store.record({ pipeline: name, user: userOf(req, ctx.store.get(name)?.owner), action: HistoryAction.offsetsReset, diff: [], detail: { before } })
    return body
  })
}
