// Splits a TCP byte stream into Kafka frames (int32 size + payload).
// Invariant: memory for a frame is only ever allocated once all of its bytes have arrived and
// its declared size is within the limit, so a bogus 2 GB size prefix costs nothing.

export class FrameTooLargeError extends Error {
  override readonly name = 'FrameTooLargeError'
}

export class FrameReader {
  readonly maxFrameBytes: number
  #chunks: Buffer[] = []
  #buffered = 0
  /** Payload size of the frame being read, once its 4-byte prefix is known. */
  #expected = -1

  constructor (maxFrameBytes: number) {
    this.maxFrameBytes = maxFrameBytes
  }

  /** Bytes held while waiting for the rest of a frame. */
  get buffered (): number { return this.#buffered }

  /** Feeds bytes; returns the complete frame payloads (without the size prefix). Throws FrameTooLargeError. */
  push (chunk: Buffer): Buffer[] {
    this.#chunks.push(chunk)
    this.#buffered += chunk.length
    const frames: Buffer[] = []
    while (true) {
      if (this.#expected === -1) {
        if (this.#buffered < 4) break
        const size = this.#peekSize()
        if (size < 0 || size > this.maxFrameBytes) {
          throw new FrameTooLargeError(`frame of ${size} bytes is outside [0, ${this.maxFrameBytes}] (socket.request.max.bytes)`)
        }
        this.#consume(4)
        this.#expected = size
      }
      if (this.#buffered < this.#expected) break
      frames.push(this.#consume(this.#expected))
      this.#expected = -1
    }
    return frames
  }

  #peekSize (): number {
    const first = this.#chunks[0]
    if (first.length >= 4) return first.readInt32BE(0)
    return Buffer.concat(this.#chunks, 4).readInt32BE(0)
  }

  /** Takes `n` bytes off the front, without copying when they sit in one chunk. */
  #consume (n: number): Buffer {
    this.#buffered -= n
    const first = this.#chunks[0]
    if (first !== undefined && first.length >= n) {
      if (first.length === n) this.#chunks.shift()
      else this.#chunks[0] = first.subarray(n)
      return first.subarray(0, n)
    }
    const out = Buffer.allocUnsafe(n)
    let filled = 0
    while (filled < n) {
      const c = this.#chunks[0]
      const take = Math.min(c.length, n - filled)
      c.copy(out, filled, 0, take)
      filled += take
      if (take === c.length) this.#chunks.shift()
      else this.#chunks[0] = c.subarray(take)
    }
    return out
  }
}
