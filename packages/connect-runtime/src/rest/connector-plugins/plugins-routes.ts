// /connector-plugins: list, config definition (KIP-769), config validation.
import type { FastifyInstance } from 'fastify'
import type { Herder } from '../../herder/herder.ts'
import { bindConfigMap, queryBoolean } from '../json-body.ts'

export async function pluginsRoutes (app: FastifyInstance, opts: { herder: Herder }): Promise<void> {
  const { herder } = opts
  app.get<{ Querystring: Record<string, string> }>('/connector-plugins', async (req) => {
    // connectorsOnly defaults to true; only an explicit false-ish value widens the list.
    const connectorsOnly = req.query.connectorsOnly === undefined ? true : queryBoolean(req.query.connectorsOnly)
    return herder.plugins(connectorsOnly)
  })
  app.get<{ Params: { p: string } }>('/connector-plugins/:p/config', async (req) => herder.pluginConfig(req.params.p))
  app.put<{ Params: { p: string } }>('/connector-plugins/:p/config/validate', async (req) => {
    return herder.validate(req.params.p, bindConfigMap(req.body) as Record<string, string>)
  })
}
