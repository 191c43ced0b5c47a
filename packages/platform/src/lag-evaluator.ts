// Consumer-lag status evaluated the way LinkedIn's Burrow does it: no lag threshold,
// only the trend of committed offsets against end offsets over a sliding window of
// observations per partition. Rules, in Burrow's order (our reading of its evaluator):
//   1. current lag zero or unknown (< 0, no end offset yet)                 → OK
//   2. the consumer has stopped committing — checked before anything else, as it
//      is a problem even if the lag was zero earlier in the window: with commit
//      timestamps (three or more commits in the window), the time since the newest
//      commit exceeds the span of the window; in any case, no RUNNING task  → STOP
//   3. lag zero anywhere in the window                                      → OK
//   4. committed offset went backwards inside the window                    → REWIND
//   5. committed offset never moved across a full window                    → STALL
//   6. offsets move but lag never decreases across a full window            → WARN
//   7. otherwise                                                            → OK
// The group (pipeline) status is the worst partition: STOP > STALL > ERR (rewind) > WARN > OK.
export const LagStatus = { OK: 'OK', WARN: 'WARN', STALL: 'STALL', STOP: 'STOP', ERR: 'ERR' } as const
export type LagStatus = typeof LagStatus[keyof typeof LagStatus]
export type PartitionLagStatus = 'OK' | 'WARN' | 'STALL' | 'STOP' | 'REWIND'

export interface OffsetObservation {
  /** Committed offset of the group for the partition. */
  offset: number
  /** logEndOffset - committed offset at observation time; < 0 when unknown. */
  lag: number
  /** When the observation was taken (ms). */
  observedAt: number
  /** When the consumer committed this offset, when the lag source knows it (ms). */
  committedAt?: number
}

export interface PartitionEvaluationInput {
  window: readonly OffsetObservation[]
  now: number
  /** Is a consumer (a RUNNING sink task) attached? */
  consumerActive: boolean
  /** Size of a full window; STALL needs a full window of evidence. */
  windowSize: number
}

export function evaluatePartition ({ window, now, consumerActive, windowSize }: PartitionEvaluationInput): PartitionLagStatus {
  if (window.length === 0) return 'OK'
  const last = window[window.length - 1]
  const first = window[0]
  if (last.lag <= 0) return 'OK'

  // Three commits at least: with two, one late periodic commit would already read as STOP.
  const stamped = window.length > 2 && window.every(o => o.committedAt !== undefined)
  if (stamped) {
    const newest = last.committedAt as number
    if (now - newest > newest - (first.committedAt as number)) return 'STOP'
  }
  // No RUNNING task means nobody commits, whatever the timestamps can tell yet.
  if (!consumerActive) return 'STOP'

  if (window.some(o => o.lag <= 0)) return 'OK'
  for (let i = 1; i < window.length; i++) if (window[i].offset < window[i - 1].offset) return 'REWIND'
  if (window.length < 2) return 'OK'
  const moved = last.offset !== first.offset
  if (!moved) return window.length >= windowSize ? 'STALL' : 'OK'

  let lagNeverDecreases = true
  for (let i = 1; i < window.length; i++) if (window[i].lag < window[i - 1].lag) lagNeverDecreases = false
  if (lagNeverDecreases && window.length >= windowSize) return 'WARN'
  return 'OK'
}

const RANK: Record<LagStatus, number> = { OK: 0, WARN: 1, ERR: 2, STALL: 3, STOP: 4 }

export function groupStatus (partitions: readonly PartitionLagStatus[]): LagStatus {
  let worst: LagStatus = LagStatus.OK
  for (const p of partitions) {
    const s: LagStatus = p === 'REWIND' ? LagStatus.ERR : p
    if (RANK[s] > RANK[worst]) worst = s
  }
  return worst
}
