// How the platform talks to the Kafka Connect REST API: over HTTP to a base URL (a remote
// worker), or in-process through fastify's inject when mounted on the worker's own server.
// Either way a non-2xx answer becomes one PlatformError carrying Connect's status and message,
// prefixed with the call that failed so the console can say what failed.
import type { FastifyInstance } from 'fastify'
import { PlatformError } from './platform-error.ts'

export interface ConnectResponse<T> {
  status: number
  body: T
}

export interface ConnectClient {
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<ConnectResponse<T>>
}

function parse (text: string): unknown {
  if (text === '') return null
  try { return JSON.parse(text) } catch { return text }
}

function check<T> (method: string, path: string, status: number, body: unknown): ConnectResponse<T> {
  if (status >= 200 && status < 300) return { status, body: body as T }
  const message = body !== null && typeof body === 'object' && 'message' in body ? String((body as { message: unknown }).message) : String(body ?? '')
  throw new PlatformError('CONNECT_REQUEST_FAILED', `${method} ${path} failed (${status}): ${message}`, { httpStatus: status })
}

export function createHttpConnectClient (baseUrl: string): ConnectClient {
  const base = baseUrl.replace(/\/+$/, '')
  return {
    async call<T> (method: string, path: string, body?: unknown) {
      let res: Response
      try {
        res = await fetch(base + path, {
          method,
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(90_000),
        })
      } catch (err) {
        throw new PlatformError('CONNECT_UNREACHABLE', `${method} ${path} failed: Connect REST API at ${base} unreachable (${(err as Error).message})`, { httpStatus: 502, cause: err })
      }
      return check<T>(method, path, res.status, parse(await res.text()))
    },
  }
}

export function createInjectConnectClient (app: FastifyInstance): ConnectClient {
  return {
    async call<T> (method: string, path: string, body?: unknown) {
      const res = await app.inject({
        method: method as 'GET',
        url: path,
        ...(body === undefined ? {} : { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      })
      return check<T>(method, path, res.statusCode, parse(res.body))
    },
  }
}

const enc = encodeURIComponent
export const connectPaths = {
  connectors: '/connectors?expand=status&expand=info',
  connector: (c: string) => `/connectors/${enc(c)}`,
  config: (c: string) => `/connectors/${enc(c)}/config`,
  status: (c: string) => `/connectors/${enc(c)}/status`,
  topics: (c: string) => `/connectors/${enc(c)}/topics`,
  offsets: (c: string) => `/connectors/${enc(c)}/offsets`,
  pause: (c: string) => `/connectors/${enc(c)}/pause`,
  resume: (c: string) => `/connectors/${enc(c)}/resume`,
  stop: (c: string) => `/connectors/${enc(c)}/stop`,
  restart: (c: string) => `/connectors/${enc(c)}/restart?includeTasks=true&onlyFailed=false`,
  taskRestart: (c: string, t: number) => `/connectors/${enc(c)}/tasks/${t}/restart`,
} as const
