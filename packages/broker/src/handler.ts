// The contract every broker API handler follows (one file per API key under handlers/).
// The server decodes the request with the generated codec, calls `handle`, and encodes
// what it returns with the same version. ApiVersions answers from the registry of these
// objects, so a handler's [minVersion, maxVersion] is the only list of what is served.

import type { Broker } from './broker.ts'

export interface RequestContext {
  readonly broker: Broker
  readonly apiKey: number
  readonly apiVersion: number
  readonly correlationId: number
  readonly clientId: string | null
  /** Stable id of the TCP connection, for per-connection state (e.g. fetch long-polls). */
  readonly connectionId: number
  /** Remote address, for DescribeGroups' client host and logs. */
  readonly clientHost: string
  /** Fires when the connection closes, so parked work (long-poll fetch, parked joins) can stop. */
  readonly signal: AbortSignal
  /** Runs `fn` once this request's response has been handed to the kernel (not on close or error). */
  afterResponseWritten(fn: () => void): void
}

export interface ApiHandler<Req = any, Res = any> {
  readonly apiKey: number
  readonly name: string
  readonly minVersion: number
  readonly maxVersion: number
  /**
   * Lowest version actually served, when it is above the advertised minVersion (Produce
   * advertises 0 for old librdkafka's feature checks but, like Kafka 4, closes the connection
   * on v0–2). Defaults to minVersion.
   */
  readonly servedMinVersion?: number
  /**
   * Returns the response body, or `null` when the protocol says no response is sent
   * (Produce with acks=0). May park (long-poll, JoinGroup) by returning a pending promise;
   * the server still writes responses on one connection in request order.
   */
  handle(request: Req, ctx: RequestContext): Res | null | Promise<Res | null>
}
