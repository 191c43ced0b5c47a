// cleanup.policy=compact (notes §7.4): over the cleanable segments (rolled, fsynced, below the
// LSO), keep the latest record per key; offsets never change and order is kept.
//  - pass 1: key → offset of its latest record (control batches and aborted transactional data
//    take no part: they must not shadow committed values);
//  - pass 2: a segment with something to drop is copied to `<base>.log.cleaned` (see
//    cleanSegment) keeping: control batches as they are;
//    batches whose records all survive byte for byte; otherwise a batch rebuilt with the same
//    header fields (baseOffset, lastOffsetDelta, sequence, producer) around the surviving
//    records' original bytes (records hold only deltas, so they stay valid). A batch left with no
//    records is kept empty only when it is its producer's last one (sequence state, as Kafka).
//  - tombstones (null value) survive until their segment's largest timestamp is older than
//    delete.retention.ms (Kafka's pre-KIP-534 rule, measured per segment).
// Rebuilt batches are recompressed with their codec. Segments in which nothing changes are left
// alone. The caller swaps the copies in.

import type { Segment } from './segment.ts'
import { Segment as SegmentFile } from './segment.ts'
import { buildBatch, isControlBatch, isTransactionalBatch } from './batch-header.ts'
import { iterateBatchRecords } from './record-reader.ts'
import type { RecordView } from './record-reader.ts'
import { BatchAttribute, compress, readBatchHeader } from '@tributary/protocol'
import type { BatchHeader } from '@tributary/protocol'

const WRITE_CHUNK = 1 << 20

export interface CompactionOptions {
  now: number
  deleteRetentionMs: number
  indexIntervalBytes: number
  isAborted: (producerId: number, offset: number) => boolean
}

export interface CompactionResult {
  /** Per segment that changed, its compacted copy (written and ready for swapInto()). */
  replacements: Map<Segment, Segment>
  /** Earliest time a kept tombstone becomes removable (Infinity if none kept). */
  tombstoneDeadline: number
}

export async function compactLog (segments: readonly Segment[], options: CompactionOptions): Promise<CompactionResult> {
  const latest = new Map<string, number>()
  const lastBatchOfProducer = new Map<number, number>()
  for (const segment of segments) {
    for await (const { batch } of segment.batches()) {
      const h = readBatchHeader(batch)
      if (h.producerId >= 0 && !isControlBatch(h.attributes)) lastBatchOfProducer.set(h.producerId, h.baseOffset)
      const records = participatingRecords(batch, h, options)
      if (records === null) continue
      for (const { record } of records) if (record.key !== null) latest.set(record.key.toString('latin1'), record.offset)
    }
  }

  const replacements = new Map<Segment, Segment>()
  let tombstoneDeadline = Infinity
  for (const segment of segments) {
    const tombstonesExpire = segment.largestTimestamp < options.now - options.deleteRetentionMs
    const noteKeptTombstone = (): void => {
      tombstoneDeadline = Math.min(tombstoneDeadline, segment.largestTimestamp + options.deleteRetentionMs + 1)
    }
    const decide = (batch: Buffer, h: BatchHeader): Verdict => {
      if (isControlBatch(h.attributes)) return KEEP
      const aborted = isTransactionalBatch(h.attributes) && h.producerId >= 0 && options.isAborted(h.producerId, h.baseOffset)
      let all: RecordView[]
      try {
        all = aborted ? [] : [...iterateBatchRecords(batch)]
      } catch {
        return KEEP // undecodable: keep untouched rather than lose data
      }
      const kept = all.filter(({ record }) => {
        if (record.key === null) return true
        if (latest.get(record.key.toString('latin1')) !== record.offset) return false
        if (record.value !== null) return true
        if (!tombstonesExpire) noteKeptTombstone()
        return !tombstonesExpire
      })
      // (An aborted batch decodes to no records, so only an already-emptied one is kept as is.)
      if (kept.length === all.length && all.length === h.recordsCount) return KEEP
      if (kept.length > 0) return rebuild(h, kept)
      return h.producerId >= 0 && lastBatchOfProducer.get(h.producerId) === h.baseOffset ? rebuild(h, []) : null
    }
    const cleaned = await cleanSegment(segment, decide, options.indexIntervalBytes)
    if (cleaned !== null) replacements.set(segment, cleaned)
  }
  return { replacements, tombstoneDeadline }
}

