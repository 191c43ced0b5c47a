// /connectors/{c}/tasks…: task configs, task status, task restart.
import type { FastifyInstance, FastifyBaseLogger } from 'fastify'
import { ConnectRestError } from '../../connect-rest-error.ts'
import type { Herder } from '../../herder/herder.ts'

type P = { c: string, t: string }

/** Jersey binds {task} to an Integer; anything else matches no resource (404). */
function taskId (t: string): number {
  if (!/^[+-]?\d+$/.test(t) || Number(t) > 2147483647 || Number(t) < -2147483648) {
    throw new ConnectRestError('NOT_FOUND', 'HTTP 404 Not Found')
  }
  return Number(t)
}

export async function taskRoutes (app: FastifyInstance, opts: { herder: Herder, log: FastifyBaseLogger }): Promise<void> {
  const { herder, log } = opts
  app.get<{ Params: P }>('/connectors/:c/tasks', async (req) => herder.taskInfos(req.params.c))

  app.get<{ Params: P }>('/connectors/:c/tasks-config', async (req) => {
    log.warn('The GET /connectors/{connector}/tasks-config endpoint is deprecated and will be removed in the next major release. Please use the GET /connectors/{connector}/tasks endpoint instead.')
    const out: Record<string, Record<string, string>> = {}
    for (const t of herder.taskInfos(req.params.c)) out[`${t.id.connector}-${t.id.task}`] = t.config
    return out
  })

  app.get<{ Params: P }>('/connectors/:c/tasks/:t/status', async (req) => herder.taskStatus(req.params.c, taskId(req.params.t)))

  app.post<{ Params: P }>('/connectors/:c/tasks/:t/restart', async (req, reply) => {
    await herder.restartTask(req.params.c, taskId(req.params.t))
    return reply.code(204).send()
  })
}
