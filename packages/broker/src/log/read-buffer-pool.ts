// Reusable buffers for Fetch's disk reads. A drain reads ~1 MiB per partition per fetch; a fresh
// Buffer for each is a fresh ArrayBuffer, and V8 answers that stream of external memory with a
// mark-compact every few fetches (a third of the broker's CPU in a 1 GB drain). A fetch instead
// takes its read buffers from this pool through a lease, and the lease gives them back only once
// the response holding them has been written to the socket (the kernel has copied the bytes).
// A lease that is never released (connection closed, request aborted) just leaves its buffers to
// the garbage collector.

/** Reads are rounded up to this, so reads of nearly the same size share buffers. */
const SIZE_STEP = 64 * 1024

export interface ReadBufferPoolOptions {
  /** Bytes kept for reuse in all; buffers given back beyond it are dropped. */
  maxPooledBytes?: number
  /** Reads larger than this are not pooled. */
  maxBufferBytes?: number
}

export class ReadBufferPool {
  readonly #free = new Map<number, Buffer[]>()
  readonly #maxPooledBytes: number
  readonly #maxBufferBytes: number
  #pooledBytes = 0

  constructor (options: ReadBufferPoolOptions = {}) {
    this.#maxPooledBytes = options.maxPooledBytes ?? 32 * 1024 * 1024
    this.#maxBufferBytes = options.maxBufferBytes ?? 8 * 1024 * 1024
  }

  /** Bytes currently held for reuse. */
  get pooledBytes (): number { return this.#pooledBytes }

  lease (): ReadBufferLease {
    return new ReadBufferLease(this)
  }

  /** A buffer of exactly `length` bytes (a view of a pooled allocation when one fits). */
  take (length: number): { view: Buffer; backing: Buffer | null } {
    const size = Math.ceil(Math.max(length, 1) / SIZE_STEP) * SIZE_STEP
    if (size > this.#maxBufferBytes) return { view: Buffer.allocUnsafe(length), backing: null }
    const reused = this.#free.get(size)?.pop()
    if (reused !== undefined) this.#pooledBytes -= size
    const backing = reused ?? Buffer.allocUnsafeSlow(size)
    return { view: backing.subarray(0, length), backing }
  }

  /** Takes back buffers from `take` once nothing refers to their bytes any more. */
  giveBack (backing: Buffer): void {
    if (this.#pooledBytes + backing.length > this.#maxPooledBytes) return
    let list = this.#free.get(backing.length)
    if (list === undefined) {
      list = []
      this.#free.set(backing.length, list)
    }
    list.push(backing)
    this.#pooledBytes += backing.length
  }
}

/** The buffers one request read into; given back together, at most once. */
export class ReadBufferLease {
  readonly #pool: ReadBufferPool
  #taken: Buffer[] = []
  #released = false

  constructor (pool: ReadBufferPool) {
    this.#pool = pool
  }

  alloc (length: number): Buffer {
    if (this.#released) return Buffer.allocUnsafe(length)
    const { view, backing } = this.#pool.take(length)
    if (backing !== null) this.#taken.push(backing)
    return view
  }

  /** Only when no Buffer handed out by `alloc` (or a view of one) is used any more. */
  release (): void {
    if (this.#released) return
    this.#released = true
    for (const backing of this.#taken) this.#pool.giveBack(backing)
    this.#taken = []
  }
}
