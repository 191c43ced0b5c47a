// The single writer of a partition: every disk mutation (batch writes, roll finalisation, segment
// deletion, metadata files) runs here one after another, in the order it was queued, which is
// the order offsets were assigned. Appends queued while a round is writing or fsyncing are taken
// together by the next round: one writev per segment run and one fdatasync for all of them
// (group commit).

import type { Segment } from './segment.ts'

interface WriteItem {
  kind: 'write'
  segment: Segment
  position: number
  batch: Buffer
  records: number
  lastOffset: number
  durable: boolean
  resolve: () => void
  reject: (err: Error) => void
}
interface BarrierItem { kind: 'barrier'; durable: boolean; force: boolean; resolve: () => void; reject: (err: Error) => void }
interface TaskItem { kind: 'task'; run: () => Promise<void>; resolve: () => void; reject: (err: Error) => void }
type Item = WriteItem | BarrierItem | TaskItem

export interface AppendWriterOptions {
  /** Called when batches up to lastOffset are in the file (page cache). */
  onWritten: (lastOffset: number) => void
  /** Called after each round, once its writes are visible. */
  onRound: () => void
  durableAcks: () => boolean
  flushMessages: () => number
  flushMs: () => number
  now?: () => number
}

export class AppendWriter {
  #queue: Item[] = []
  #running = false
  #failure: Error | null = null
  /** Segments written since their last fdatasync. */
  #dirty = new Set<Segment>()
  #unflushedMessages = 0
  #flushTimer: NodeJS.Timeout | null = null
  #idle: Array<() => void> = []
  #rounds = 0
  #syncs = 0
  readonly #options: AppendWriterOptions

  constructor (options: AppendWriterOptions) {
    this.#options = options
  }

  /** The error that stopped this writer (the log then refuses appends), or null. */
  get failure (): Error | null { return this.#failure }

  write (segment: Segment, position: number, batch: Buffer, records: number, lastOffset: number, durable: boolean): Promise<void> {
    return this.#enqueue((resolve, reject) => ({ kind: 'write', segment, position, batch, records, lastOffset, durable, resolve, reject }))
  }

  /** Resolves once everything queued before it is written (and fsynced, when durable). */
  barrier (durable: boolean): Promise<void> {
    return this.#enqueue((resolve, reject) => ({ kind: 'barrier', durable, force: false, resolve, reject }))
  }

  /** Forces an fdatasync of every segment written so far. */
  sync (): Promise<void> {
    return this.#enqueue((resolve, reject) => ({ kind: 'barrier', durable: true, force: true, resolve, reject }))
  }

  /** Runs `run` after everything queued before it; a failing task stops the writer. */
  task (run: () => Promise<void>): Promise<void> {
    return this.#enqueue((resolve, reject) => ({ kind: 'task', run, resolve, reject }))
  }

  /** Writer rounds run and fdatasync rounds done, for metrics and tests of group commit. */
  stats (): { rounds: number; syncs: number } {
    return { rounds: this.#rounds, syncs: this.#syncs }
  }

  /** A segment whose data was fsynced elsewhere (roll) or that is going away. */
  forget (segment: Segment): void {
    this.#dirty.delete(segment)
  }

  /** Resolves when the queue is empty. */
  idle (): Promise<void> {
    if (!this.#running && this.#queue.length === 0) return Promise.resolve()
    return new Promise((resolve) => this.#idle.push(resolve))
  }

  stopTimers (): void {
    if (this.#flushTimer !== null) clearTimeout(this.#flushTimer)
    this.#flushTimer = null
  }

  #enqueue (make: (resolve: () => void, reject: (err: Error) => void) => Item): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.#failure !== null) {
        reject(this.#failure)
        return
      }
      this.#queue.push(make(resolve, reject))
      if (!this.#running) {
        this.#running = true
        queueMicrotask(() => { void this.#run() })
      }
    })
  }

  async #run (): Promise<void> {
    while (this.#queue.length > 0) {
      const round = this.#queue.splice(0)
      try {
        await this.#process(round)
        for (const item of round) item.resolve()
      } catch (err) {
        const failure = err instanceof Error ? err : new Error(String(err))
        this.#failure = failure
        for (const item of [...round, ...this.#queue.splice(0)]) item.reject(failure)
      }
    }
    this.#running = false
    for (const resolve of this.#idle.splice(0)) resolve()
  }

  async #process (round: Item[]): Promise<void> {
    this.#rounds++
    let group: WriteItem[] = []
    let needSync = false
    const writeGroup = async (): Promise<void> => {
      if (group.length === 0) return
      const segment = group[0].segment
      await segment.write(group.map((i) => i.batch), group[0].position)
      this.#dirty.add(segment)
      this.#options.onWritten(group[group.length - 1].lastOffset)
      group = []
    }
    for (const item of round) {
      if (item.kind === 'write') {
        const last = group[group.length - 1]
        if (last !== undefined && (last.segment !== item.segment || last.position + last.batch.length !== item.position)) await writeGroup()
        group.push(item)
        this.#unflushedMessages += item.records
        if (item.durable && this.#options.durableAcks()) needSync = true
      } else if (item.kind === 'barrier') {
        if (item.force || (item.durable && this.#options.durableAcks())) needSync = true
      } else {
        await writeGroup()
        await item.run()
      }
    }
    await writeGroup()
    this.#options.onRound()
    if (this.#unflushedMessages >= this.#options.flushMessages()) needSync = true
    // Invariant: a durable append (durableAcks on) resolves only after an fdatasync that began
    // after its bytes were written: items resolve after this sync, and one sync covers the round.
    if (needSync) await this.#syncDirty()
    else this.#armFlushTimer()
  }

  async #syncDirty (): Promise<void> {
    const segments = [...this.#dirty]
    this.#dirty.clear()
    this.#unflushedMessages = 0
    this.stopTimers()
    if (segments.length > 0) this.#syncs++
    for (const segment of segments) await segment.datasync()
  }

  /** flush.ms: an fsync at most flushMs after the first unflushed write. */
  #armFlushTimer (): void {
    const flushMs = this.#options.flushMs()
    if (this.#flushTimer !== null || this.#dirty.size === 0 || flushMs >= 2 ** 31 - 1) return
    this.#flushTimer = setTimeout(() => {
      this.#flushTimer = null
      this.sync().catch(() => {}) // a failure is recorded in #failure and reported by the next append
    }, flushMs)
    this.#flushTimer.unref()
  }
}
