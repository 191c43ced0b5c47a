// Per-partition producer state (notes §4.6 and §6.3): for each producerId the epoch and the last 5
// batches' sequence ranges (idempotent dedup and gap detection), the open transaction per producer
// (which holds the LSO back) and the aborted transactions read_committed fetches need.
// Everything here is derivable from batch headers and control batches in offset order, which is
// how recovery rebuilds it; snapshots only make that faster.

import type { AbortedTransaction } from './types.ts'
import { lastSequence } from './batch-header.ts'
import { BatchAttribute, ErrorCode } from '@tributary/protocol'

/** Kafka's ProducerStateEntry.NUM_BATCHES_TO_RETAIN, matching max.in.flight ≤ 5. */
const BATCHES_TO_RETAIN = 5
const INT32_MAX = 0x7fffffff

export interface BatchMetadata { firstSeq: number; lastSeq: number; firstOffset: number; lastOffset: number; timestamp: number }
interface ProducerEntry { epoch: number; batches: BatchMetadata[] }
export interface OpenTxn { producerEpoch: number; firstOffset: number }
export interface AbortedTxn { producerId: number; firstOffset: number; lastOffset: number }

/** The header fields producer checks need. */
export interface ProducerBatchInfo {
  producerId: number
  producerEpoch: number
  baseSequence: number
  lastOffsetDelta: number
  attributes: number
}

export type ProducerCheck =
  | { kind: 'ok' }
  | { kind: 'duplicate'; batch: BatchMetadata }
  | { kind: 'error'; errorCode: number; message: string }

export interface ProducerSnapshot {
  offset: number
  producers: Array<[number, ProducerEntry]>
  openTxns: Array<[number, OpenTxn]>
  aborted: AbortedTxn[]
}

export class ProducerState {
  #producers = new Map<number, ProducerEntry>()
  #openTxns = new Map<number, OpenTxn>()
  /** Ordered by lastOffset (the marker's offset), i.e. append order. */
  #aborted: AbortedTxn[] = []

  /** Validates a client batch against the producer's state; nothing is changed. */
  check (b: ProducerBatchInfo): ProducerCheck {
    if (b.producerId < 0) return { kind: 'ok' }
    const entry = this.#producers.get(b.producerId)
    const firstSeq = b.baseSequence
    const lastSeq = lastSequence(firstSeq, b.lastOffsetDelta)
    if (entry !== undefined && b.producerEpoch === entry.epoch) {
      const duplicate = entry.batches.find((m) => m.firstSeq === firstSeq && m.lastSeq === lastSeq)
      if (duplicate !== undefined) return { kind: 'duplicate', batch: duplicate }
    }
    if (entry !== undefined && b.producerEpoch < entry.epoch) {
      return error(ErrorCode.INVALID_PRODUCER_EPOCH, `producer ${b.producerId} epoch ${b.producerEpoch} is older than ${entry.epoch}`)
    }
    if (entry !== undefined) {
      if (b.producerEpoch !== entry.epoch) {
        if (firstSeq !== 0) return error(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER, `new epoch ${b.producerEpoch} of producer ${b.producerId} must start at sequence 0, got ${firstSeq}`)
      } else {
        const last = entry.batches.length > 0 ? entry.batches[entry.batches.length - 1].lastSeq : -1
        if (!(firstSeq === last + 1 || (firstSeq === 0 && last === INT32_MAX))) {
          return error(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER, `producer ${b.producerId} expected sequence ${last + 1}, got ${firstSeq}`)
        }
      }
    }
    // An unknown producer (new, or all its batches deleted) is accepted at any sequence.
    if ((b.attributes & BatchAttribute.transactional) === 0 && this.#openTxns.has(b.producerId)) {
      return error(ErrorCode.INVALID_TXN_STATE, `producer ${b.producerId} has an open transaction and sent a non-transactional batch`)
    }
    return { kind: 'ok' }
  }

