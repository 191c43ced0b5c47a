// Consumer-lag status evaluated the way LinkedIn's Burrow does it: no lag threshold,
// only the trend of committed offsets against end offsets over a sliding window of
// observations per partition. Rules (our reading of Burrow's documented evaluation):
//   - lag unknown (< 0, no end offset yet) or zero anywhere in the window  → OK
//   - committed offset went backwards inside the window                   → REWIND
//   - the consumer has stopped committing: with commit timestamps (two or more
//     commits in the window), the time since the newest commit exceeds the span
//     of the window; in any case, no running consumer is attached          → STOP
//   - committed offset never moved across a full window, lag stays > 0    → STALL
//   - offsets move but lag never decreases across the window              → WARN
//   - otherwise                                                           → OK
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
  /** Is a consumer (a RUNNING sink task) attached? Used only when commit timestamps are unknown. */
  consumerActive: boolean
  /** Size of a full window; STALL needs a full window of evidence. */
  windowSize: number
}

export function evaluatePartition ({ window, now, consumerActive, windowSize }: PartitionEvaluationInput): PartitionLagStatus {
  if (window.length === 0) return 'OK'
  const last = window[window.length - 1]
  if (window.some(o => o.lag <= 0)) return 'OK'
  for (let i = 1; i < window.length; i++) if (window[i].offset < window[i - 1].offset) return 'REWIND'

  const first = window[0]
  const stamped = window.length > 1 && window.every(o => o.committedAt !== undefined)
  if (stamped) {
    const newest = last.committedAt as number
    if (now - newest > newest - (first.committedAt as number)) return 'STOP'
  }
  // No RUNNING task means nobody commits, whatever the timestamps can tell yet.
  if (!consumerActive) return 'STOP'

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
