// Opening a partition directory: the recovery rules of README.md.
//  1. Leftovers of interrupted writes (*.tmp, *.cleaned) and index files without a .log go.
//  2. The clean-shutdown marker is read and removed (fsync'd) before anything else is written,
//     so a crash after this open can never be mistaken for a clean stop.
//  3. Segments at or after the recovery point (everything not yet rolled and fsynced), and any
//     segment whose index is missing, corrupt or stale, are scanned batch by batch: length,
//     magic, CRC and offset continuity. The first bad batch is the truncation point; later
//     segments are deleted. After a clean shutdown whose marker matches, nothing is scanned.
//  4. Producer state, open and aborted transactions come from the newest usable snapshot plus a
//     replay of the batch headers after it (from the start of the log without a snapshot).

import { mkdir, readdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { LogConfig } from './types.ts'
import { Segment, segmentFileName } from './segment.ts'
import { ProducerState } from './producer-state.ts'
import type { ProducerSnapshot } from './producer-state.ts'
import { fsyncDir, readJsonFile, removeFile, writeJsonFile } from './framed-file.ts'
import { readBatchHeader, readControlMarker } from '@tributary/protocol'
import { isControlBatch } from './batch-header.ts'

export const CLEAN_SHUTDOWN_FILE = '.clean-shutdown'
export const CHECKPOINT_FILE = 'log.checkpoint'

export interface CleanShutdownMarker { logEndOffset: number; activeBase: number; activeSize: number }
export interface LogCheckpoint { logStartOffset: number; recoveryPoint: number }

export interface LoadedPartition {
  segments: Segment[]
  producers: ProducerState
  logStartOffset: number
  recoveryPoint: number
  snapshotOffsets: number[]
  /** What recovery did, for logs and tests. */
  report: { clean: boolean; scannedSegments: number; truncatedBytes: number; deletedSegments: number; rebuiltIndexes: number }
}

export const snapshotFileName = (offset: number): string => segmentFileName(offset, '.snapshot')

export async function writeCheckpoint (dir: string, checkpoint: LogCheckpoint): Promise<void> {
  await writeJsonFile(join(dir, CHECKPOINT_FILE), checkpoint, dir)
}

export async function loadPartition (dir: string, config: LogConfig): Promise<LoadedPartition> {
  await mkdir(dir, { recursive: true })
  const report = { clean: false, scannedSegments: 0, truncatedBytes: 0, deletedSegments: 0, rebuiltIndexes: 0 }
  const names = await readdir(dir)
  const logBases = new Set<number>()
  const snapshotOffsets: number[] = []
  for (const name of names) {
    const m = /^(\d{20})\.(log|index|timeindex|snapshot)$/.exec(name)
    if (name.endsWith('.tmp') || name.endsWith('.cleaned')) await removeFile(join(dir, name))
    else if (m?.[2] === 'log') logBases.add(Number(m[1]))
    else if (m?.[2] === 'snapshot') snapshotOffsets.push(Number(m[1]))
  }
  for (const name of names) {
    const m = /^(\d{20})\.(index|timeindex)$/.exec(name)
    if (m !== null && !logBases.has(Number(m[1]))) await removeFile(join(dir, name))
  }

  const marker = await readJsonFile<CleanShutdownMarker>(join(dir, CLEAN_SHUTDOWN_FILE))
  await removeFile(join(dir, CLEAN_SHUTDOWN_FILE))
  await fsyncDir(dir)
  const savedCheckpoint = await readJsonFile<LogCheckpoint>(join(dir, CHECKPOINT_FILE))
  const checkpoint = savedCheckpoint ?? { logStartOffset: 0, recoveryPoint: 0 }

  const bases = [...logBases].sort((a, b) => a - b)
  if (bases.length === 0) bases.push(Math.max(0, checkpoint.logStartOffset))
  const segments: Segment[] = []
  for (const base of bases) {
    if (logBases.has(base)) {
      segments.push(await Segment.openExisting(dir, base))
    } else {
      const fresh = Segment.create(dir, base)
      await fresh.ready()
      await fsyncDir(dir)
      await fsyncDir(dirname(dir)) // the partition directory itself may be new
      segments.push(fresh)
    }
  }
  const last = segments[segments.length - 1]
  const clean = marker !== null && marker.activeBase === last.baseOffset && marker.activeSize === last.size
  report.clean = clean

  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]
    const isLast = i === segments.length - 1
    const unflushed = segment.baseOffset >= checkpoint.recoveryPoint
    if ((clean || !unflushed) && await segment.loadIndex()) continue
    const fileSize = segment.size
    // Without a checkpoint, any older segment may have been compacted (offset gaps are legal there).
    const valid = await segment.scan({ strict: unflushed && (savedCheckpoint !== null || isLast), indexIntervalBytes: config.indexIntervalBytes })
    report.scannedSegments++
    if (!isLast && valid === fileSize) {
      await segment.persistIndex()
      report.rebuiltIndexes++
      continue
    }
    if (valid < fileSize) {
      // Invariant: the first batch that fails length/CRC/offset checks is the end of the log.
      await segment.truncateTo(valid)
      report.truncatedBytes += fileSize - valid
      for (const later of segments.splice(i + 1)) {
        await later.retire(true)
        report.deletedSegments++
      }
    }
  }
  const active = segments[segments.length - 1]
  const logEndOffset = active.nextOffset
  // A clean marker also vouches for the active segment's index, written at close; it stays in
  // memory while the segment is active and is rewritten at roll, so drop the files now.
  await active.removeIndexFiles()

  // Any snapshot at or below the recovered end is consistent: data below a snapshot's offset was
  // fsynced before it was written, and snapshots above a truncated end are deleted just below.
  const producers = await loadProducerState(dir, segments, snapshotOffsets, logEndOffset)
  for (const offset of snapshotOffsets.filter((o) => o > logEndOffset)) await removeFile(join(dir, snapshotFileName(offset)))
  const keptSnapshots = snapshotOffsets.filter((o) => o <= logEndOffset).sort((a, b) => a - b)

  const logStartOffset = Math.min(Math.max(checkpoint.logStartOffset, segments[0].baseOffset), logEndOffset)
  producers.dropAbortedBefore(logStartOffset)
  const recoveryPoint = Math.min(checkpoint.recoveryPoint, active.baseOffset)
  return { segments, producers, logStartOffset, recoveryPoint, snapshotOffsets: keptSnapshots, report }
}

