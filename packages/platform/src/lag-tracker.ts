// Keeps a sliding window of committed-offset observations per group and partition and
// evaluates them with the Burrow rules. Fed by the sampler, read by the API and /metrics.
import { evaluatePartition, groupStatus, LagStatus } from './lag-evaluator.ts'
import type { OffsetObservation, PartitionLagStatus } from './lag-evaluator.ts'

export interface PartitionLag {
  topic: string
  partition: number
  committedOffset: number
  logEndOffset: number
  lag: number
  /** Commit time when the lag source knows it. */
  committedAt?: number
}

export interface PartitionLagReport extends PartitionLag {
  status: PartitionLagStatus
}

export interface GroupLagReport {
  groupId: string
  status: LagStatus
  totalLag: number
  partitions: PartitionLagReport[]
  evaluatedAt: number
  error?: string
}

export class LagTracker {
  #windowSize: number
  #windows = new Map<string, Map<string, OffsetObservation[]>>()
  #reports = new Map<string, GroupLagReport>()

  #minSpacingMs: number

  /** `minSpacingMs`: observations closer than this to the previous one replace it, so forced refreshes cannot fill the window in a burst. */
  constructor (windowSize = 10, minSpacingMs = 0) {
    if (!Number.isInteger(windowSize) || windowSize < 2) throw new RangeError(`windowSize must be an integer >= 2, got ${windowSize}`)
    this.#windowSize = windowSize
    this.#minSpacingMs = minSpacingMs
  }

  observe (groupId: string, partitions: readonly PartitionLag[], now: number, consumerActive: boolean): GroupLagReport {
    const windows = this.#windows.get(groupId) ?? new Map<string, OffsetObservation[]>()
    this.#windows.set(groupId, windows)
    const seen = new Set<string>()
    const reports: PartitionLagReport[] = []
    for (const p of partitions) {
      const key = `${p.topic}\u0000${p.partition}`
      seen.add(key)
      const window = windows.get(key) ?? []
      const last = window.at(-1)
      if (p.committedAt !== undefined && last?.committedAt === p.committedAt) {
        // Same commit seen again: Burrow's window holds one entry per commit, so only refresh its lag.
        last.lag = p.lag
        last.observedAt = now
      } else if (p.committedAt === undefined && last !== undefined && now - last.observedAt < this.#minSpacingMs) {
        Object.assign(last, { offset: p.committedOffset, lag: p.lag })
      } else {
        window.push({ offset: p.committedOffset, lag: p.lag, observedAt: now, ...(p.committedAt !== undefined ? { committedAt: p.committedAt } : {}) })
      }
      if (window.length > this.#windowSize) window.splice(0, window.length - this.#windowSize)
      windows.set(key, window)
      reports.push({ ...p, status: evaluatePartition({ window, now, consumerActive, windowSize: this.#windowSize }) })
    }
    for (const key of windows.keys()) if (!seen.has(key)) windows.delete(key)
    reports.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
    const report: GroupLagReport = {
      groupId,
      status: groupStatus(reports.map(r => r.status)),
      totalLag: reports.reduce((sum, r) => sum + Math.max(0, r.lag), 0),
      partitions: reports,
      evaluatedAt: now,
    }
    this.#reports.set(groupId, report)
    return report
  }

  /** The lag source failed for this group: Burrow has no data, we say ERR with the reason. */
  fail (groupId: string, error: string, now: number): GroupLagReport {
    const previous = this.#reports.get(groupId)
    const report: GroupLagReport = { groupId, status: LagStatus.ERR, totalLag: previous?.totalLag ?? 0, partitions: previous?.partitions ?? [], evaluatedAt: now, error }
    this.#reports.set(groupId, report)
    return report
  }

  report (groupId: string): GroupLagReport | undefined { return this.#reports.get(groupId) }

  forget (groupId: string): void {
    this.#windows.delete(groupId)
    this.#reports.delete(groupId)
  }
}
