// /admin/loggers (KIP-495, KIP-976 scope parameter).
import type { FastifyInstance } from 'fastify'
import { ConnectRestError } from '../../connect-rest-error.ts'
import { isPlainObject } from '../json-body.ts'
import { LOG_LEVELS, type LoggerLevels } from './logger-levels.ts'

export async function loggersRoutes (app: FastifyInstance, opts: { levels: LoggerLevels }): Promise<void> {
  const { levels } = opts
  app.get('/admin/loggers', async () => levels.all())
  app.get<{ Params: { name: string } }>('/admin/loggers/:name', async (req) => {
    const got = levels.get(req.params.name)
    if (got === undefined) throw new ConnectRestError('NOT_FOUND', `Logger ${req.params.name} not found.`)
    return got
  })
  app.put<{ Params: { name: string }, Querystring: { scope?: string } }>('/admin/loggers/:name', async (req, reply) => {
    const body = isPlainObject(req.body) ? req.body : {}
    const level = body.level
    if (level === undefined || level === null) throw new ConnectRestError('BAD_REQUEST', "Desired 'level' parameter was not specified in request.")
    const normalized = String(level).toUpperCase()
    if (!(LOG_LEVELS as readonly string[]).includes(normalized)) throw new ConnectRestError('NOT_FOUND', `invalid log level '${String(level)}'.`)
    const affected = levels.set(req.params.name, normalized)
    // Standalone has one worker, so cluster scope is this worker; the answer differs (204, no body).
    if (req.query.scope !== undefined && req.query.scope.toLowerCase() === 'cluster') return reply.code(204).send()
    return affected
  })
}