/** Newest snapshot at or below the log end, then a replay of every batch after it. */
async function loadProducerState (dir: string, segments: Segment[], snapshotOffsets: number[], logEndOffset: number): Promise<ProducerState> {
  let state = new ProducerState()
  let from = -1
  for (const offset of [...snapshotOffsets].sort((a, b) => b - a)) {
    if (offset > logEndOffset) continue
    const snapshot = await readJsonFile<ProducerSnapshot>(join(dir, snapshotFileName(offset)))
    if (snapshot === null || snapshot.offset !== offset) continue
    state = ProducerState.fromSnapshot(snapshot)
    from = offset
    break
  }
  if (from === logEndOffset) return state
  for (const segment of segments) {
    if (segment.nextOffset <= from || segment.isEmpty) continue
    const start = from <= segment.baseOffset ? 0 : segment.index.positionForOffset(from - segment.baseOffset)
    for await (const { batch } of segment.batches(start)) {
      const h = readBatchHeader(batch)
      if (h.baseOffset < from) continue
      if (isControlBatch(h.attributes)) {
        const marker = readControlMarker(batch)
        if (marker !== null) state.applyControl(h.producerId, h.producerEpoch, marker.commit, h.baseOffset)
      } else {
        state.apply(h, h.baseOffset, h.maxTimestamp)
      }
    }
  }
  return state
}
