// One record inside a v2 batch (all varints zig-zag):
//   length varint | attributes int8 | timestampDelta varlong | offsetDelta varint |
//   keyLength varint (-1 null) key | valueLength varint (-1 null) value |
//   headerCount varint, each: keyLength varint, key utf8, valueLength varint (-1 null), value

import { ProtocolDecodeError } from '../errors.ts'
import { readVarint, readVarlong, varintSize, varlongSize, VarintError, writeVarint, writeVarlong } from '../varint.ts'
import type { Cursor } from '../varint.ts'

export interface RecordHeader {
  key: string
  value: Buffer | null
}

export interface BatchRecord {
  attributes: number
  offsetDelta: number
  timestampDelta: number
  /** baseOffset + offsetDelta. */
  offset: number
  /** baseTimestamp + timestampDelta (for LogAppendTime batches use the batch maxTimestamp). */
  timestamp: number
  key: Buffer | null
  value: Buffer | null
  headers: RecordHeader[]
}

/** What buildRecordBatch encodes; strings are written as UTF-8. */
export interface RecordInput {
  key?: Buffer | string | null
  value?: Buffer | string | null
  headers?: Array<{ key: string; value: Buffer | string | null }>
  /** Absolute timestamp; defaults to the batch's base timestamp. */
  timestamp?: number
  /** Defaults to the record's index in the batch. */
  offsetDelta?: number
}

function fail (what: string, pos: number): never {
  throw new ProtocolDecodeError(`record: ${what} at offset ${pos}`, pos)
}

function bytesAt (buf: Buffer, c: Cursor, end: number, len: number): Buffer | null {
  if (len < 0) return null
  const start = c.pos
  if (start + len > end) fail('field runs past the record', start)
  c.pos = start + len
  return buf.subarray(start, start + len)
}

/** Decodes the record at `c.pos` (stopping at `end`), leaving `c.pos` after it. */
export function decodeRecord (buf: Buffer, c: Cursor, end: number, baseOffset: number, baseTimestamp: number): BatchRecord {
  try {
    const length = readVarint(buf, c, end)
    const recordEnd = c.pos + length
    if (length < 0 || recordEnd > end) fail('length runs past the batch', c.pos)
    const attributes = buf[c.pos++]
    const timestampDelta = readVarlong(buf, c, recordEnd)
    const offsetDelta = readVarint(buf, c, recordEnd)
    const key = bytesAt(buf, c, recordEnd, readVarint(buf, c, recordEnd))
    const value = bytesAt(buf, c, recordEnd, readVarint(buf, c, recordEnd))
    const count = readVarint(buf, c, recordEnd)
    if (count < 0 || count > recordEnd - c.pos) fail('bad header count', c.pos)
    const headers: RecordHeader[] = []
    for (let i = 0; i < count; i++) {
      const keyLen = readVarint(buf, c, recordEnd)
      if (keyLen < 0) fail('null header key', c.pos)
      const k = bytesAt(buf, c, recordEnd, keyLen)!
      const v = bytesAt(buf, c, recordEnd, readVarint(buf, c, recordEnd))
      headers.push({ key: k.toString('utf8'), value: v })
    }
    if (c.pos !== recordEnd) fail('record length does not match its fields', c.pos)
    return {
      attributes,
      offsetDelta,
      timestampDelta,
      offset: baseOffset + offsetDelta,
      timestamp: baseTimestamp + timestampDelta,
      key,
      value,
      headers,
    }
  } catch (err) {
    if (err instanceof VarintError) fail(err.message, c.pos)
    throw err
  }
}

/**
 * Walks the record at `c.pos` without allocating, checking its structure; returns whether
 * its key is null. Used by batch validation on uncompressed batches.
 */
export function scanRecord (buf: Buffer, c: Cursor, end: number, expectedOffsetDelta: number): boolean {
  try {
    const length = readVarint(buf, c, end)
    const recordEnd = c.pos + length
    if (length < 0 || recordEnd > end) fail('length runs past the batch', c.pos)
    c.pos++
    readVarlong(buf, c, recordEnd)
    if (readVarint(buf, c, recordEnd) !== expectedOffsetDelta) fail(`offset delta is not ${expectedOffsetDelta}`, c.pos)
    const keyLen = readVarint(buf, c, recordEnd)
    if (keyLen > 0) c.pos += keyLen
    const valueLen = readVarint(buf, c, recordEnd)
    if (valueLen > 0) c.pos += valueLen
    const count = readVarint(buf, c, recordEnd)
    for (let i = 0; i < count && c.pos <= recordEnd; i++) {
      const keyLen = readVarint(buf, c, recordEnd)
      if (keyLen < 0) fail('null header key', c.pos)
      c.pos += keyLen
      const len = readVarint(buf, c, recordEnd)
      if (len > 0) c.pos += len
    }
    if (c.pos !== recordEnd || count < 0) fail('record length does not match its fields', c.pos)
    return keyLen < 0
  } catch (err) {
    if (err instanceof VarintError) fail(err.message, c.pos)
    throw err
  }
}

const toBytes = (v: Buffer | string | null | undefined): Buffer | null =>
  v == null ? null : typeof v === 'string' ? Buffer.from(v, 'utf8') : v

/** Encodes records (uncompressed) relative to baseTimestamp. */
export function encodeRecords (records: RecordInput[], baseTimestamp: number): Buffer {
  const parts: Array<{ key: Buffer | null; value: Buffer | null; headers: Array<[Buffer, Buffer | null]>; td: number; od: number; bodySize: number }> = []
  let total = 0
  for (let i = 0; i < records.length; i++) {
    const r = records[i]
    const key = toBytes(r.key)
    const value = toBytes(r.value)
    const headers = (r.headers ?? []).map((h): [Buffer, Buffer | null] => [Buffer.from(h.key, 'utf8'), toBytes(h.value)])
    const td = (r.timestamp ?? baseTimestamp) - baseTimestamp
    const od = r.offsetDelta ?? i
    let bodySize = 1 + varlongSize(td) + varintSize(od) +
      varintSize(key === null ? -1 : key.length) + (key?.length ?? 0) +
      varintSize(value === null ? -1 : value.length) + (value?.length ?? 0) +
      varintSize(headers.length)
    for (const [k, v] of headers) bodySize += varintSize(k.length) + k.length + varintSize(v === null ? -1 : v.length) + (v?.length ?? 0)
    parts.push({ key, value, headers, td, od, bodySize })
    total += varintSize(bodySize) + bodySize
  }
  const out = Buffer.allocUnsafe(total)
  let pos = 0
  for (const p of parts) {
    pos = writeVarint(out, pos, p.bodySize)
    out[pos++] = 0
    pos = writeVarlong(out, pos, p.td)
    pos = writeVarint(out, pos, p.od)
    pos = writeVarint(out, pos, p.key === null ? -1 : p.key.length)
    if (p.key !== null) pos += p.key.copy(out, pos)
    pos = writeVarint(out, pos, p.value === null ? -1 : p.value.length)
    if (p.value !== null) pos += p.value.copy(out, pos)
    pos = writeVarint(out, pos, p.headers.length)
    for (const [k, v] of p.headers) {
      pos = writeVarint(out, pos, k.length)
      pos += k.copy(out, pos)
      pos = writeVarint(out, pos, v === null ? -1 : v.length)
      if (v !== null) pos += v.copy(out, pos)
    }
  }
  return out
}
