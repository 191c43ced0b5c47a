// /connectors: list (with ?expand=status|info) and create.
import type { FastifyInstance } from 'fastify'
import { ConnectRestError } from '../../connect-rest-error.ts'
import type { Herder } from '../../herder/herder.ts'
import type { TargetState } from '../../stores/config-store.ts'
import { bindConfigMap, bindEntity, bindError } from '../json-body.ts'

const CREATE_REQUEST = 'org.apache.kafka.connect.runtime.rest.entities.CreateConnectorRequest'
const INITIAL_STATES: Record<string, TargetState> = { RUNNING: 'STARTED', PAUSED: 'PAUSED', STOPPED: 'STOPPED' }

export async function connectorsRoutes (app: FastifyInstance, opts: { herder: Herder }): Promise<void> {
  const { herder } = opts

  app.get('/connectors', async (req) => {
    const q = req.query as Record<string, string | string[] | undefined>
    const expand = ([] as string[]).concat(q.expand ?? [])
    const names = herder.connectors()
    const wantStatus = expand.includes('status')
    const wantInfo = expand.includes('info')
    // Without ?expand the answer is the list; with any expand (even unknown values) it is the map.
    if (expand.length === 0) return names
    const out: Record<string, Record<string, unknown>> = {}
    for (const name of names) {
      try {
        const entry: Record<string, unknown> = {}
        if (wantStatus) entry.status = herder.connectorStatus(name)
        if (wantInfo) entry.info = herder.connectorInfo(name)
        out[name] = entry
      } catch (err) {
        // A connector deleted mid-request is silently left out, as Kafka does.
        if (!(err instanceof ConnectRestError && err.httpStatus === 404)) throw err
      }
    }
    return out
  })

  app.post('/connectors', async (req, reply) => {
    const body = bindEntity(req.body, CREATE_REQUEST, ['name', 'config', 'initial_state'])
    const name = typeof body.name === 'string' ? body.name.trim() : body.name === null || body.name === undefined ? '' : String(body.name)
    if (body.config === undefined || body.config === null) {
      throw bindError('Cannot invoke "java.util.Map.containsKey(Object)" because "config" is null')
    }
    const config = bindConfigMap(body.config)
    let initialState: TargetState | undefined
    if (body.initial_state !== undefined && body.initial_state !== null) {
      initialState = INITIAL_STATES[String(body.initial_state).toUpperCase()]
      if (initialState === undefined) {
        throw bindError(`Cannot construct instance of \`${CREATE_REQUEST}\`, problem: No enum constant org.apache.kafka.connect.runtime.rest.entities.CreateConnectorRequest.InitialState.${String(body.initial_state).toUpperCase()}`)
      }
    }
    checkName(name, config)
    const { info } = await herder.putConnectorConfig(name, config as Record<string, string>, { allowReplace: false, initialState })
    return reply.code(201).header('Location', `/connectors/${encodeURIComponent(name)}`).send(info)
  })
}

/** The body's `name` (if any) must equal the URL/request name; then it is set. */
export function checkName (name: string, config: Record<string, string | null>): void {
  if ('name' in config && config.name !== null && config.name !== name) {
    throw new ConnectRestError('BAD_REQUEST', `Connector name configuration (${config.name}) doesn't match connector name in the URL (${name})`)
  }
  config.name = name
}