const KEEP = 'keep'
/** What happens to one batch: kept as is, replaced by rebuilt bytes, or dropped (null). */
type Verdict = typeof KEEP | Buffer | null

/**
 * Copies `segment` to `<base>.log.cleaned` applying `decide` to each batch. The copy is only
 * started at the first batch that changes (the unchanged prefix is copied then), so a segment
 * with nothing to clean costs reads only. Returns null when nothing changed.
 */
async function cleanSegment (segment: Segment, decide: (batch: Buffer, h: BatchHeader) => Verdict, indexIntervalBytes: number): Promise<Segment | null> {
  let cleaned: Segment | null = null
  let pending: Buffer[] = []
  let pendingBytes = 0
  let position = 0
  const flush = async (): Promise<void> => {
    if (cleaned === null || pending.length === 0) return
    await cleaned.write(pending, position)
    position += pendingBytes
    pending = []
    pendingBytes = 0
  }
  const emit = async (batch: Buffer, h: BatchHeader): Promise<void> => {
    (cleaned as Segment).track(batch.length, h.baseOffset, h.baseOffset + h.lastOffsetDelta, h.maxTimestamp, indexIntervalBytes, h.maxTimestamp)
    pending.push(Buffer.from(batch))
    pendingBytes += batch.length
    if (pendingBytes >= WRITE_CHUNK) await flush()
  }
  try {
    for await (const { position: at, batch } of segment.batches()) {
      const h = readBatchHeader(batch)
      const verdict = decide(batch, h)
      if (verdict === KEEP) {
        if (cleaned !== null) await emit(batch, h)
        continue
      }
      if (cleaned === null) {
        cleaned = SegmentFile.createCleaned(segment.dir, segment.baseOffset)
        for await (const prefix of segment.batches(0, at)) await emit(prefix.batch, readBatchHeader(prefix.batch))
      }
      if (verdict !== null) await emit(verdict, h)
    }
    await flush()
    return cleaned
  } catch (err) {
    if (cleaned !== null) await cleaned.retire(true)
    throw err
  }
}

/** Records that may shadow older values: none for control batches and aborted transactions. */
function participatingRecords (batch: Buffer, h: BatchHeader, options: CompactionOptions): RecordView[] | null {
  if (isControlBatch(h.attributes)) return null
  if (isTransactionalBatch(h.attributes) && h.producerId >= 0 && options.isAborted(h.producerId, h.baseOffset)) return null
  try {
    return [...iterateBatchRecords(batch)]
  } catch {
    return null
  }
}

/** Same header fields around a subset of the original records (recompressed when possible). */
function rebuild (h: BatchHeader, kept: RecordView[]): Buffer {
  const stream = Buffer.concat(kept.map((r) => r.bytes))
  const codec = h.attributes & BatchAttribute.compressionMask
  // An empty batch carries no record stream, so it is written uncompressed.
  const compressed = kept.length > 0 && codec !== 0 ? compress(codec, stream) : null
  const attributes = compressed !== null ? h.attributes : h.attributes & ~BatchAttribute.compressionMask
  return buildBatch({
    baseOffset: h.baseOffset,
    attributes,
    lastOffsetDelta: h.lastOffsetDelta,
    baseTimestamp: h.baseTimestamp,
    maxTimestamp: h.maxTimestamp,
    producerId: h.producerId,
    producerEpoch: h.producerEpoch,
    baseSequence: h.baseSequence,
    recordsCount: kept.length,
  }, compressed ?? stream)
}
