// Growing-buffer writer that produces a list of chunks. Records fields are not copied: the
// pending bytes are cut into a chunk and the caller's record buffers are appended as their
// own chunks, so a Fetch response can hand file chunks straight to socket.writev.

export type RecordsInput = Buffer | Buffer[] | null

const TWO_32 = 4294967296
const INITIAL_SIZE = 1024

export class Writer {
  #chunks: Buffer[] = []
  #buf: Buffer
  #pos = 0
  /** Start of bytes in #buf not yet moved to #chunks. */
  #start = 0
  /** Bytes already moved to #chunks. */
  #flushed = 0
  readonly #framed: boolean

  /** `framed` reserves a 4-byte size prefix that finish() fills in. */
  constructor (options?: { framed?: boolean; initialSize?: number }) {
    this.#buf = Buffer.allocUnsafe(options?.initialSize ?? INITIAL_SIZE)
    this.#framed = options?.framed === true
    if (this.#framed) this.#pos = 4
  }

  /** Bytes written so far (including the size prefix when framed). */
  get length (): number {
    return this.#flushed + this.#pos - this.#start
  }

  #ensure (n: number): void {
    if (this.#pos + n <= this.#buf.length) return
    const pending = this.#pos - this.#start
    const next = Buffer.allocUnsafe(Math.max(this.#buf.length * 2, pending + n + 256))
    this.#buf.copy(next, 0, this.#start, this.#pos)
    this.#buf = next
    this.#start = 0
    this.#pos = pending
  }

  writeInt8 (v: number): void { this.#ensure(1); this.#pos = this.#buf.writeInt8(v, this.#pos) }
  writeUInt8 (v: number): void { this.#ensure(1); this.#buf[this.#pos++] = v }
  writeBool (v: boolean): void { this.#ensure(1); this.#buf[this.#pos++] = v ? 1 : 0 }
  writeInt16 (v: number): void { this.#ensure(2); this.#pos = this.#buf.writeInt16BE(v, this.#pos) }
  writeUInt16 (v: number): void { this.#ensure(2); this.#pos = this.#buf.writeUInt16BE(v, this.#pos) }
  writeInt32 (v: number): void { this.#ensure(4); this.#pos = this.#buf.writeInt32BE(v, this.#pos) }
  writeUInt32 (v: number): void { this.#ensure(4); this.#pos = this.#buf.writeUInt32BE(v, this.#pos) }
  writeFloat64 (v: number): void { this.#ensure(8); this.#pos = this.#buf.writeDoubleBE(v, this.#pos) }

  /** int64 from a number; values beyond the int64 range are clamped (e.g. Long.MAX_VALUE as 2^63). */
  writeInt64 (v: number): void {
    this.#ensure(8)
    let hi = Math.floor(v / TWO_32)
    let lo = v - hi * TWO_32
    if (hi > 0x7fffffff) { hi = 0x7fffffff; lo = 0xffffffff } else if (hi < -0x80000000) { hi = -0x80000000; lo = 0 }
    this.#buf.writeInt32BE(hi, this.#pos)
    this.#pos = this.#buf.writeUInt32BE(lo >>> 0, this.#pos + 4)
  }

  /** 32 hex characters as 16 raw bytes (anything else writes the zero uuid). */
  writeUuid (v: string): void {
    this.#ensure(16)
    if (typeof v === 'string' && v.length === 32) {
      const n = this.#buf.write(v, this.#pos, 16, 'hex')
      if (n === 16) { this.#pos += 16; return }
    }
    this.#buf.fill(0, this.#pos, this.#pos + 16)
    this.#pos += 16
  }

  writeUVarint (v: number): void {
    this.#ensure(5)
    const buf = this.#buf
    while (v >= 0x80) {
      buf[this.#pos++] = (v & 0x7f) | 0x80
      v = Math.floor(v / 128)
    }
    buf[this.#pos++] = v
  }

  /** Length prefix of a string (wide = false) or bytes/array (wide = true); -1 writes null. */
  writeLength (n: number, flex: boolean, wide: boolean): void {
    if (flex) this.writeUVarint(n + 1)
    else if (wide) this.writeInt32(n)
    else this.writeInt16(n)
  }

  writeString (v: string, flex: boolean): void {
    const n = Buffer.byteLength(v)
    this.writeLength(n, flex, false)
    this.#ensure(n)
    this.#pos += this.#buf.write(v, this.#pos, n, 'utf8')
  }

  writeNullableString (v: string | null | undefined, flex: boolean): void {
    if (v == null) this.writeLength(-1, flex, false)
    else this.writeString(v, flex)
  }

  writeBytes (v: Uint8Array, flex: boolean): void {
    this.writeLength(v.length, flex, true)
    this.writeRaw(v)
  }

  writeNullableBytes (v: Uint8Array | null | undefined, flex: boolean): void {
    if (v == null) this.writeLength(-1, flex, true)
    else this.writeBytes(v, flex)
  }

  writeArrayLength (n: number, flex: boolean): void {
    this.writeLength(n, flex, true)
  }

  /** Copies bytes into the buffer (small payloads, tagged values). */
  writeRaw (v: Uint8Array): void {
    this.#ensure(v.length)
    this.#buf.set(v, this.#pos)
    this.#pos += v.length
  }

  /** A records field: length prefix, then the buffers as their own chunks (not copied). */
  writeRecords (v: RecordsInput | undefined, flex: boolean): void {
    if (v == null) { this.writeLength(-1, flex, true); return }
    if (!Array.isArray(v)) {
      this.writeLength(v.length, flex, true)
      this.#append(v)
      return
    }
    let total = 0
    for (let i = 0; i < v.length; i++) total += v[i].length
    this.writeLength(total, flex, true)
    for (let i = 0; i < v.length; i++) this.#append(v[i])
  }

  #append (chunk: Buffer): void {
    if (chunk.length === 0) return
    this.#cut()
    this.#chunks.push(chunk)
    this.#flushed += chunk.length
  }

  #cut (): void {
    if (this.#pos > this.#start) {
      this.#chunks.push(this.#buf.subarray(this.#start, this.#pos))
      this.#flushed += this.#pos - this.#start
      this.#start = this.#pos
    }
  }

  /** Writes one tagged field whose value was encoded into `value`. */
  writeTaggedField (tag: number, value: Writer): void {
    const bytes = value.toBuffer()
    this.writeUVarint(tag)
    this.writeUVarint(bytes.length)
    this.writeRaw(bytes)
  }

  /** The written chunks; when framed, the first 4 bytes hold the size of what follows. */
  finish (): Buffer[] {
    this.#cut()
    const chunks = this.#chunks
    if (this.#framed) chunks[0].writeInt32BE(this.#flushed - 4, 0)
    return chunks
  }

  /** Everything written, as one buffer (copies only when records chunks were appended). */
  toBuffer (): Buffer {
    const chunks = this.finish()
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, this.#flushed)
  }
}
