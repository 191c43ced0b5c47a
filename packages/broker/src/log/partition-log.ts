// A partition's durable log (the PartitionLog contract of types.ts): offset assignment, producer
// checks and segment rolls happen synchronously when append() is called, so offsets follow
// arrival order; the AppendWriter then performs the disk work in that same order.

import { rm } from 'node:fs/promises'
import { BATCH_HEADER_SIZE, ErrorCode, LOG_OVERHEAD, buildControlBatch, readBatchHeader } from '@tributary/protocol'
import type { BatchHeader } from '@tributary/protocol'
import { join } from 'node:path'
import type { AppendResult, IsolationLevel, LogConfig, OpenLogOptions, PartitionLog, ReadResult } from './types.ts'
import { assignInPlace } from './batch-header.ts'
import { validateLogConfig } from './log-config.ts'
import { AppendWriter } from './append-writer.ts'
import { TailCache } from './tail-cache.ts'
import { Segment } from './segment.ts'
import { readSegmentBatches } from './segment-reader.ts'
import type { ProducerState } from './producer-state.ts'
import { CLEAN_SHUTDOWN_FILE, loadPartition, snapshotFileName, writeCheckpoint } from './recovery.ts'
import type { LoadedPartition } from './recovery.ts'
import { fsyncDir, removeFile, writeJsonFile } from './framed-file.ts'
import { findOffsetForTimestamp } from './timestamp-search.ts'
import { retentionDeletableCount } from './retention.ts'
import { compactLog } from './compaction.ts'
import type { ReadBufferLease } from './read-buffer-pool.ts'

const DEFAULT_TAIL_CACHE_BYTES = 8 * 1024 * 1024
const SNAPSHOTS_TO_KEEP = 2
const INT32_MAX = 0x7fffffff
const DEFAULT_PRODUCER_ID_EXPIRATION_MS = 24 * 3600 * 1000

export interface PartitionLogExtras {
  /** What recovery did at open. */
  readonly recoveryReport: LoadedPartition['report']
  /** Writer rounds and fdatasync rounds since open (group commit shows as syncs << appends). */
  writerStats(): { rounds: number; syncs: number }
}

export async function openPartitionLog (options: OpenLogOptions): Promise<PartitionLog & PartitionLogExtras> {
  if (typeof options.dir !== 'string' || options.dir === '') throw new TypeError('openPartitionLog: dir is required')
  if (!Number.isInteger(options.partition) || options.partition < 0) throw new TypeError('openPartitionLog: partition must be an integer >= 0')
  const config = validateLogConfig(options.config)
  const loaded = await loadPartition(options.dir, config)
  return new FilePartitionLog(options, config, loaded)
}

class FilePartitionLog implements PartitionLog, PartitionLogExtras {
  readonly topic: string
  readonly partition: number
  readonly dir: string
  readonly recoveryReport: LoadedPartition['report']
  #config: LogConfig
  #segments: Segment[]
  #producers: ProducerState
  /** Next offset to assign (includes appends still being written). */
  #nextOffset: number
  /** Offsets below this are in the file: the high watermark. */
  #visibleEnd: number
  #logStartOffset: number
  #recoveryPoint: number
  #snapshotOffsets: number[]
  #cache: TailCache
  #writer: AppendWriter
  #listeners = new Set<() => void>()
  #closed = false
  #maintenance: Promise<void> = Promise.resolve()
  /** End offset of the range the last compaction covered, and when its kept tombstones expire. */
  #cleanedUpTo = -1
  #tombstoneDeadline = Infinity

