// /connectors/{c}/offsets (KIP-875): read any time; alter/reset only when STOPPED (rule in the herder).
import type { FastifyInstance } from 'fastify'
import { ConnectRestError } from '../../connect-rest-error.ts'
import type { ConnectorOffset } from '../../herder/entities.ts'
import type { Herder } from '../../herder/herder.ts'
import { bindEntity, bindError, isPlainObject } from '../json-body.ts'

type P = { c: string }
const OFFSETS = 'org.apache.kafka.connect.runtime.rest.entities.ConnectorOffsets'
const OFFSET = 'org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset'

export async function offsetsRoutes (app: FastifyInstance, opts: { herder: Herder }): Promise<void> {
  const { herder } = opts
  app.get<{ Params: P }>('/connectors/:c/offsets', async (req) => herder.offsets(req.params.c))

  app.patch<{ Params: P }>('/connectors/:c/offsets', async (req) => {
    const body = req.body === null || req.body === undefined ? {} : bindEntity(req.body, OFFSETS, ['offsets'])
    const list = body.offsets
    if (list !== undefined && list !== null && !Array.isArray(list)) {
      throw bindError(`Cannot deserialize value of type \`java.util.ArrayList<${OFFSET}>\` from Object value (token \`JsonToken.START_OBJECT\`)`)
    }
    if (list === undefined || list === null || list.length === 0) {
      throw new ConnectRestError('BAD_REQUEST', 'Partitions / offsets need to be provided for an alter offsets request')
    }
    const offsets: ConnectorOffset[] = list.map((o: unknown) => {
      if (!isPlainObject(o)) {
        throw bindError(`Cannot construct instance of \`${OFFSET}\` (although at least one Creator exists): no int/Int-argument factory method to deserialize from Number value (${String(o)})`)
      }
      const e = bindEntity(o, OFFSET, ['partition', 'offset'])
      return { partition: e.partition as Record<string, unknown>, offset: (e.offset ?? null) as Record<string, unknown> | null }
    })
    return { message: await herder.alterOffsets(req.params.c, offsets) }
  })

  app.delete<{ Params: P }>('/connectors/:c/offsets', async (req) => ({ message: await herder.resetOffsets(req.params.c) }))
}
