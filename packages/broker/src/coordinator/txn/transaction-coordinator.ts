// The transaction coordinator: transactional ids → producer id/epoch and the current transaction.
// Markers are written locally through `PartitionLog.appendControl` (no WriteTxnMarkers RPC).
//
// Persistence (shared CoordinatorLog): { t: 'txn', id, pid, epoch, lastEpoch, timeoutMs, state,
// partitions: [[topic, partition]], groups: [groupId], startedAt } — an upsert per state change.
// Invariant: every state change is fsynced before the request that caused it is answered, and
// Prepare* is persisted before the first marker is written, so a crash mid-EndTxn is finished on recovery.
// Invariant: after `recover()`, no transaction is Ongoing or Prepare* from before the restart and
// no partition log has an open transaction the coordinator does not know.
// Calls on one transactional id are serialised; different ids proceed independently.

import type { Clock, Timer } from '../clock.ts'
import type { CoordinatorConfig } from '../coordinator-config.ts'
import type { CoordinatorHost } from '../coordinator-host.ts'
import { ErrorCode } from '../error-codes.ts'
import type { GroupCoordinator, OffsetCommitInput, PartitionErrors } from '../group/group-coordinator.ts'
import type { CoordinatorLog, CoordinatorRecord } from '../store/coordinator-log.ts'
import { MAX_PRODUCER_EPOCH, TxnState, partitionKey, splitPartitionKey } from './transaction-state.ts'
import type { TransactionMetadata } from './transaction-state.ts'

export interface TransactionCoordinatorOptions {
  clock: Clock
  config: CoordinatorConfig
  host: CoordinatorHost
  store: CoordinatorLog
  groups: GroupCoordinator
  /** Called when recovery or a timeout abort fails (the coordinator keeps running). */
  onError?: (err: Error) => void
}

export interface ProducerIdAndEpoch { errorCode: number; producerId: number; producerEpoch: number }

interface ProducerRef { transactionalId: string; producerId: number; producerEpoch: number }

const COORDINATOR_EPOCH = 0

export class TransactionCoordinator {
  readonly #clock: Clock
  readonly #config: CoordinatorConfig
  readonly #host: CoordinatorHost
  readonly #store: CoordinatorLog
  readonly #groups: GroupCoordinator
  readonly #onError: (err: Error) => void
  readonly #txns = new Map<string, TransactionMetadata>()
  readonly #byProducerId = new Map<number, string>()
  readonly #locks = new Map<string, Promise<unknown>>()
  #timeoutTimer: Timer | null = null
  #closed = false

  constructor (options: TransactionCoordinatorOptions) {
    this.#clock = options.clock
    this.#config = options.config
    this.#host = options.host
    this.#store = options.store
    this.#groups = options.groups
    this.#onError = options.onError ?? (() => {})
  }

  // ---- persistence -----------------------------------------------------------------------

  replay (record: CoordinatorRecord): boolean {
    if (record.t !== 'txn') return false
    const meta: TransactionMetadata = {
      transactionalId: record.id as string,
      producerId: record.pid as number,
      producerEpoch: record.epoch as number,
      lastProducerEpoch: record.lastEpoch as number,
      timeoutMs: record.timeoutMs as number,
      state: record.state as TxnState,
      partitions: new Set((record.partitions as Array<[string, number]>).map(([t, p]) => partitionKey(t, p))),
      groups: new Set(record.groups as string[]),
      startedAt: record.startedAt as number,
    }
    const previous = this.#txns.get(meta.transactionalId)
    if (previous) this.#byProducerId.delete(previous.producerId)
    this.#txns.set(meta.transactionalId, meta)
    this.#byProducerId.set(meta.producerId, meta.transactionalId)
    return true
  }

  liveRecords (): CoordinatorRecord[] {
    return [...this.#txns.values()].map(encode)
  }

  #save (meta: TransactionMetadata): Promise<void> {
    return this.#store.append([encode(meta)], { durable: true })
  }

