// Builds RecordBatch v2 bytes the way a producer sends them (baseOffset 0, CRC set), for the log's
// tests and throughput check. Not used by the log itself.

import { gzipSync, zstdCompressSync } from 'node:zlib'
import { BatchAttribute, buildBatch } from './batch-header.ts'
import { Compression } from './record-codecs.ts'

export interface ClientRecord {
  key: Buffer | string | null
  value: Buffer | string | null
  timestamp?: number
  headers?: Array<[string, Buffer | string | null]>
}

export interface ClientBatchOptions {
  timestamp?: number
  producerId?: number
  producerEpoch?: number
  baseSequence?: number
  transactional?: boolean
  compression?: 'none' | 'gzip' | 'zstd'
}

function zigzag (value: number): number[] {
  let v = value >= 0 ? value * 2 : -value * 2 - 1
  const out: number[] = []
  while (v >= 128) {
    out.push((v % 128) | 0x80)
    v = Math.floor(v / 128)
  }
  out.push(v)
  return out
}

const bytesOf = (v: Buffer | string | null): Buffer | null => v === null ? null : Buffer.isBuffer(v) ? v : Buffer.from(v)

function field (v: Buffer | null): Buffer[] {
  return v === null ? [Buffer.from(zigzag(-1))] : [Buffer.from(zigzag(v.length)), v]
}

export function encodeRecord (record: ClientRecord, offsetDelta: number, timestampDelta: number): Buffer {
  const parts: Buffer[] = [Buffer.from([0]), Buffer.from(zigzag(timestampDelta)), Buffer.from(zigzag(offsetDelta))]
  parts.push(...field(bytesOf(record.key)), ...field(bytesOf(record.value)))
  const headers = record.headers ?? []
  parts.push(Buffer.from(zigzag(headers.length)))
  for (const [k, v] of headers) parts.push(...field(Buffer.from(k)), ...field(bytesOf(v)))
  const body = Buffer.concat(parts)
  return Buffer.concat([Buffer.from(zigzag(body.length)), body])
}

export function buildClientBatch (records: ClientRecord[], options: ClientBatchOptions = {}): Buffer {
  const baseTimestamp = options.timestamp ?? records[0]?.timestamp ?? Date.now()
  let maxTimestamp = baseTimestamp
  const encoded = records.map((r, i) => {
    const ts = r.timestamp ?? baseTimestamp
    if (ts > maxTimestamp) maxTimestamp = ts
    return encodeRecord(r, i, ts - baseTimestamp)
  })
  let stream = Buffer.concat(encoded)
  let codec: number = Compression.none
  if (options.compression === 'gzip') { stream = gzipSync(stream); codec = Compression.gzip }
  if (options.compression === 'zstd') { stream = zstdCompressSync(stream); codec = Compression.zstd }
  return buildBatch({
    baseOffset: 0,
    attributes: codec | (options.transactional === true ? BatchAttribute.transactional : 0),
    lastOffsetDelta: records.length - 1,
    baseTimestamp,
    maxTimestamp,
    producerId: options.producerId ?? -1,
    producerEpoch: options.producerEpoch ?? -1,
    baseSequence: options.baseSequence ?? -1,
    recordsCount: records.length,
  }, stream)
}