  constructor (options: OpenLogOptions, config: LogConfig, loaded: LoadedPartition) {
    this.topic = options.topic
    this.partition = options.partition
    this.dir = options.dir
    this.recoveryReport = loaded.report
    this.#config = config
    this.#segments = loaded.segments
    this.#producers = loaded.producers
    this.#nextOffset = this.#active.nextOffset
    this.#visibleEnd = this.#nextOffset
    this.#logStartOffset = loaded.logStartOffset
    this.#recoveryPoint = loaded.recoveryPoint
    this.#snapshotOffsets = loaded.snapshotOffsets
    this.#cache = new TailCache(options.tailCacheBytes ?? DEFAULT_TAIL_CACHE_BYTES)
    this.#writer = new AppendWriter({
      onWritten: (lastOffset) => { this.#visibleEnd = lastOffset + 1 },
      onRound: () => this.#notify(),
      durableAcks: () => this.#config.durableAcks,
      flushMessages: () => this.#config.flushMessages,
      flushMs: () => this.#config.flushMs,
    })
  }

  writerStats (): { rounds: number; syncs: number } {
    return this.#writer.stats()
  }

  get #active (): Segment { return this.#segments[this.#segments.length - 1] }

  logStartOffset (): number { return this.#logStartOffset }
  logEndOffset (): number { return this.#visibleEnd }
  lastStableOffset (): number {
    const unstable = this.#producers.firstUnstableOffset()
    return unstable === null ? this.#visibleEnd : Math.min(unstable, this.#visibleEnd)
  }

  size (): number {
    let total = 0
    for (const s of this.#segments) total += s.size
    return total
  }

  async append (input: Buffer, options: { durable: boolean; now?: number; adopt?: boolean }): Promise<AppendResult> {
    const now = options.now ?? Date.now()
    const refused = this.#refuse()
    if (refused !== null) return refused
    if (input.length > this.#config.maxMessageBytes) return this.#error(ErrorCode.MESSAGE_TOO_LARGE, `batch of ${input.length} bytes exceeds max.message.bytes ${this.#config.maxMessageBytes}`)
    if (input.length > this.#config.segmentBytes) return this.#error(ErrorCode.RECORD_LIST_TOO_LARGE, `batch of ${input.length} bytes exceeds segment.bytes ${this.#config.segmentBytes}`)
    // The Produce handler validated the batch (CRC, counts, null keys on compacted topics, …);
    // these few checks only keep a bad caller from breaking
    // the segment framing, which every later read and recovery depends on.
    if (input.length < BATCH_HEADER_SIZE || input.readInt32BE(8) + LOG_OVERHEAD !== input.length || input.readInt8(16) !== 2 || input.readInt32BE(23) < 0) {
      return this.#error(ErrorCode.CORRUPT_MESSAGE, 'not a well-framed RecordBatch v2')
    }
    const h = readBatchHeader(input)
    const check = this.#producers.check(h)
    if (check.kind === 'error') return this.#error(check.errorCode, check.message)
    if (check.kind === 'duplicate') {
      // The original may still be in flight: answer once everything before now is (durably) written.
      const failed = await this.#settle(this.#writer.barrier(options.durable))
      if (failed !== null) return failed
      const logAppendTime = this.#config.messageTimestampType === 'LogAppendTime' ? check.batch.timestamp : -1
      return { errorCode: 0, baseOffset: check.batch.firstOffset, logAppendTime, logStartOffset: this.#logStartOffset }
    }
    const batch = options.adopt === true ? input : copyOf(input)
    const logAppendTime = this.#config.messageTimestampType === 'LogAppendTime' ? now : null
    const baseOffset = this.#place(batch, h, now, logAppendTime)
    this.#producers.apply(h, baseOffset, logAppendTime ?? h.maxTimestamp)
    const failed = await this.#settle(this.#writer.write(this.#active, this.#active.size - batch.length, batch, h.recordsCount, baseOffset + h.lastOffsetDelta, options.durable))
    if (failed !== null) return failed
    return { errorCode: 0, baseOffset, logAppendTime: logAppendTime ?? -1, logStartOffset: this.#logStartOffset }
  }

  async appendControl (marker: { producerId: number; producerEpoch: number; commit: boolean; coordinatorEpoch: number }, options: { durable: boolean; now?: number }): Promise<AppendResult> {
    const now = options.now ?? Date.now()
    const refused = this.#refuse()
    if (refused !== null) return refused
    const check = this.#producers.checkControl(marker.producerId, marker.producerEpoch)
    if (check.kind === 'error') return this.#error(check.errorCode, check.message)
    const batch = buildControlBatch({ ...marker, timestamp: now })
    const h = readBatchHeader(batch)
    const baseOffset = this.#place(batch, h, now, null)
    this.#producers.applyControl(marker.producerId, marker.producerEpoch, marker.commit, baseOffset)
    const failed = await this.#settle(this.#writer.write(this.#active, this.#active.size - batch.length, batch, 1, baseOffset, options.durable))
    if (failed !== null) return failed
    return { errorCode: 0, baseOffset, logAppendTime: -1, logStartOffset: this.#logStartOffset }
  }

  /**
   * Assigns the next offsets to `batch` and accounts for it in the active segment.
   * Invariant: offsets follow arrival order — this runs synchronously inside append(), and the
   * writer performs the disk writes in the order they were queued here.
   */
  #place (batch: Buffer, h: BatchHeader, now: number, logAppendTime: number | null): number {
    this.#maybeRoll(batch.length, h.lastOffsetDelta, now)
    const baseOffset = this.#nextOffset
    assignInPlace(batch, baseOffset, logAppendTime)
    const lastOffset = baseOffset + h.lastOffsetDelta
    this.#active.track(batch.length, baseOffset, lastOffset, logAppendTime ?? h.maxTimestamp, this.#config.indexIntervalBytes, now)
    this.#nextOffset = lastOffset + 1
    this.#cache.add(baseOffset, lastOffset, batch)
    return baseOffset
  }

  #maybeRoll (batchSize: number, lastOffsetDelta: number, now: number): void {
    const active = this.#active
    if (active.isEmpty) return
    const full = active.size + batchSize > this.#config.segmentBytes
    const old = active.rollStartMs !== null && now - active.rollStartMs >= this.#config.segmentMs
    const relativeOverflow = this.#nextOffset + lastOffsetDelta - active.baseOffset > INT32_MAX
    if (full || old || relativeOverflow) this.#roll()
  }

  /** Starts a new active segment at the next offset; the old one is finalised by the writer. */
  #roll (): void {
    const old = this.#active
    const base = this.#nextOffset
    const snapshot = this.#producers.snapshot(base)
    const next = Segment.create(this.dir, base)
    this.#segments.push(next)
    // Invariant: this task precedes every write to `next` in the writer's queue, so no append to
    // the new segment is acknowledged before the old one is fsynced, indexed and checkpointed.
    void this.#writer.task(async () => {
      await old.datasync()
      this.#writer.forget(old)
      await old.persistIndex()
      await next.datasync() // the new file exists (opened); its directory entry is synced below
      await writeJsonFile(join(this.dir, snapshotFileName(base)), snapshot, this.dir)
      await this.#recordSnapshot(base)
      this.#recoveryPoint = base
      await this.#writeCheckpoint()
      await fsyncDir(this.dir)
    }).catch(() => {}) // recorded as the writer's failure; appends report it
  }

  async #recordSnapshot (offset: number): Promise<void> {
    this.#snapshotOffsets.push(offset)
    this.#snapshotOffsets.sort((a, b) => a - b)
    while (this.#snapshotOffsets.length > SNAPSHOTS_TO_KEEP) {
      await removeFile(join(this.dir, snapshotFileName(this.#snapshotOffsets.shift() as number)))
    }
  }

  async #writeCheckpoint (): Promise<void> {
    await writeCheckpoint(this.dir, { logStartOffset: this.#logStartOffset, recoveryPoint: this.#recoveryPoint })
  }

  #refuse (): AppendResult | null {
    if (this.#closed) return this.#error(ErrorCode.KAFKA_STORAGE_ERROR, `log ${this.topic}-${this.partition} is closed`)
    const failure = this.#writer.failure
    if (failure !== null) return this.#error(ErrorCode.KAFKA_STORAGE_ERROR, `log ${this.topic}-${this.partition} failed: ${failure.message}`)
    return null
  }

  async #settle (write: Promise<void>): Promise<AppendResult | null> {
    try {
      await write
      return null
    } catch (err) {
      return this.#error(ErrorCode.KAFKA_STORAGE_ERROR, `write failed: ${(err as Error).message}`)
    }
  }

  #error (errorCode: number, errorMessage: string): AppendResult {
    return { errorCode, errorMessage, baseOffset: -1, logAppendTime: -1, logStartOffset: this.#logStartOffset }
  }

  openTransactions (): Map<number, { producerEpoch: number; firstOffset: number }> {
    return this.#producers.openTransactions()
  }

  async read (fetchOffset: number, maxBytes: number, isolation: IsolationLevel, lease?: ReadBufferLease): Promise<ReadResult> {
    const highWatermark = this.#visibleEnd
    const lastStableOffset = this.lastStableOffset()
    const committed = isolation === 'read_committed'
    const result: ReadResult = {
      errorCode: 0,
      highWatermark,
      lastStableOffset,
      logStartOffset: this.#logStartOffset,
      records: [],
      bytes: 0,
      abortedTransactions: committed ? [] : null,
    }
    // A log closed under a fetch (DeleteTopics, shutdown): clients refresh metadata and move on.
    if (this.#closed) return { ...result, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION }
    if (fetchOffset < this.#logStartOffset || fetchOffset > highWatermark) return { ...result, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE }
    // Invariant: reads stop at the high watermark (completed writes only), read_committed at the LSO.
    const upper = committed ? lastStableOffset : highWatermark
    if (fetchOffset >= upper) return result
    const records = this.#cache.read(fetchOffset, maxBytes, upper) ?? await this.#readSegments(fetchOffset, maxBytes, upper, lease)
    result.records = records
    for (const r of records) result.bytes += r.length
    if (committed && records.length > 0) {
      const last = records[records.length - 1]
      const lastOffset = Number(last.readBigInt64BE(0)) + last.readInt32BE(23)
      result.abortedTransactions = this.#producers.abortedOverlapping(fetchOffset, lastOffset + 1)
    }
    return result
  }

  async #readSegments (offset: number, maxBytes: number, upper: number, lease: ReadBufferLease | undefined): Promise<Buffer[]> {
    let i = this.#segmentIndexFor(offset)
    // A copy: retention/compaction may change the list while this read awaits the disk.
    const segments = this.#segments.slice(i)
    i = 0
    for (; i < segments.length; i++) {
      const segment = segments[i]
      segment.acquire()
      try {
        const { batches, stop } = await readSegmentBatches(segment, offset, maxBytes, upper, this.#config.indexIntervalBytes, lease)
        if (batches.length > 0 || stop) return batches
      } finally {
        segment.release()
      }
    }
    return []
  }

  /** Index of the segment holding `offset` (the last with baseOffset <= offset; 0 below all). */
  #segmentIndexFor (offset: number): number {
    const segments = this.#segments
    let lo = 0
    let hi = segments.length - 1
    let found = 0
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      if (segments[mid].baseOffset <= offset) { found = mid; lo = mid + 1 } else hi = mid - 1
    }
    return found
  }

  async offsetForTimestamp (timestamp: number): Promise<{ offset: number; timestamp: number } | null> {
    if (this.#closed) return null
    if (timestamp === -1) return { offset: this.#visibleEnd, timestamp: -1 }
    if (timestamp === -2) return { offset: this.#logStartOffset, timestamp: -1 }
    const segments = [...this.#segments]
    for (const s of segments) s.acquire()
    try {
      return await findOffsetForTimestamp(segments, timestamp, { logStartOffset: this.#logStartOffset, highWatermark: this.#visibleEnd })
    } finally {
      for (const s of segments) s.release()
    }
  }

  async deleteRecordsBefore (offset: number): Promise<number> {
    const target = offset < 0 ? this.#visibleEnd : Math.min(offset, this.#visibleEnd)
    if (target > this.#logStartOffset) {
      this.#logStartOffset = target
      this.#producers.dropAbortedBefore(target)
      await this.#writer.task(() => this.#writeCheckpoint())
      await this.#deleteSegments(this.#segments.filter((s) => s !== this.#active && s.nextOffset <= target).length)
    }
    return this.#logStartOffset
  }

  /** Deletes the `count` oldest segments, rolling first when that includes the active one. */
  async #deleteSegments (count: number): Promise<void> {
    if (count <= 0) return
    if (count >= this.#segments.length) {
      if (this.#active.isEmpty) count = this.#segments.length - 1
      else this.#roll()
    }
    const doomed = this.#segments.splice(0, count)
    if (doomed.length === 0) return
    this.#logStartOffset = Math.max(this.#logStartOffset, this.#segments[0].baseOffset)
    this.#producers.dropAbortedBefore(this.#logStartOffset)
    await this.#writer.task(async () => {
      await this.#writeCheckpoint()
      for (const segment of doomed) {
        this.#writer.forget(segment)
        await segment.retire(true)
      }
    })
  }

  onAppend (listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => { this.#listeners.delete(listener) }
  }

  #notify (): void {
    for (const listener of this.#listeners) {
      try { listener() } catch { /* a listener's failure is its own; the log carries on */ }
    }
  }

  updateConfig (config: LogConfig): void {
    this.#config = validateLogConfig(config)
  }

  runMaintenance (now: number): Promise<void> {
    // One maintenance pass at a time; a failed pass is reported to its caller and does not block the next.
    const pass = this.#maintenance.catch(() => {}).then(() => this.#maintain(now))
    this.#maintenance = pass
    return pass
  }

  async #maintain (now: number): Promise<void> {
    if (this.#closed || this.#writer.failure !== null) return
    this.#producers.expireBefore(now - (this.#config.producerIdExpirationMs ?? DEFAULT_PRODUCER_ID_EXPIRATION_MS))
    if (this.#config.cleanupPolicy !== 'compact') {
      await this.#deleteSegments(retentionDeletableCount(this.#segments, this.#config, now))
    }
    await this.#deleteSegments(this.#segments.filter((s) => s !== this.#active && s.nextOffset <= this.#logStartOffset).length)
    if (this.#config.cleanupPolicy !== 'delete') await this.#compact(now)
  }

  async #compact (now: number): Promise<void> {
    const lso = this.lastStableOffset()
    // Cleanable: rolled and fsynced (below the recovery point), fully stable, old enough.
    const cleanable: Segment[] = []
    for (const s of this.#segments) {
      if (s === this.#active || s.baseOffset >= this.#recoveryPoint || s.nextOffset > lso) break
      if (s.largestTimestamp > now - this.#config.minCompactionLagMs) break
      cleanable.push(s)
    }
    if (cleanable.length === 0) return
    const end = cleanable[cleanable.length - 1].nextOffset
    // Nothing new became cleanable and no kept tombstone has expired: the last pass still holds.
    if (end <= this.#cleanedUpTo && now < this.#tombstoneDeadline) return
    const { replacements, tombstoneDeadline } = await compactLog(cleanable, {
      now,
      deleteRetentionMs: this.#config.deleteRetentionMs,
      indexIntervalBytes: this.#config.indexIntervalBytes,
      isAborted: (pid, offset) => this.#producers.isAborted(pid, offset),
    })
    this.#cleanedUpTo = end
    this.#tombstoneDeadline = tombstoneDeadline
    if (replacements.size === 0) return
    await this.#writer.task(async () => {
      for (const [old, cleaned] of replacements) {
        const i = this.#segments.indexOf(old)
        if (i < 0) { await cleaned.retire(true); continue }
        await cleaned.swapInto()
        this.#segments[i] = cleaned
        await old.retire(false)
      }
    })
    // Batches of rewritten segments may still sit in the tail cache with their old contents.
    this.#cache.clear()
  }

  async flush (): Promise<void> {
    await this.#writer.sync()
  }

  async close (): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#maintenance.catch(() => {})
    this.#writer.stopTimers()
    if (this.#writer.failure === null) {
      await this.#writer.task(async () => {
        const active = this.#active
        await active.datasync()
        await active.persistIndex()
        const end = this.#nextOffset
        await writeJsonFile(join(this.dir, snapshotFileName(end)), this.#producers.snapshot(end), this.dir)
        if (!this.#snapshotOffsets.includes(end)) await this.#recordSnapshot(end)
        this.#recoveryPoint = active.baseOffset
        await this.#writeCheckpoint()
        // Invariant: the marker is written last, after every byte and index it vouches for is fsynced.
        await writeJsonFile(join(this.dir, CLEAN_SHUTDOWN_FILE), { logEndOffset: end, activeBase: active.baseOffset, activeSize: active.size }, this.dir)
      }).catch(() => {})
    }
    await this.#writer.idle()
    for (const segment of this.#segments) await segment.retire(false)
    this.#cache.clear()
    this.#listeners.clear()
  }

  async destroy (): Promise<void> {
    await this.close()
    await rm(this.dir, { recursive: true, force: true })
  }
}

/**
 * The log keeps the bytes (tail cache, pending write), so a caller's buffer is copied: into
 * fresh uninitialised memory (Buffer.from copies a Buffer element by element, ~4x slower).
 */
function copyOf (input: Buffer): Buffer {
  const batch = Buffer.allocUnsafe(input.length)
  input.copy(batch)
  return batch
}
