// One log segment: a file of raw RecordBatch v2 bytes plus its sparse indexes.
//
// On-disk format (partition directory `<topic>-<partition>/`):
//   <base>.log        RecordBatch v2 bytes back to back, exactly as served to Fetch (never
//                     re-encoded after the in-place offset assignment). <base> is the segment's
//                     first offset, 20 digits, zero padded. Batch boundaries come from batchLength.
//   <base>.index      framed file (framed-file.ts) whose payload is
//                       version int8 (1) | size int64 | nextOffset int64 | largestTimestamp int64 |
//                       rollStartMs int64 | count int32 | count × (relativeOffset int32, position int32)
//                     size is the .log length the index describes: a different .log length means
//                     the index is stale and is rebuilt by scanning the segment.
//   <base>.timeindex  framed file: count int32 | count × (maxTimestampBefore int64, relativeOffset int32)
//                     (same sample points as .index; see segment-index.ts)
// Index files are written only for segments that stop changing (on roll and at clean close),
// temp → fsync → rename, so a present, checksummed, size-matching index is always exact.
// A torn tail of a .log (a batch cut short, or bytes whose header/CRC/offsets do not check out)
// is the truncation point of recovery.

import { writevSync } from 'node:fs'
import { open, rename, stat, truncate as truncateFile } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { BATCH_HEADER_SIZE, BatchField, LOG_OVERHEAD } from '@tributary/protocol'
import { batchCrcValid } from './batch-header.ts'
import { SegmentIndex } from './segment-index.ts'
import { fsyncDir, readFramedFile, removeFile, writeFramedFile } from './framed-file.ts'

const SCAN_CHUNK = 1 << 20
const MAX_IOVECS = 512
const INDEX_VERSION = 1

export const segmentFileName = (baseOffset: number, suffix: string): string =>
  `${String(baseOffset).padStart(20, '0')}${suffix}`

export interface BatchAt { position: number; batch: Buffer }

export class Segment {
  readonly dir: string
  readonly baseOffset: number
  readonly logPath: string
  readonly indexPath: string
  readonly timeIndexPath: string
  /** Bytes appended, counting writes still in flight. */
  size = 0
  /** Last offset appended + 1 (baseOffset while empty). */
  nextOffset: number
  largestTimestamp = -1
  /** Wall time of the first append (segment.ms rolls from it); null while empty. */
  rollStartMs: number | null = null
  index = new SegmentIndex()
  #bytesSinceIndex = 0
  /** Where the data file is now: logPath, or `<base>.log.cleaned` for a compacted copy not yet swapped in. */
  #dataPath: string
  #handle: Promise<FileHandle>
  #readers = 0
  #retired = false

  private constructor (dir: string, baseOffset: number, handle: Promise<FileHandle>, dataPath?: string) {
    this.dir = dir
    this.baseOffset = baseOffset
    this.nextOffset = baseOffset
    this.logPath = join(dir, segmentFileName(baseOffset, '.log'))
    this.indexPath = join(dir, segmentFileName(baseOffset, '.index'))
    this.timeIndexPath = join(dir, segmentFileName(baseOffset, '.timeindex'))
    this.#dataPath = dataPath ?? this.logPath
    this.#handle = handle
    handle.catch(() => {}) // surfaced by the first read or write that awaits it
  }

  /** A new, empty segment file (replacing any leftover of the same name). */
  static create (dir: string, baseOffset: number): Segment {
    return new Segment(dir, baseOffset, open(join(dir, segmentFileName(baseOffset, '.log')), 'w+'))
  }

  /** A compacted copy of segment `baseOffset`, written beside it until swapInto() replaces it. */
  static createCleaned (dir: string, baseOffset: number): Segment {
    const path = join(dir, segmentFileName(baseOffset, '.log.cleaned'))
    return new Segment(dir, baseOffset, open(path, 'w+'), path)
  }

  static async openExisting (dir: string, baseOffset: number): Promise<Segment> {
    const segment = new Segment(dir, baseOffset, open(join(dir, segmentFileName(baseOffset, '.log')), 'r+'))
    await segment.#handle
    segment.size = (await stat(segment.logPath)).size
    return segment
  }

  /** Resolves once the file is open. */
  async ready (): Promise<void> {
    await this.#handle
  }