  /** Records a batch written at [baseOffset, baseOffset + lastOffsetDelta] (client append or replay). */
  apply (b: ProducerBatchInfo, baseOffset: number, timestamp: number): void {
    if (b.producerId < 0) return
    let entry = this.#producers.get(b.producerId)
    if (entry === undefined || b.producerEpoch !== entry.epoch) {
      entry = { epoch: b.producerEpoch, batches: [] }
      this.#producers.set(b.producerId, entry)
    }
    if (b.baseSequence >= 0) {
      entry.batches.push({
        firstSeq: b.baseSequence,
        lastSeq: lastSequence(b.baseSequence, b.lastOffsetDelta),
        firstOffset: baseOffset,
        lastOffset: baseOffset + b.lastOffsetDelta,
        timestamp,
      })
      if (entry.batches.length > BATCHES_TO_RETAIN) entry.batches.shift()
    }
    if ((b.attributes & BatchAttribute.transactional) !== 0 && !this.#openTxns.has(b.producerId)) {
      this.#openTxns.set(b.producerId, { producerEpoch: b.producerEpoch, firstOffset: baseOffset })
    }
  }

  checkControl (producerId: number, producerEpoch: number): ProducerCheck {
    const entry = this.#producers.get(producerId)
    if (entry !== undefined && producerEpoch < entry.epoch) {
      return error(ErrorCode.INVALID_PRODUCER_EPOCH, `marker epoch ${producerEpoch} is older than producer ${producerId}'s epoch ${entry.epoch}`)
    }
    return { kind: 'ok' }
  }

  /** Records a transaction marker at `offset`: closes the producer's open transaction. */
  applyControl (producerId: number, producerEpoch: number, commit: boolean, offset: number): void {
    const entry = this.#producers.get(producerId)
    if (entry === undefined || producerEpoch > entry.epoch) this.#producers.set(producerId, { epoch: producerEpoch, batches: [] })
    const open = this.#openTxns.get(producerId)
    if (open === undefined) return
    this.#openTxns.delete(producerId)
    if (!commit) this.#aborted.push({ producerId, firstOffset: open.firstOffset, lastOffset: offset })
  }

  /** producer.id.expiration.ms: forgets producers idle since before `cutoff` with no open transaction. */
  expireBefore (cutoff: number): void {
    for (const [pid, entry] of this.#producers) {
      const last = entry.batches[entry.batches.length - 1]
      if (last !== undefined && last.timestamp < cutoff && !this.#openTxns.has(pid)) this.#producers.delete(pid)
    }
  }

  openTransactions (): Map<number, OpenTxn> {
    return new Map([...this.#openTxns].map(([pid, txn]) => [pid, { ...txn }]))
  }

  /** First offset of the earliest open transaction, or null. */
  firstUnstableOffset (): number | null {
    let first: number | null = null
    for (const txn of this.#openTxns.values()) if (first === null || txn.firstOffset < first) first = txn.firstOffset
    return first
  }

  /** Aborted transactions overlapping [from, to): lastOffset >= from and firstOffset < to (Kafka's rule). */
  abortedOverlapping (from: number, to: number): AbortedTransaction[] {
    const list = this.#aborted
    let lo = 0
    let hi = list.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (list[mid].lastOffset < from) lo = mid + 1
      else hi = mid
    }
    const out: AbortedTransaction[] = []
    for (let i = lo; i < list.length; i++) {
      if (list[i].firstOffset < to) out.push({ producerId: list[i].producerId, firstOffset: list[i].firstOffset })
    }
    return out
  }

  /** Whether offset `offset` of producer `producerId` belongs to an aborted transaction. */
  isAborted (producerId: number, offset: number): boolean {
    return this.#aborted.some((t) => t.producerId === producerId && t.firstOffset <= offset && offset <= t.lastOffset)
  }

  /** Drops aborted-transaction entries wholly below the log start offset. */
  dropAbortedBefore (logStartOffset: number): void {
    this.#aborted = this.#aborted.filter((t) => t.lastOffset >= logStartOffset)
  }

  snapshot (offset: number): ProducerSnapshot {
    return {
      offset,
      producers: [...this.#producers].map(([pid, e]) => [pid, { epoch: e.epoch, batches: e.batches.map((m) => ({ ...m })) }]),
      openTxns: [...this.#openTxns].map(([pid, t]) => [pid, { ...t }]),
      aborted: this.#aborted.map((t) => ({ ...t })),
    }
  }

  static fromSnapshot (s: ProducerSnapshot): ProducerState {
    const state = new ProducerState()
    for (const [pid, e] of s.producers) state.#producers.set(pid, e)
    for (const [pid, t] of s.openTxns) state.#openTxns.set(pid, t)
    state.#aborted = s.aborted
    return state
  }
}

function error (errorCode: number, message: string): ProducerCheck {
  return { kind: 'error', errorCode, message }
}
