// Which of the oldest segments retention deletes (notes §7.3): a prefix of segments whose largest
// timestamp is older than retention.ms, then more from the front while the log stays at least
// retention.bytes without them. The active segment counts too; the caller rolls before deleting it.

import type { LogConfig } from './types.ts'
import type { Segment } from './segment.ts'

export function retentionDeletableCount (segments: readonly Segment[], config: LogConfig, now: number): number {
  let count = 0
  if (config.retentionMs >= 0) {
    while (count < segments.length && !segments[count].isEmpty && segments[count].largestTimestamp >= 0 &&
      now - segments[count].largestTimestamp > config.retentionMs) count++
  }
  if (config.retentionBytes >= 0) {
    let total = 0
    for (const s of segments) total += s.size
    let excess = total - config.retentionBytes
    for (let i = 0; i < count; i++) excess -= segments[i].size
    while (count < segments.length && !segments[count].isEmpty && excess - segments[count].size >= 0) {
      excess -= segments[count].size
      count++
    }
  }
  return count
}
