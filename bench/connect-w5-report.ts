// W5's table and ratios: every run, the median per worker, and Tributary ÷ Kafka Connect against
// the goals (≥ 2× records/s, ≤ 1/5 peak RSS). Plain text for the terminal, Markdown for results/.
import type { RunResult } from './connect-w5-run.ts'
import type { WorkerKind } from './connect-worker-launchers.ts'

export interface W5Summary {
  worker: WorkerKind
  runs: number
  failed: number
  recordsPerSec?: number
  steadyRecordsPerSec?: number
  coldStartMs?: number
  restReadyMs?: number
  totalMs?: number
  peakRssBytes?: number
  cpuMs?: number
}

export interface W5Ratios { recordsPerSec?: number, steadyRecordsPerSec?: number, peakRss?: number, coldStart?: number, cpuPerRecord?: number }

function median (values: Array<number | undefined>): number | undefined {
  const sorted = values.filter((v): v is number => v !== undefined).sort((a, b) => a - b)
  if (sorted.length === 0) return undefined
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export function summarize (results: RunResult[], workers: readonly WorkerKind[]): W5Summary[] {
  return workers.map((worker) => {
    const mine = results.filter((r) => r.worker === worker)
    const ok = mine.filter((r) => r.ok)
    return {
      worker,
      runs: mine.length,
      failed: mine.length - ok.length,
      recordsPerSec: median(ok.map((r) => r.recordsPerSec)),
      steadyRecordsPerSec: median(ok.map((r) => r.steadyRecordsPerSec)),
      coldStartMs: median(ok.map((r) => r.coldStartMs)),
      restReadyMs: median(ok.map((r) => r.restReadyMs)),
      totalMs: median(ok.map((r) => r.totalMs)),
      peakRssBytes: median(ok.map((r) => r.peakRssBytes)),
      cpuMs: median(ok.map((r) => r.cpuMs)),
    }
  })
}

function ratio (a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined || b === 0 ? undefined : a / b
}

export function ratios (summaries: W5Summary[]): W5Ratios | undefined {
  const ours = summaries.find((s) => s.worker === 'tributary')
  const theirs = summaries.find((s) => s.worker === 'kafka-connect')
  if (ours === undefined || theirs === undefined) return undefined
  return {
    recordsPerSec: ratio(ours.recordsPerSec, theirs.recordsPerSec),
    steadyRecordsPerSec: ratio(ours.steadyRecordsPerSec, theirs.steadyRecordsPerSec),
    peakRss: ratio(ours.peakRssBytes, theirs.peakRssBytes),
    coldStart: ratio(ours.coldStartMs, theirs.coldStartMs),
    cpuPerRecord: ratio(ours.cpuMs, theirs.cpuMs),
  }
}

const num = (v: number | undefined, digits = 0): string => v === undefined ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const secs = (ms: number | undefined): string => ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`
const mib = (bytes: number | undefined): string => bytes === undefined ? '—' : `${(bytes / 1024 / 1024).toFixed(0)} MiB`
const times = (v: number | undefined): string => v === undefined ? '—' : `${v.toFixed(2)}×`

function markdownTable (header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map((_h, i) => i === 0 ? '---' : '---:').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')
}

export function runsTable (results: RunResult[]): string {
  return markdownTable(
    ['run', 'records/s (spawn→last)', 'records/s (first→last)', 'cold start (first record)', 'REST ready', 'total', 'peak RSS (VmHWM)', 'peak RSS (sampled)', 'CPU', 'run-queue wait', 'sink verified'],
    results.map((r) => [r.label, num(r.recordsPerSec), num(r.steadyRecordsPerSec), secs(r.coldStartMs), secs(r.restReadyMs), secs(r.totalMs),
      mib(r.peakRssBytes), mib(r.sampledPeakRssBytes), secs(r.cpuMs), secs(r.runQueueWaitMs), r.ok ? 'yes' : `FAILED: ${r.error ?? ''}`]),
  )
}

export function summaryTable (summaries: W5Summary[]): string {
  return markdownTable(
    ['worker (median)', 'records/s (spawn→last)', 'records/s (first→last)', 'cold start', 'REST ready', 'total', 'peak RSS', 'CPU', 'runs ok'],
    summaries.map((s) => [s.worker, num(s.recordsPerSec), num(s.steadyRecordsPerSec), secs(s.coldStartMs), secs(s.restReadyMs), secs(s.totalMs),
      mib(s.peakRssBytes), secs(s.cpuMs), `${s.runs - s.failed}/${s.runs}`]),
  )
}

export function ratiosTable (r: W5Ratios): string {
  const verdict = (v: number | undefined, ok: (v: number) => boolean): string => v === undefined ? '—' : ok(v) ? 'met' : 'NOT met'
  return markdownTable(
    ['Tributary ÷ Kafka Connect', 'ratio', 'goal', ''],
    [
      ['records/s (spawn→last)', times(r.recordsPerSec), '≥ 2×', verdict(r.recordsPerSec, (v) => v >= 2)],
      ['records/s (first→last)', times(r.steadyRecordsPerSec), '', ''],
      ['peak RSS', times(r.peakRss), '≤ 0.20×', verdict(r.peakRss, (v) => v <= 0.2)],
      ['cold start to first record', times(r.coldStart), '', ''],
      ['CPU time for the copy', times(r.cpuPerRecord), '', ''],
    ],
  )
}
