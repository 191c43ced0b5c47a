// GET / (ServerInfo) and GET /health (KIP-1017).
import type { FastifyInstance } from 'fastify'
import type { Herder } from '../../herder/herder.ts'

export async function rootRoutes (app: FastifyInstance, opts: { herder: Herder }): Promise<void> {
  const { herder } = opts
  app.get('/', async () => herder.serverInfo())
  app.get('/health', async (_req, reply) => {
    const { httpStatus, body } = herder.health()
    return reply.code(httpStatus).send(body)
  })
}
