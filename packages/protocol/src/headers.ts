// Request and response headers. Which header version an api/version uses follows from the
// spec's flexibleVersions: flexible bodies get header v2 (requests) / v1 (responses).
// Two exceptions: ApiVersions responses always use header v0 (clients read them before they
// know the broker's versions), and ControlledShutdown v0 used request header v0.
// client_id is always an int16-length nullable string, even in request header v2.

import { apiInfo, ApiKey } from './generated/registry.ts'
import { Reader } from './reader.ts'
import type { Writer } from './writer.ts'

export interface RequestHeader {
  apiKey: number
  apiVersion: number
  correlationId: number
  clientId: string | null
  /** Bytes taken by the header: the body starts at this offset of the frame. */
  headerSize: number
}

function isFlexible (apiKey: number, apiVersion: number): boolean {
  const info = apiInfo[apiKey]
  return info !== undefined && apiVersion >= info.flexibleMin
}

/** 0, 1 or 2. Unknown api keys are read as header v1 so their correlation id can be answered. */
export function requestHeaderVersion (apiKey: number, apiVersion: number): number {
  if (apiKey === ApiKey.ControlledShutdown && apiVersion === 0) return 0
  return isFlexible(apiKey, apiVersion) ? 2 : 1
}

/** 0 or 1. */
export function responseHeaderVersion (apiKey: number, apiVersion: number): number {
  if (apiKey === ApiKey.ApiVersions) return 0
  return isFlexible(apiKey, apiVersion) ? 1 : 0
}

/**
 * Reads the header of a request frame (the bytes after the 4-byte size prefix). Never throws
 * for unknown api keys or versions, only ProtocolDecodeError for truncated input.
 */
export function decodeRequestHeader (frame: Buffer): RequestHeader {
  const r = new Reader(frame)
  const apiKey = r.readInt16()
  const apiVersion = r.readInt16()
  const correlationId = r.readInt32()
  const version = requestHeaderVersion(apiKey, apiVersion)
  const clientId = version >= 1 ? r.readNullableString(false) : null
  if (version >= 2) r.skipTaggedFields()
  return { apiKey, apiVersion, correlationId, clientId, headerSize: r.pos }
}

export function writeRequestHeader (w: Writer, apiKey: number, apiVersion: number, correlationId: number, clientId: string | null): void {
  const version = requestHeaderVersion(apiKey, apiVersion)
  w.writeInt16(apiKey)
  w.writeInt16(apiVersion)
  w.writeInt32(correlationId)
  if (version >= 1) w.writeNullableString(clientId, false)
  if (version >= 2) w.writeUInt8(0)
}

export function writeResponseHeader (w: Writer, apiKey: number, apiVersion: number, correlationId: number): void {
  w.writeInt32(correlationId)
  if (responseHeaderVersion(apiKey, apiVersion) >= 1) w.writeUInt8(0)
}

/** Reads a response header; returns the correlation id and leaves `r` at the body. */
export function readResponseHeader (r: Reader, apiKey: number, apiVersion: number): number {
  const correlationId = r.readInt32()
  if (responseHeaderVersion(apiKey, apiVersion) >= 1) r.skipTaggedFields()
  return correlationId
}
