// Sequential reader over one frame. Every read is bounds-checked against the frame end and
// throws ProtocolDecodeError, so hostile lengths never allocate or read past the frame.
// Bytes and records are returned as views into the frame (no copy): keep the frame alive
// rather than copying when you retain them.

import { ProtocolDecodeError } from './errors.ts'

const EMPTY = Buffer.alloc(0)
const TWO_32 = 4294967296

export class Reader {
  readonly buf: Buffer
  pos: number
  readonly end: number

  constructor (buf: Buffer, pos = 0, end = buf.length) {
    this.buf = buf
    this.pos = pos
    this.end = end
  }

  get remaining (): number {
    return this.end - this.pos
  }

  fail (what: string): never {
    throw new ProtocolDecodeError(`${what} at offset ${this.pos}`, this.pos)
  }

  #take (n: number): number {
    const p = this.pos
    if (p + n > this.end) this.fail(`truncated: need ${n} bytes, have ${this.end - p}`)
    this.pos = p + n
    return p
  }

  readInt8 (): number { return this.buf.readInt8(this.#take(1)) }
  readUInt8 (): number { return this.buf[this.#take(1)] }
  readBool (): boolean { return this.buf[this.#take(1)] !== 0 }
  readInt16 (): number { return this.buf.readInt16BE(this.#take(2)) }
  readUInt16 (): number { return this.buf.readUInt16BE(this.#take(2)) }
  readInt32 (): number { return this.buf.readInt32BE(this.#take(4)) }
  readUInt32 (): number { return this.buf.readUInt32BE(this.#take(4)) }
  readFloat64 (): number { return this.buf.readDoubleBE(this.#take(8)) }

  /** int64 as a number: exact up to 2^53, which covers offsets, timestamps and ids in practice. */
  readInt64 (): number {
    const p = this.#take(8)
    return this.buf.readInt32BE(p) * TWO_32 + this.buf.readUInt32BE(p + 4)
  }

  /** 16 raw bytes as 32 lowercase hex characters. */
  readUuid (): string {
    const p = this.#take(16)
    return this.buf.toString('hex', p, p + 16)
  }

  /** Unsigned LEB128 varint of at most 5 bytes (compact lengths, tag numbers and sizes). */
  readUVarint (): number {
    const buf = this.buf
    let value = 0
    let shift = 0
    for (let i = 0; i < 5; i++) {
      if (this.pos >= this.end) this.fail('truncated varint')
      const b = buf[this.pos++]
      value += (b & 0x7f) * 2 ** shift
      if ((b & 0x80) === 0) return value
      shift += 7
    }
    return this.fail('varint longer than 5 bytes')
  }

  /** Length of a string/bytes/array: int16/int32 classic or uvarint-1 compact; -1 means null. */
  #length (flex: boolean, wide: boolean): number {
    if (flex) return this.readUVarint() - 1
    return wide ? this.readInt32() : this.readInt16()
  }

  #text (n: number): string {
    const p = this.#take(n)
    return this.buf.toString('utf8', p, p + n)
  }

  readString (flex: boolean): string {
    const n = this.#length(flex, false)
    if (n < 0) this.fail('null in a non-nullable string')
    return this.#text(n)
  }

  readNullableString (flex: boolean): string | null {
    const n = this.#length(flex, false)
    return n < 0 ? null : this.#text(n)
  }

  readBytes (flex: boolean): Buffer {
    const n = this.#length(flex, true)
    if (n < 0) this.fail('null in non-nullable bytes')
    return this.readRaw(n)
  }

  readNullableBytes (flex: boolean): Buffer | null {
    const n = this.#length(flex, true)
    return n < 0 ? null : this.readRaw(n)
  }

  /** A records field (always nullable), as a view of the frame. */
  readRecords (flex: boolean): Buffer | null {
    return this.readNullableBytes(flex)
  }

  readRaw (n: number): Buffer {
    if (n === 0) return EMPTY
    const p = this.#take(n)
    return this.buf.subarray(p, p + n)
  }

  /**
   * Array element count, -1 for null. A count larger than the bytes left is refused before
   * anything is allocated (each element takes at least one byte; Kafka applies the same rule).
   */
  readArrayLength (flex: boolean): number {
    const n = this.#length(flex, true)
    if (n > this.end - this.pos) this.fail(`array of ${n} elements but only ${this.end - this.pos} bytes left`)
    return n
  }

  /** Skips a whole tag buffer (used where a struct has no known tagged fields). */
  skipTaggedFields (): void {
    const count = this.readUVarint()
    for (let i = 0; i < count; i++) {
      this.readUVarint()
      this.#take(this.readUVarint())
    }
  }

  /** Reads one tagged field header and returns the end position of its value. */
  readTagEnd (): number {
    const size = this.readUVarint()
    const end = this.pos + size
    if (end > this.end) this.fail('truncated tagged field')
    return end
  }
}
