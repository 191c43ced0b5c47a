// /connectors/{c}: info, config (GET/PUT/PATCH), delete, status, lifecycle (restart/pause/resume/stop).
import type { FastifyInstance } from 'fastify'
import type { Herder } from '../../herder/herder.ts'
import { bindConfigMap, queryBoolean } from '../json-body.ts'
import { checkName } from './connectors-routes.ts'

type P = { c: string }

export async function connectorRoutes (app: FastifyInstance, opts: { herder: Herder }): Promise<void> {
  const { herder } = opts

  app.get<{ Params: P }>('/connectors/:c', async (req) => herder.connectorInfo(req.params.c))
  app.get<{ Params: P }>('/connectors/:c/config', async (req) => herder.connectorConfig(req.params.c))

  app.put<{ Params: P }>('/connectors/:c/config', async (req, reply) => {
    const name = req.params.c
    const config = bindConfigMap(req.body)
    checkName(name, config)
    const { created, info } = await herder.putConnectorConfig(name, config as Record<string, string>, { allowReplace: true })
    if (created) reply.code(201).header('Location', `/connectors/${encodeURIComponent(name)}`)
    return reply.send(info)
  })

  app.patch<{ Params: P }>('/connectors/:c/config', async (req) => {
    return herder.patchConnectorConfig(req.params.c, bindConfigMap(req.body))
  })

  app.delete<{ Params: P }>('/connectors/:c', async (req, reply) => {
    await herder.deleteConnector(req.params.c)
    return reply.code(204).send()
  })

  app.get<{ Params: P }>('/connectors/:c/status', async (req) => herder.connectorStatus(req.params.c))

  app.post<{ Params: P, Querystring: Record<string, string> }>('/connectors/:c/restart', async (req, reply) => {
    const includeTasks = queryBoolean(req.query.includeTasks)
    const onlyFailed = queryBoolean(req.query.onlyFailed)
    if (!includeTasks && !onlyFailed) {
      await herder.restartConnector(req.params.c, null)
      return reply.code(204).send()
    }
    const status = await herder.restartConnector(req.params.c, { includeTasks, onlyFailed })
    return reply.code(202).send(status)
  })

  app.put<{ Params: P }>('/connectors/:c/pause', async (req, reply) => {
    await herder.pause(req.params.c)
    return reply.code(202).send()
  })
  app.put<{ Params: P }>('/connectors/:c/resume', async (req, reply) => {
    await herder.resume(req.params.c)
    return reply.code(202).send()
  })
  app.put<{ Params: P }>('/connectors/:c/stop', async (req, reply) => {
    await herder.stop(req.params.c)
    return reply.code(204).send()
  })
}
