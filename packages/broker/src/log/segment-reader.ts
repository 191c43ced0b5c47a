// Fetch from one segment: whole batches starting with the one that contains `offset`, with
// positional reads. The sparse index gives a position at or before the batch; headers are
// skipped from there (at most index.interval.bytes of them) and the rest is sliced from the
// same read whenever it covers maxBytes.

import { BatchField, LOG_OVERHEAD } from '@tributary/protocol'
import type { ReadBufferLease } from './read-buffer-pool.ts'
import type { Segment } from './segment.ts'

const MIN_READ = 64 * 1024
const HEADER_PREFIX = BatchField.lastOffsetDelta + 4

export interface SegmentRead {
  batches: Buffer[]
  /** Nothing more to read past this segment for this request (bound or budget reached). */
  stop: boolean
}

export async function readSegmentBatches (segment: Segment, offset: number, maxBytes: number, upper: number, indexIntervalBytes: number, lease?: ReadBufferLease): Promise<SegmentRead> {
  const alloc = lease === undefined ? undefined : (length: number): Buffer => lease.alloc(length)
  const end = segment.size
  let pos = offset <= segment.baseOffset ? 0 : segment.index.positionForOffset(offset - segment.baseOffset)
  const readAhead = Math.max(MIN_READ, maxBytes + indexIntervalBytes)
  let chunk: Buffer = Buffer.alloc(0)
  let chunkPos = pos
  /** Makes [from, from + len) available in `chunk`; false when the file is shorter (tail still being written). */
  const ensure = async (from: number, len: number): Promise<boolean> => {
    if (from >= chunkPos && from + len <= chunkPos + chunk.length) return true
    chunk = await segment.read(from, Math.min(end - from, Math.max(len, readAhead)), alloc)
    chunkPos = from
    return chunk.length >= len
  }

  // Skip the batches that end before `offset`.
  while (true) {
    if (pos + HEADER_PREFIX > end || !(await ensure(pos, HEADER_PREFIX))) return { batches: [], stop: false }
    const at = pos - chunkPos
    const base = Number(chunk.readBigInt64BE(at))
    if (base >= upper) return { batches: [], stop: true }
    if (base + chunk.readInt32BE(at + BatchField.lastOffsetDelta) >= offset) break
    pos += chunk.readInt32BE(at + BatchField.batchLength) + LOG_OVERHEAD
  }

  const batches: Buffer[] = []
  let total = 0
  let stop = false
  while (pos + HEADER_PREFIX <= end && (await ensure(pos, HEADER_PREFIX))) {
    const at = pos - chunkPos
    if (Number(chunk.readBigInt64BE(at)) >= upper) { stop = true; break }
    const size = chunk.readInt32BE(at + BatchField.batchLength) + LOG_OVERHEAD
    // Kafka's rule: the first batch is returned whole even when larger than maxBytes.
    if (total > 0 && total + size > maxBytes) { stop = true; break }
    if (!(await ensure(pos, size))) break
    batches.push(chunk.subarray(pos - chunkPos, pos - chunkPos + size))
    total += size
    pos += size
    if (total >= maxBytes) { stop = true; break }
  }
  return { batches, stop }
}
