// Fixed-capacity FIFO: the metrics history keeps the last hour of samples
// without growing, the oldest sample is overwritten first.
export class RingBuffer<T> {
  #items: (T | undefined)[]
  #start = 0
  #size = 0

  constructor (capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`)
    this.#items = new Array<T | undefined>(capacity)
  }

  get capacity (): number { return this.#items.length }
  get size (): number { return this.#size }

  push (item: T): void {
    const capacity = this.#items.length
    if (this.#size < capacity) {
      this.#items[(this.#start + this.#size) % capacity] = item
      this.#size++
    } else {
      this.#items[this.#start] = item
      this.#start = (this.#start + 1) % capacity
    }
  }

  last (): T | undefined {
    if (this.#size === 0) return undefined
    return this.#items[(this.#start + this.#size - 1) % this.#items.length]
  }

  /** Items oldest first. */
  toArray (): T[] {
    const out: T[] = []
    for (let i = 0; i < this.#size; i++) out.push(this.#items[(this.#start + i) % this.#items.length] as T)
    return out
  }
}
