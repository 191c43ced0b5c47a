// One request frame in, one outcome out: encoded response buffers, nothing (acks=0), or
// "close this connection" (unknown key, unsupported version other than ApiVersions, bytes
// that do not decode, a handler that failed unexpectedly) — Kafka's answers to bad input.

import { decodeRequest, decodeRequestHeader, encodeResponse, ErrorCode } from '@tributary/protocol'
import type { Broker } from '../broker.ts'
import type { ApiHandler, RequestContext } from '../handler.ts'
import { apiVersionsBody, handlerFor } from '../handlers/index.ts'

export type RequestOutcome =
  | { kind: 'respond'; buffers: Buffer[]; afterWrite: Array<() => void> }
  | { kind: 'silent' }
  | { kind: 'close'; reason: string }

const API_VERSIONS = 18
/** api key, api version, correlation id. */
const MIN_HEADER_BYTES = 8

export interface ConnectionInfo {
  connectionId: number
  clientHost: string
  signal: AbortSignal
}

export async function processRequest (broker: Broker, frame: Buffer, conn: ConnectionInfo): Promise<RequestOutcome> {
  if (frame.length < MIN_HEADER_BYTES) return { kind: 'close', reason: `frame of ${frame.length} bytes is too short for a request header` }
  const apiKey = frame.readInt16BE(0)
  const apiVersion = frame.readInt16BE(2)
  const correlationId = frame.readInt32BE(4)
  const handler: ApiHandler | undefined = handlerFor(apiKey)
  if (handler === undefined) return { kind: 'close', reason: `unknown api key ${apiKey}` }
  if (apiVersion < (handler.servedMinVersion ?? handler.minVersion) || apiVersion > handler.maxVersion) {
    if (apiKey !== API_VERSIONS) return { kind: 'close', reason: `unsupported version ${apiVersion} of ${handler.name}` }
    // KIP-511: answer in the v0 body format with the full key list so the client can retry.
    const body = { ...apiVersionsBody(), errorCode: ErrorCode.UNSUPPORTED_VERSION }
    return { kind: 'respond', buffers: encodeResponse(API_VERSIONS, 0, correlationId, body), afterWrite: [] }
  }
  let request: unknown
  let clientId: string | null
  try {
    const header = decodeRequestHeader(frame)
    clientId = header.clientId
    request = decodeRequest(apiKey, apiVersion, frame, header.headerSize)
  } catch (err) {
    return { kind: 'close', reason: `cannot decode ${handler.name} v${apiVersion}: ${(err as Error).message}` }
  }
  const afterWrite: Array<() => void> = []
  const ctx: RequestContext = { broker, apiKey, apiVersion, correlationId, clientId, ...conn, afterResponseWritten: (fn) => { afterWrite.push(fn) } }
  let body: object | null
  try {
    body = await handler.handle(request, ctx)
  } catch (err) {
    broker.logger.error({ err, api: handler.name, apiVersion, clientId }, 'request handler failed; closing the connection')
    return { kind: 'close', reason: `${handler.name} handler failed` }
  }
  if (body === null || conn.signal.aborted) return { kind: 'silent' }
  return { kind: 'respond', buffers: encodeResponse(apiKey, apiVersion, correlationId, body), afterWrite }
}
