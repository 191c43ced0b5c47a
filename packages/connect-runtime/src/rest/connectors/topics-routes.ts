// /connectors/{c}/topics (KIP-558): the topics a connector has used; reset forgets them.
import type { FastifyInstance } from 'fastify'
import { ConnectRestError } from '../../connect-rest-error.ts'
import type { Herder } from '../../herder/herder.ts'

type P = { c: string }

export async function topicsRoutes (app: FastifyInstance, opts: { herder: Herder, trackingEnabled: boolean, allowReset: boolean }): Promise<void> {
  const { herder } = opts
  app.get<{ Params: P }>('/connectors/:c/topics', async (req) => {
    if (!opts.trackingEnabled) throw new ConnectRestError('FORBIDDEN', 'Topic tracking is disabled.')
    return { [req.params.c]: { topics: herder.activeTopics(req.params.c) } }
  })
  app.put<{ Params: P }>('/connectors/:c/topics/reset', async (req, reply) => {
    if (!opts.trackingEnabled) throw new ConnectRestError('FORBIDDEN', 'Topic tracking is disabled.')
    if (!opts.allowReset) throw new ConnectRestError('FORBIDDEN', 'Topic tracking reset is disabled.')
    herder.resetActiveTopics(req.params.c)
    return reply.code(202).send()
  })
}
