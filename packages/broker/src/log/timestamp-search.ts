// ListOffsets by timestamp: the first record whose timestamp is >= the target (or, for -3, the
// record with the largest timestamp). The time index narrows the scan; the batch's
// maxTimestamp narrows it further; only the matching batch is decoded.

import { BatchAttribute, readBatchHeader } from '@tributary/protocol'
import type { BatchHeader } from '@tributary/protocol'
import type { Segment } from './segment.ts'
import { iterateBatchRecords } from './record-reader.ts'

interface Bounds { logStartOffset: number; highWatermark: number }
type Found = { offset: number; timestamp: number } | null

const MAX_TIMESTAMP = -3

export async function findOffsetForTimestamp (segments: readonly Segment[], timestamp: number, bounds: Bounds): Promise<Found> {
  if (timestamp === MAX_TIMESTAMP) return findMaxTimestamp(segments, bounds)
  if (timestamp < 0) return null
  for (const segment of segments) {
    if (segment.largestTimestamp < timestamp || segment.nextOffset <= bounds.logStartOffset) continue
    for await (const { batch } of segment.batches(segment.index.positionForTimestamp(timestamp))) {
      const h = readBatchHeader(batch)
      if (h.baseOffset >= bounds.highWatermark) return null
      if (h.baseOffset + h.lastOffsetDelta < bounds.logStartOffset || h.maxTimestamp < timestamp) continue
      const found = firstRecordAtOrAfter(batch, h, timestamp, bounds.logStartOffset)
      if (found !== null) return found
    }
  }
  return null
}

async function findMaxTimestamp (segments: readonly Segment[], bounds: Bounds): Promise<Found> {
  let best: Segment | null = null
  for (const s of segments) if (!s.isEmpty && (best === null || s.largestTimestamp > best.largestTimestamp)) best = s
  if (best === null || best.largestTimestamp < 0) return null
  for await (const { batch } of best.batches()) {
    const h = readBatchHeader(batch)
    if (h.baseOffset >= bounds.highWatermark) break
    if (h.maxTimestamp === best.largestTimestamp) return firstRecordAtOrAfter(batch, h, h.maxTimestamp, bounds.logStartOffset)
  }
  return null
}

function firstRecordAtOrAfter (batch: Buffer, h: BatchHeader, timestamp: number, minOffset: number): Found {
  const fallback = { offset: Math.max(h.baseOffset, minOffset), timestamp: h.maxTimestamp }
  if ((h.attributes & BatchAttribute.timestampTypeLogAppend) !== 0) return fallback // every record carries maxTimestamp
  try {
    for (const { record } of iterateBatchRecords(batch)) {
      if (record.offset >= minOffset && record.timestamp >= timestamp) return { offset: record.offset, timestamp: record.timestamp }
    }
  } catch {
    return fallback // undecodable records: the batch is the best answer there is
  }
  return null
}