  /** Finishes what a crash interrupted, then starts the periodic timeout check. */
  async recover (): Promise<void> {
    for (const meta of this.#txns.values()) {
      await this.#locked(meta.transactionalId, async () => {
        if (meta.state === TxnState.PrepareCommit) await this.#complete(meta, true)
        else if (meta.state === TxnState.PrepareAbort) await this.#complete(meta, false)
        else if (meta.state === TxnState.Ongoing) await this.#abort(meta, true)
      })
    }
    // Open transactions the coordinator never heard of (e.g. a crash between a produce and its
    // AddPartitionsToTxn being persisted) would hold the last stable offset forever: abort them.
    for (const log of this.#host.partitionLogs()) {
      for (const [producerId, { producerEpoch }] of log.openTransactions()) {
        const owner = this.#txns.get(this.#byProducerId.get(producerId) ?? '')
        if (owner && owner.state === TxnState.Ongoing && owner.partitions.has(partitionKey(log.topic, log.partition))) continue
        await log.appendControl({ producerId, producerEpoch, commit: false, coordinatorEpoch: COORDINATOR_EPOCH }, { durable: true })
      }
    }
    this.#scheduleTimeoutCheck()
  }

  #scheduleTimeoutCheck (): void {
    if (this.#closed) return
    this.#timeoutTimer = this.#clock.schedule(this.#config.transactionAbortCheckIntervalMs, () => {
      this.abortTimedOut().catch(this.#onError).finally(() => this.#scheduleTimeoutCheck())
    })
  }

  /** Aborts (and fences) every Ongoing transaction older than its timeout. */
  async abortTimedOut (): Promise<void> {
    const now = this.#clock.now()
    for (const meta of [...this.#txns.values()]) {
      if (meta.state !== TxnState.Ongoing || now - meta.startedAt <= meta.timeoutMs) continue
      await this.#locked(meta.transactionalId, async () => {
        if (meta.state === TxnState.Ongoing && this.#clock.now() - meta.startedAt > meta.timeoutMs) await this.#abort(meta, true)
      })
    }
  }

  // ---- API -------------------------------------------------------------------------------

  /** InitProducerId with a transactional id (the idempotent, id-less case is the broker's). */
  initProducerId (req: { transactionalId: string; transactionTimeoutMs: number; producerId: number; producerEpoch: number }): Promise<ProducerIdAndEpoch> {
    const fail = (errorCode: number): ProducerIdAndEpoch => ({ errorCode, producerId: -1, producerEpoch: -1 })
    if (req.transactionalId === '') return Promise.resolve(fail(ErrorCode.INVALID_REQUEST))
    if (req.transactionTimeoutMs <= 0 || req.transactionTimeoutMs > this.#config.transactionMaxTimeoutMs) {
      return Promise.resolve(fail(ErrorCode.INVALID_TRANSACTION_TIMEOUT))
    }
    return this.#locked(req.transactionalId, async () => {
      let meta = this.#txns.get(req.transactionalId)
      if (!meta) {
        const producerId = await this.#host.allocateProducerId()
        meta = {
          transactionalId: req.transactionalId,
          producerId,
          producerEpoch: 0,
          lastProducerEpoch: -1,
          timeoutMs: req.transactionTimeoutMs,
          state: TxnState.Empty,
          partitions: new Set(),
          groups: new Set(),
          startedAt: -1,
        }
        this.#txns.set(meta.transactionalId, meta)
        this.#byProducerId.set(producerId, meta.transactionalId)
        await this.#save(meta)
        return { errorCode: ErrorCode.NONE, producerId, producerEpoch: 0 }
      }
      // KIP-360: a producer that names its current id/epoch may bump it; anything else is a zombie.
      if (req.producerId >= 0) {
        if (req.producerId !== meta.producerId) return fail(ErrorCode.PRODUCER_FENCED)
        const retriedBump = req.producerEpoch === meta.lastProducerEpoch && meta.state !== TxnState.Ongoing
        if (retriedBump) return { errorCode: ErrorCode.NONE, producerId: meta.producerId, producerEpoch: meta.producerEpoch }
        if (req.producerEpoch !== meta.producerEpoch) return fail(ErrorCode.PRODUCER_FENCED)
      }
      if (meta.state === TxnState.PrepareCommit || meta.state === TxnState.PrepareAbort) return fail(ErrorCode.CONCURRENT_TRANSACTIONS)
      if (meta.state === TxnState.Ongoing) {
        // Fence the current producer and abort its transaction; the caller retries.
        await this.#abort(meta, true)
        return fail(ErrorCode.CONCURRENT_TRANSACTIONS)
      }
      await this.#bumpEpoch(meta)
      meta.timeoutMs = req.transactionTimeoutMs
      meta.state = TxnState.Empty
      await this.#save(meta)
      return { errorCode: ErrorCode.NONE, producerId: meta.producerId, producerEpoch: meta.producerEpoch }
    })
  }

  addPartitions (req: ProducerRef & { topics: Array<{ name: string; partitions: number[] }> }): Promise<Array<{ name: string; results: Array<{ partitionIndex: number; errorCode: number }> }>> {
    const answer = (codeFor: (topic: string, partition: number) => number) => req.topics.map((t) => ({
      name: t.name,
      results: t.partitions.map((p) => ({ partitionIndex: p, errorCode: codeFor(t.name, p) })),
    }))
    return this.#locked(req.transactionalId, async () => {
      const meta = this.#txns.get(req.transactionalId)
      const error = this.#checkProducer(meta, req)
      if (error !== ErrorCode.NONE) return answer(() => error)
      const unknown = new Set<string>()
      for (const t of req.topics) for (const p of t.partitions) if (!this.#host.partitionLog(t.name, p)) unknown.add(partitionKey(t.name, p))
      if (unknown.size > 0) {
        return answer((t, p) => unknown.has(partitionKey(t, p)) ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : ErrorCode.OPERATION_NOT_ATTEMPTED)
      }
      this.#begin(meta!)
      for (const t of req.topics) for (const p of t.partitions) meta!.partitions.add(partitionKey(t.name, p))
      await this.#save(meta!)
      return answer(() => ErrorCode.NONE)
    })
  }

  addOffsets (req: ProducerRef & { groupId: string }): Promise<number> {
    return this.#locked(req.transactionalId, async () => {
      const meta = this.#txns.get(req.transactionalId)
      const error = this.#checkProducer(meta, req)
      if (error !== ErrorCode.NONE) return error
      const invalid = this.#groups.validateGroupId(req.groupId)
      if (invalid !== ErrorCode.NONE) return invalid
      this.#begin(meta!)
      meta!.groups.add(req.groupId)
      await this.#save(meta!)
      return ErrorCode.NONE
    })
  }

  /** TxnOffsetCommit: checks the producer, then stages the offsets with the group coordinator. */
  txnOffsetCommit (req: ProducerRef & OffsetCommitInput): Promise<PartitionErrors[]> {
    const all = (errorCode: number): PartitionErrors[] => req.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode })) }))
    return this.#locked(req.transactionalId, async () => {
      const meta = this.#txns.get(req.transactionalId)
      const error = this.#checkProducer(meta, req)
      if (error !== ErrorCode.NONE) return all(error)
      if (meta!.state !== TxnState.Ongoing) return all(ErrorCode.INVALID_TXN_STATE)
      if (!meta!.groups.has(req.groupId)) {
        // Clients always AddOffsetsToTxn first; tolerate one that did not rather than strand offsets.
        meta!.groups.add(req.groupId)
        await this.#save(meta!)
      }
      return this.#groups.stageTxnOffsets(req)
    })
  }

  endTxn (req: ProducerRef & { committed: boolean }): Promise<number> {
    return this.#locked(req.transactionalId, async () => {
      const meta = this.#txns.get(req.transactionalId)
      const error = this.#checkProducer(meta, req)
      if (error !== ErrorCode.NONE) return error
      switch (meta!.state) {
        case TxnState.Ongoing:
          meta!.state = req.committed ? TxnState.PrepareCommit : TxnState.PrepareAbort
          await this.#save(meta!)
          await this.#complete(meta!, req.committed)
          return ErrorCode.NONE
        case TxnState.CompleteCommit:
          // A retried EndTxn for what just completed succeeds; the opposite outcome cannot.
          return req.committed ? ErrorCode.NONE : ErrorCode.INVALID_TXN_STATE
        case TxnState.CompleteAbort:
          return req.committed ? ErrorCode.INVALID_TXN_STATE : ErrorCode.NONE
        default:
          return ErrorCode.INVALID_TXN_STATE
      }
    })
  }

  /** Produce's check: may this transactional batch go to this partition? */
  isPartitionInTransaction (producerId: number, producerEpoch: number, topic: string, partition: number): boolean {
    return this.transactionalProduceError(producerId, producerEpoch, topic, partition) === ErrorCode.NONE
  }

  /**
   * Produce's check with Kafka's answers: NONE when the batch belongs to an ongoing transaction
   * that added this partition; INVALID_PRODUCER_EPOCH for a fenced (older-epoch) producer, as
   * Kafka's log answers a zombie; INVALID_TXN_STATE otherwise (partition not added, no transaction).
   */
  transactionalProduceError (producerId: number, producerEpoch: number, topic: string, partition: number): number {
    const meta = this.#txns.get(this.#byProducerId.get(producerId) ?? '')
    if (meta === undefined || meta.producerId !== producerId) return ErrorCode.INVALID_TXN_STATE
    if (producerEpoch < meta.producerEpoch) return ErrorCode.INVALID_PRODUCER_EPOCH
    if (producerEpoch > meta.producerEpoch || meta.state !== TxnState.Ongoing || !meta.partitions.has(partitionKey(topic, partition))) {
      return ErrorCode.INVALID_TXN_STATE
    }
    return ErrorCode.NONE
  }

  /** For the console and admin tooling. */
  describe (transactionalId: string): { producerId: number; producerEpoch: number; state: string; timeoutMs: number; partitions: Array<{ topic: string; partition: number }>; groups: string[] } | null {
    const meta = this.#txns.get(transactionalId)
    if (!meta) return null
    return {
      producerId: meta.producerId,
      producerEpoch: meta.producerEpoch,
      state: meta.state,
      timeoutMs: meta.timeoutMs,
      partitions: [...meta.partitions].map(splitPartitionKey),
      groups: [...meta.groups],
    }
  }

  close (): void {
    this.#closed = true
    this.#timeoutTimer?.cancel()
    this.#timeoutTimer = null
  }

  // ---- internals -------------------------------------------------------------------------

  #checkProducer (meta: TransactionMetadata | undefined, ref: ProducerRef): number {
    if (!meta || meta.producerId !== ref.producerId) return ErrorCode.INVALID_PRODUCER_ID_MAPPING
    if (meta.producerEpoch !== ref.producerEpoch) return ErrorCode.PRODUCER_FENCED
    if (meta.state === TxnState.PrepareCommit || meta.state === TxnState.PrepareAbort) return ErrorCode.CONCURRENT_TRANSACTIONS
    return ErrorCode.NONE
  }

  #begin (meta: TransactionMetadata): void {
    if (meta.state === TxnState.Ongoing) return
    meta.state = TxnState.Ongoing
    meta.partitions.clear()
    meta.groups.clear()
    meta.startedAt = this.#clock.now()
  }

  async #bumpEpoch (meta: TransactionMetadata): Promise<void> {
    if (meta.producerEpoch >= MAX_PRODUCER_EPOCH) {
      this.#byProducerId.delete(meta.producerId)
      meta.producerId = await this.#host.allocateProducerId()
      this.#byProducerId.set(meta.producerId, meta.transactionalId)
      meta.lastProducerEpoch = -1
      meta.producerEpoch = 0
      return
    }
    meta.lastProducerEpoch = meta.producerEpoch
    meta.producerEpoch++
  }

  /** Aborts the Ongoing transaction; with `fence`, first bumps the epoch so the old producer is shut out. */
  async #abort (meta: TransactionMetadata, fence: boolean): Promise<void> {
    if (fence && meta.producerEpoch < MAX_PRODUCER_EPOCH) {
      meta.lastProducerEpoch = meta.producerEpoch
      meta.producerEpoch++
    }
    meta.state = TxnState.PrepareAbort
    await this.#save(meta)
    await this.#complete(meta, false)
  }

  /** Writes the markers and settles the offsets of a Prepare* transaction, then marks it Complete*. */
  async #complete (meta: TransactionMetadata, commit: boolean): Promise<void> {
    const marker = { producerId: meta.producerId, producerEpoch: meta.producerEpoch, commit, coordinatorEpoch: COORDINATOR_EPOCH }
    await Promise.all([...meta.partitions].map(async (key) => {
      const { topic, partition } = splitPartitionKey(key)
      const log = this.#host.partitionLog(topic, partition)
      if (!log) return // the topic was deleted meanwhile: nothing left to mark
      const result = await log.appendControl(marker, { durable: true, now: this.#clock.now() })
      if (result.errorCode !== ErrorCode.NONE) {
        throw new Error(`writing ${commit ? 'commit' : 'abort'} marker to ${topic}-${partition} failed with error ${result.errorCode}`)
      }
    }))
    for (const groupId of meta.groups) await this.#groups.completeTxnOffsets(groupId, meta.producerId, commit)
    meta.state = commit ? TxnState.CompleteCommit : TxnState.CompleteAbort
    meta.partitions.clear()
    meta.groups.clear()
    await this.#save(meta)
  }

  #locked<T> (transactionalId: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(transactionalId) ?? Promise.resolve()
    const run = previous.then(fn, fn)
    const tail = run.catch(() => {})
    this.#locks.set(transactionalId, tail)
    void tail.then(() => { if (this.#locks.get(transactionalId) === tail) this.#locks.delete(transactionalId) })
    return run
  }
}

function encode (meta: TransactionMetadata): CoordinatorRecord {
  return {
    t: 'txn',
    id: meta.transactionalId,
    pid: meta.producerId,
    epoch: meta.producerEpoch,
    lastEpoch: meta.lastProducerEpoch,
    timeoutMs: meta.timeoutMs,
    state: meta.state,
    partitions: [...meta.partitions].map((key) => { const { topic, partition } = splitPartitionKey(key); return [topic, partition] }),
    groups: [...meta.groups],
    startedAt: meta.startedAt,
  }
}
