// Whole-frame entry points: what the broker's connection loop and raw-socket tools call.
// Request frames are passed WITHOUT their 4-byte size prefix; encoded frames come back as
// chunks INCLUDING it, ready for socket.cork()/write() or writev.

import { UnsupportedApiError } from './errors.ts'
import { apiInfo, codecs } from './generated/registry.ts'
import type { MessageCodec } from './generated/registry.ts'
import { decodeRequestHeader, readResponseHeader, writeRequestHeader, writeResponseHeader } from './headers.ts'
import { Reader } from './reader.ts'
import { Writer } from './writer.ts'

function codecFor (apiKey: number, apiVersion: number): MessageCodec {
  const info = apiInfo[apiKey]
  if (info === undefined || apiVersion < info.minVersion || apiVersion > info.maxVersion) {
    throw new UnsupportedApiError(apiKey, apiVersion)
  }
  return codecs[apiKey]
}

/**
 * Decodes a request body. `offset` defaults to the header size (the header is re-read when
 * omitted). Throws UnsupportedApiError for unknown keys or versions, ProtocolDecodeError for
 * malformed or truncated input. Bytes/records fields are views into `frame`.
 */
export function decodeRequest<T = any> (apiKey: number, apiVersion: number, frame: Buffer, offset?: number): T {
  const codec = codecFor(apiKey, apiVersion)
  const start = offset ?? decodeRequestHeader(frame).headerSize
  return codec.decodeRequest(new Reader(frame, start), apiVersion)
}

/** Encodes a response frame (size prefix + header + body); records buffers are not copied. */
export function encodeResponse (apiKey: number, apiVersion: number, correlationId: number, body: object): Buffer[] {
  const codec = codecFor(apiKey, apiVersion)
  const w = new Writer({ framed: true })
  writeResponseHeader(w, apiKey, apiVersion, correlationId)
  codec.encodeResponse(w, apiVersion, body)
  return w.finish()
}

/** Encodes a request frame (size prefix + header + body). */
export function encodeRequest (apiKey: number, apiVersion: number, correlationId: number, clientId: string | null, body: object): Buffer[] {
  const codec = codecFor(apiKey, apiVersion)
  const w = new Writer({ framed: true })
  writeRequestHeader(w, apiKey, apiVersion, correlationId, clientId)
  codec.encodeRequest(w, apiVersion, body)
  return w.finish()
}

/** Decodes a response frame (without size prefix) into its correlation id and body. */
export function decodeResponseFrame<T = any> (apiKey: number, apiVersion: number, frame: Buffer): { correlationId: number; body: T } {
  const codec = codecFor(apiKey, apiVersion)
  const r = new Reader(frame)
  const correlationId = readResponseHeader(r, apiKey, apiVersion)
  return { correlationId, body: codec.decodeResponse(r, apiVersion) }
}

/** Decodes the body of a response frame (without size prefix). */
export function decodeResponse<T = any> (apiKey: number, apiVersion: number, frame: Buffer): T {
  return decodeResponseFrame<T>(apiKey, apiVersion, frame).body
}
