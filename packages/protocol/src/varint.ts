// Zig-zag varints of the record format (protobuf sint32/sint64): `(v << 1) ^ (v >> 31)` as
// unsigned LEB128. Protocol-level compact lengths use *unsigned* varints instead (Reader/Writer).
// Readers take a cursor object so hot loops advance a position without allocating tuples.

export interface Cursor { pos: number }

/** Thrown when a varint runs past the end of its buffer or is too long. */
export class VarintError extends Error {
  override readonly name = 'VarintError'
}

export function readVarint (buf: Uint8Array, c: Cursor, end = buf.length): number {
  let value = 0
  let shift = 0
  let pos = c.pos
  while (true) {
    if (pos >= end) throw new VarintError('truncated varint')
    const b = buf[pos++]
    value |= (b & 0x7f) << shift
    if ((b & 0x80) === 0) break
    shift += 7
    if (shift > 28) throw new VarintError('varint longer than 5 bytes')
  }
  c.pos = pos
  return (value >>> 1) ^ -(value & 1)
}

/** 64-bit zig-zag varint as a number (exact up to 2^53, enough for timestamp deltas). */
export function readVarlong (buf: Uint8Array, c: Cursor, end = buf.length): number {
  let value = 0
  let mul = 1
  let pos = c.pos
  for (let i = 0; ; i++) {
    if (pos >= end) throw new VarintError('truncated varlong')
    if (i === 10) throw new VarintError('varlong longer than 10 bytes')
    const b = buf[pos++]
    value += (b & 0x7f) * mul
    if ((b & 0x80) === 0) break
    mul *= 128
  }
  c.pos = pos
  return value % 2 === 0 ? value / 2 : -(value + 1) / 2
}

export function varintSize (v: number): number {
  let u = ((v << 1) ^ (v >> 31)) >>> 0
  let n = 1
  while (u >= 0x80) { u >>>= 7; n++ }
  return n
}

export function varlongSize (v: number): number {
  let u = v >= 0 ? v * 2 : -v * 2 - 1
  let n = 1
  while (u >= 0x80) { u = Math.floor(u / 128); n++ }
  return n
}

/** Writes a 32-bit zig-zag varint at `pos`; returns the position after it. */
export function writeVarint (buf: Uint8Array, pos: number, v: number): number {
  let u = ((v << 1) ^ (v >> 31)) >>> 0
  while (u >= 0x80) {
    buf[pos++] = (u & 0x7f) | 0x80
    u >>>= 7
  }
  buf[pos++] = u
  return pos
}

/** Writes a 64-bit zig-zag varint (from a number) at `pos`; returns the position after it. */
export function writeVarlong (buf: Uint8Array, pos: number, v: number): number {
  let u = v >= 0 ? v * 2 : -v * 2 - 1
  while (u >= 0x80) {
    buf[pos++] = (u % 128) | 0x80
    u = Math.floor(u / 128)
  }
  buf[pos++] = u
  return pos
}