  get isEmpty (): boolean { return this.size === 0 }

  /** Accounts for a batch about to be written at position `this.size` (sync, at assignment time). */
  track (batchSize: number, baseOffset: number, lastOffset: number, maxTimestamp: number, indexIntervalBytes: number, now: number): void {
    if (this.size > 0 && this.#bytesSinceIndex >= indexIntervalBytes) {
      this.index.add(baseOffset - this.baseOffset, this.size, this.largestTimestamp)
      this.#bytesSinceIndex = 0
    }
    if (this.rollStartMs === null) this.rollStartMs = now
    this.size += batchSize
    this.#bytesSinceIndex += batchSize
    this.nextOffset = lastOffset + 1
    if (maxTimestamp > this.largestTimestamp) this.largestTimestamp = maxTimestamp
  }

  /**
   * Writes into the page cache synchronously, as Kafka's request threads do: a writev of a round's
   * batches is a memcpy of well under a millisecond, while a thread-pool round trip costs two
   * thread wake-ups per round, which on a loaded machine dominate acks=1 latency. (fdatasync, which
   * waits for the disk, stays on the thread pool.)
   */
  async write (buffers: Buffer[], position: number): Promise<void> {
    const handle = await this.#handle
    for (let i = 0; i < buffers.length; i += MAX_IOVECS) {
      let chunk = buffers.slice(i, i + MAX_IOVECS)
      let expected = 0
      for (const b of chunk) expected += b.length
      while (expected > 0) {
        const bytesWritten = writevSync(handle.fd, chunk, position)
        if (bytesWritten === 0) throw new Error(`no progress writing ${this.logPath}`)
        position += bytesWritten
        expected -= bytesWritten
        if (expected > 0) chunk = dropBytes(chunk, bytesWritten)
      }
    }
  }

