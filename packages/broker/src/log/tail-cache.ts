// The most recent batches of a partition, kept in memory so consumers that keep up are served
// without touching the disk. Holds a contiguous run of batches ending at the newest one; the
// oldest are evicted past the byte budget.

interface CachedBatch { base: number; last: number; batch: Buffer }

const EVICTED = Buffer.alloc(0)

export class TailCache {
  #entries: CachedBatch[] = []
  #head = 0
  #bytes = 0
  readonly #limit: number

  constructor (limitBytes: number) {
    this.#limit = limitBytes
  }

  add (base: number, last: number, batch: Buffer): void {
    if (this.#limit <= 0) return
    this.#entries.push({ base, last, batch })
    this.#bytes += batch.length
    while (this.#bytes > this.#limit && this.#head < this.#entries.length - 1) {
      const evicted = this.#entries[this.#head]
      this.#bytes -= evicted.batch.length
      // Invariant: an evicted slot holds no bytes. Slots before #head stay in the array until the
      // next compaction (up to 1024 of them); holding their batches there kept ~64 MiB per busy
      // partition alive and made RSS grow with the volume produced.
      evicted.batch = EVICTED
      this.#head++
    }
    if (this.#head > 1024 && this.#head * 2 > this.#entries.length) {
      this.#entries = this.#entries.slice(this.#head)
      this.#head = 0
    }
  }

  /**
   * Whole batches from the one containing `offset`, bounded by maxBytes (at least one) and by
   * `upper` (batches starting at or after it are not returned). null when `offset` is older
   * than the cache.
   */
  read (offset: number, maxBytes: number, upper: number): Buffer[] | null {
    const entries = this.#entries
    if (this.#head >= entries.length || offset < entries[this.#head].base) return null
    let lo = this.#head
    let hi = entries.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (entries[mid].last < offset) lo = mid + 1
      else hi = mid
    }
    const out: Buffer[] = []
    let total = 0
    for (let i = lo; i < entries.length; i++) {
      const e = entries[i]
      if (e.base >= upper) break
      if (total > 0 && total + e.batch.length > maxBytes) break
      out.push(e.batch)
      total += e.batch.length
      if (total >= maxBytes) break
    }
    return out
  }

  clear (): void {
    this.#entries = []
    this.#head = 0
    this.#bytes = 0
  }
}
