// Source offsets become committable only when every record before them (in poll order) was
// acknowledged by Kafka: batches are queued in order and drained from the head once acked.
// Invariant: a committed source offset never covers a record the producer did not acknowledge.
import type { SourcePartition, SourceOffset } from '@tributary/connect-api'
import { offsetKey } from '../stores/offset-store.ts'

interface Batch { acked: boolean, offsets: Map<string, { partition: SourcePartition, offset: SourceOffset }> }

export class SubmittedOffsets {
  readonly #connector: string
  readonly #queue: Batch[] = []
  /** Acked and not yet flushed: key → latest offset. */
  #committable = new Map<string, { partition: SourcePartition, offset: SourceOffset }>()

  constructor (connector: string) { this.#connector = connector }

  /** Registers one poll batch's offsets (in record order); call ack() when Kafka acknowledged it. */
  submit (records: Iterable<{ sourcePartition: SourcePartition | null, sourceOffset: SourceOffset | null }>): { ack: () => void } {
    const batch: Batch = { acked: false, offsets: new Map() }
    // Connectors usually hand every record the same partition object: its key (canonical JSON) is
    // computed once per run of it, and one entry per partition is kept (the last offset wins).
    let lastPartition: SourcePartition | null = null
    let entry: { partition: SourcePartition, offset: SourceOffset } | undefined
    for (const r of records) {
      if (r.sourcePartition === null || r.sourceOffset === null) continue
      if (r.sourcePartition !== lastPartition || entry === undefined) {
        lastPartition = r.sourcePartition
        const key = offsetKey(this.#connector, r.sourcePartition)
        entry = batch.offsets.get(key)
        if (entry === undefined) batch.offsets.set(key, entry = { partition: r.sourcePartition, offset: r.sourceOffset })
      }
      entry.partition = r.sourcePartition
      entry.offset = r.sourceOffset
    }
    this.#queue.push(batch)
    return {
      ack: () => {
        batch.acked = true
        while (this.#queue.length > 0 && this.#queue[0].acked) {
          const head = this.#queue.shift()!
          for (const [k, v] of head.offsets) this.#committable.set(k, v)
        }
      },
    }
  }

  get pendingBatches (): number { return this.#queue.length }

  /** Takes the committable offsets (to be written to the offset store). */
  take (): Array<{ partition: SourcePartition, offset: SourceOffset }> {
    const out = [...this.#committable.values()]
    this.#committable = new Map()
    return out
  }

  /** Puts back offsets whose write failed, unless newer ones arrived meanwhile. */
  restore (entries: Array<{ partition: SourcePartition, offset: SourceOffset }>): void {
    for (const e of entries) {
      const k = offsetKey(this.#connector, e.partition)
      if (!this.#committable.has(k)) this.#committable.set(k, e)
    }
  }
}