  async datasync (): Promise<void> {
    await (await this.#handle).datasync()
  }

  /** Positional read of up to `length` bytes (fewer at end of file). */
  /** `alloc` supplies the buffer (Fetch reads into pooled buffers; see read-buffer-pool.ts). */
  async read (position: number, length: number, alloc: (length: number) => Buffer = Buffer.allocUnsafe): Promise<Buffer> {
    const handle = await this.#handle
    const buf = alloc(length)
    let filled = 0
    while (filled < length) {
      const { bytesRead } = await handle.read(buf, filled, length - filled, position + filled)
      if (bytesRead === 0) break
      filled += bytesRead
    }
    return filled === length ? buf : buf.subarray(0, filled)
  }

  /** Structurally framed batches in [from, end), in file order (ends at the first impossible header). */
  async * batches (from = 0, end = this.size): AsyncGenerator<BatchAt> {
    let position = from
    while (position + LOG_OVERHEAD <= end) {
      const chunk = await this.read(position, Math.min(SCAN_CHUNK, end - position))
      let at = 0
      while (at + LOG_OVERHEAD <= chunk.length) {
        const size = chunk.readInt32BE(at + BatchField.batchLength) + LOG_OVERHEAD
        if (size < BATCH_HEADER_SIZE || position + at + size > end) return
        if (at + size > chunk.length) {
          if (at === 0) { // one batch larger than the chunk
            const whole = await this.read(position, size)
            if (whole.length < size) return
            yield { position, batch: whole }
            at = size
          }
          break
        }
        yield { position: position + at, batch: chunk.subarray(at, at + size) }
        at += size
      }
      if (at === 0) return
      position += at
    }
  }

  /**
   * Validates every batch from the start (length, magic, CRC, offsets), rebuilding the index and
   * timestamps, and reports each valid batch. Returns the valid length; the caller truncates.
   * `strict`: offsets must be contiguous (segments never compacted); otherwise only increasing.
   */
  async scan (options: { strict: boolean; indexIntervalBytes: number; onBatch?: (batch: Buffer, position: number) => void }): Promise<number> {
    const fileSize = (await stat(this.#dataPath)).size
    this.size = 0
    this.nextOffset = this.baseOffset
    this.largestTimestamp = -1
    this.rollStartMs = null
    this.index.clear()
    this.#bytesSinceIndex = 0
    for await (const { position, batch } of this.batches(0, fileSize)) {
      if (batch.readInt8(BatchField.magic) !== 2 || !batchCrcValid(batch)) break
      const base = Number(batch.readBigInt64BE(BatchField.baseOffset))
      const lastDelta = batch.readInt32BE(BatchField.lastOffsetDelta)
      if (lastDelta < 0 || (options.strict ? base !== this.nextOffset : base < this.nextOffset)) break
      const maxTimestamp = Number(batch.readBigInt64BE(BatchField.maxTimestamp))
      // After a restart segment.ms counts from the first batch's timestamp (as Kafka does).
      this.track(batch.length, base, base + lastDelta, maxTimestamp, options.indexIntervalBytes, maxTimestamp)
      options.onBatch?.(batch, position)
    }
    if (this.size === 0) this.rollStartMs = null
    return this.size
  }

  async truncateTo (bytes: number): Promise<void> {
    await truncateFile(this.#dataPath, bytes)
    await this.datasync()
  }

  async persistIndex (): Promise<void> {
    const header = Buffer.alloc(33)
    header.writeInt8(INDEX_VERSION, 0)
    header.writeBigInt64BE(BigInt(this.size), 1)
    header.writeBigInt64BE(BigInt(this.nextOffset), 9)
    header.writeBigInt64BE(BigInt(this.largestTimestamp), 17)
    header.writeBigInt64BE(BigInt(this.rollStartMs ?? -1), 25)
    await writeFramedFile(this.timeIndexPath, this.index.encodeTimeIndex(), this.dir)
    await writeFramedFile(this.indexPath, Buffer.concat([header, this.index.encodeOffsetIndex()]), this.dir)
  }

  /** Loads the index files; false when missing, corrupt or describing another .log length. */
  async loadIndex (): Promise<boolean> {
    const offsetPayload = await readFramedFile(this.indexPath)
    const timePayload = await readFramedFile(this.timeIndexPath)
    if (offsetPayload === null || timePayload === null || offsetPayload.length < 37) return false
    if (offsetPayload.readInt8(0) !== INDEX_VERSION || Number(offsetPayload.readBigInt64BE(1)) !== this.size) return false
    const index = SegmentIndex.decode(offsetPayload.subarray(33), timePayload)
    if (index === null) return false
    this.index = index
    this.nextOffset = Number(offsetPayload.readBigInt64BE(9))
    this.largestTimestamp = Number(offsetPayload.readBigInt64BE(17))
    const rollStart = Number(offsetPayload.readBigInt64BE(25))
    this.rollStartMs = rollStart < 0 ? null : rollStart
    return true
  }

  /**
   * Atomically replaces the segment file of the same base with this compacted copy: fsync, drop
   * the old indexes (a crash now leaves the old .log, whose indexes are rebuilt), rename, fsync
   * the directory, then write this copy's indexes.
   */
  async swapInto (): Promise<void> {
    await this.datasync()
    await this.removeIndexFiles()
    await rename(this.#dataPath, this.logPath)
    this.#dataPath = this.logPath
    await fsyncDir(this.dir)
    await this.persistIndex()
  }

  async removeIndexFiles (): Promise<void> {
    await removeFile(this.indexPath)
    await removeFile(this.timeIndexPath)
  }

  /** Pins the file open across an async read (a retired segment closes when the last reader leaves). */
  acquire (): void { this.#readers++ }

  release (): void {
    this.#readers--
    if (this.#retired && this.#readers === 0) void this.#close()
  }

  /** Stops using this segment object: optionally deletes its files now; closes when unpinned. */
  async retire (deleteFiles: boolean): Promise<void> {
    this.#retired = true
    if (deleteFiles) {
      await removeFile(this.#dataPath)
      if (this.#dataPath === this.logPath) await this.removeIndexFiles()
    }
    if (this.#readers === 0) await this.#close()
  }

  async #close (): Promise<void> {
    try { await (await this.#handle).close() } catch { /* already closed or never opened */ }
  }
}

function dropBytes (buffers: Buffer[], count: number): Buffer[] {
  const out: Buffer[] = []
  for (const b of buffers) {
    if (count >= b.length) { count -= b.length; continue }
    out.push(count > 0 ? b.subarray(count) : b)
    count = 0
  }
  return out
}
