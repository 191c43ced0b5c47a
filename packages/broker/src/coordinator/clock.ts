// Time as the coordinators see it. Injected so state-machine tests drive session,
// rebalance and transaction timeouts without sleeping.

export interface Timer { cancel (): void }

export interface Clock {
  now (): number
  /** Runs `fn` once after `delayMs`; the timer never keeps the process alive. */
  schedule (delayMs: number, fn: () => void): Timer
}

export const systemClock: Clock = {
  now: () => Date.now(),
  schedule (delayMs, fn) {
    const handle = setTimeout(fn, Math.max(0, delayMs))
    handle.unref()
    return { cancel: () => clearTimeout(handle) }
  },
}

/** A clock that only moves when told to (tests). Timers fire in due order inside `advance`. */
export class ManualClock implements Clock {
  #now: number
  #seq = 0
  #timers = new Map<number, { due: number; fn: () => void }>()

  constructor (start = 1_700_000_000_000) {
    this.#now = start
  }

  now (): number {
    return this.#now
  }

  schedule (delayMs: number, fn: () => void): Timer {
    const id = ++this.#seq
    this.#timers.set(id, { due: this.#now + Math.max(0, delayMs), fn })
    return { cancel: () => { this.#timers.delete(id) } }
  }

  get pendingTimers (): number {
    return this.#timers.size
  }

  advance (ms: number): void {
    const target = this.#now + ms
    while (true) {
      let nextId = -1
      let nextDue = Infinity
      for (const [id, t] of this.#timers) if (t.due < nextDue || (t.due === nextDue && id < nextId)) { nextDue = t.due; nextId = id }
      if (nextId < 0 || nextDue > target) break
      const timer = this.#timers.get(nextId)!
      this.#timers.delete(nextId)
      this.#now = Math.max(this.#now, timer.due)
      timer.fn()
    }
    this.#now = target
  }
}
