// Samples every pipeline every few seconds: status and config (one expanded Connect call),
// active topics (KIP-558), record counters, consumer lag. Keeps the last hour per pipeline in a
// ring buffer, feeds the Burrow-style lag tracker, and notices config changes made around the
// console (plain REST calls) so the change history stays complete.
import { connectPaths } from './connect-client.ts'
import type { ConnectClient } from './connect-client.ts'
import type { ActiveTopics, ConnectorInfo, ConnectorStateInfo, ExpandedConnectors } from './connect-types.ts'
import { configsEqual, diffConfigs } from './config-diff.ts'
import { LagTracker } from './lag-tracker.ts'
import type { GroupLagReport } from './lag-tracker.ts'
import type { LagStatus } from './lag-evaluator.ts'
import type { OffsetSource } from './offset-source.ts'
import type { CounterSource, TaskCounters } from './task-counters.ts'
import { RingBuffer } from './ring-buffer.ts'
import { HistoryAction } from './pipeline-store.ts'
import type { PipelineStore } from './pipeline-store.ts'

export interface PipelineSample {
  t: number
  inRate: number
  outRate: number
  errors: number
  dlq: number
  lag: number | null
  lagStatus: LagStatus | null
  partitions: { topic: string, partition: number, lag: number }[]
}

/** Whole-platform throughput per round: sources' records in, sinks' records out, total sink lag. */
export interface PlatformSample {
  t: number
  inRate: number
  outRate: number
  lag: number
}

export interface PipelineView {
  name: string
  info: ConnectorInfo
  status: ConnectorStateInfo | null
  topics: string[]
}

export interface PipelineMonitorOptions {
  connect: ConnectClient
  store: PipelineStore
  offsets?: OffsetSource
  counters?: CounterSource
  intervalMs?: number
  /** How long the in-memory history reaches back. */
  retentionMs?: number
  lagWindow?: number
  clock?: () => number
  onError?: (err: unknown) => void
}

export function sinkGroupId (name: string, config: Record<string, string>): string {
  return config['consumer.override.group.id'] ?? `connect-${name}`
}

export class PipelineMonitor {
  #o: Required<Omit<PipelineMonitorOptions, 'offsets' | 'counters'>> & Pick<PipelineMonitorOptions, 'offsets' | 'counters'>
  #capacity: number
  #series = new Map<string, RingBuffer<PipelineSample>>()
  #platform: RingBuffer<PlatformSample>
  #views = new Map<string, PipelineView>()
  #previousCounters = new Map<string, { t: number, counters: Partial<TaskCounters>, committed?: number }>()
  #lag: LagTracker
  #seen = new Set<string>()
  #busy = new Map<string, number>()
  #timer: NodeJS.Timeout | undefined
  #started = false
  #running: Promise<void> | undefined
  #lastTick = 0

  constructor (options: PipelineMonitorOptions) {
    if (options?.connect === undefined || options.store === undefined) throw new TypeError('PipelineMonitor needs connect and store')
    this.#o = {
      intervalMs: 5000,
      retentionMs: 3_600_000,
      lagWindow: 10,
      clock: Date.now,
      onError: () => {},
      ...options,
    }
    this.#capacity = Math.max(2, Math.ceil(this.#o.retentionMs / this.#o.intervalMs))
    this.#lag = new LagTracker(this.#o.lagWindow, this.#o.intervalMs / 2)
    this.#platform = new RingBuffer<PlatformSample>(this.#capacity)
  }

  get intervalMs (): number { return this.#o.intervalMs }
  get lastTick (): number { return this.#lastTick }

  start (): void {
    if (this.#started) return
    this.#started = true
    const next = (): void => {
      if (!this.#started) return
      this.#timer = setTimeout(() => { void this.tick().finally(next) }, this.#o.intervalMs)
      this.#timer.unref()
    }
    void this.tick().finally(next)
  }

  async stop (): Promise<void> {
    this.#started = false
    clearTimeout(this.#timer)
    this.#timer = undefined
    await this.#running
  }

  /** Marks a pipeline as being changed through the console, so the sampler does not log it as an outside change. */
  async whileChanging<T> (name: string, op: () => Promise<T>): Promise<T> {
    this.#busy.set(name, (this.#busy.get(name) ?? 0) + 1)
    try { return await op() } finally {
      const n = (this.#busy.get(name) ?? 1) - 1
      if (n === 0) this.#busy.delete(name); else this.#busy.set(name, n)
    }
  }

  views (): PipelineView[] { return [...this.#views.values()] }
  view (name: string): PipelineView | undefined { return this.#views.get(name) }
  series (name: string): PipelineSample[] { return this.#series.get(name)?.toArray() ?? [] }
  platformSeries (): PlatformSample[] { return this.#platform.toArray() }
  latest (name: string): PipelineSample | undefined { return this.#series.get(name)?.last() }
  lagReport (name: string): GroupLagReport | undefined {
    const v = this.#views.get(name)
    return v === undefined || v.info.type !== 'sink' ? undefined : this.#lag.report(sinkGroupId(name, v.info.config))
  }

  /** One sampling round; concurrent callers share the round in flight. */
  tick (): Promise<void> {
    this.#running ??= this.#sample().catch(err => this.#o.onError(err)).finally(() => { this.#running = undefined })
    return this.#running
  }

  async #sample (): Promise<void> {
    const now = this.#o.clock()
    const { body: expanded } = await this.#o.connect.call<ExpandedConnectors>('GET', connectPaths.connectors)
    const names = Object.keys(expanded)
    const topics = await Promise.all(names.map(async n => {
      try {
        const { body } = await this.#o.connect.call<ActiveTopics>('GET', connectPaths.topics(n))
        return body?.[n]?.topics ?? []
      } catch { return [] }
    }))
    const counters = this.#o.counters ? await this.#o.counters.read().catch(() => new Map<string, Partial<TaskCounters>>()) : new Map<string, Partial<TaskCounters>>()

    const views = new Map<string, PipelineView>()
    for (const [i, name] of names.entries()) {
      const info = expanded[name].info
      if (info === undefined) continue
      views.set(name, { name, info, status: expanded[name].status ?? null, topics: [...topics[i]].sort() })
    }
    for (const gone of [...this.#views.keys()].filter(n => !views.has(n))) await this.#forget(gone)
    this.#views = views

    await Promise.all([...views.values()].map(v => this.#samplePipeline(v, counters.get(v.name) ?? {}, now)))
    this.#samplePlatform(now)
    await this.#reconcileHistory(views)
    this.#lastTick = now
  }

  async #samplePipeline (view: PipelineView, counters: Partial<TaskCounters>, now: number): Promise<void> {
    let report: GroupLagReport | undefined
    if (view.info.type === 'sink' && this.#o.offsets) {
      const group = sinkGroupId(view.name, view.info.config)
      const active = view.status?.tasks.some(t => t.state === 'RUNNING') ?? false
      try {
        report = this.#lag.observe(group, await this.#o.offsets.groupLag(group), now, active)
      } catch (err) {
        report = this.#lag.fail(group, `lag of group ${group} unavailable: ${(err as Error).message}`, now)
      }
    }
    const committed = report?.partitions.reduce((s, p) => s + Math.max(0, p.committedOffset), 0)
    const previous = this.#previousCounters.get(view.name)
    // Refreshes forced by the console can land milliseconds apart; such a sample would turn
    // counter jitter into wild rates, so it only refreshes lag and status, not the series.
    if (previous !== undefined && now - previous.t < this.#o.intervalMs / 2) {
      const last = this.#series.get(view.name)?.last()
      if (last !== undefined && report !== undefined) Object.assign(last, { lag: report.totalLag, lagStatus: report.status, partitions: report.partitions.map(p => ({ topic: p.topic, partition: p.partition, lag: p.lag })) })
      return
    }
    const seconds = previous === undefined ? 0 : (now - previous.t) / 1000
    // A counter appears on its first increment, so one missing at the previous sample was 0.
    const rate = (cur: number | undefined, prev: number | undefined): number =>
      seconds > 0 && cur !== undefined ? Math.max(0, (cur - (prev ?? 0)) / seconds) : 0
    // A missing counter borrows its neighbour's rate; a sink without any counters still shows
    // progress as committed-offset movement.
    let inRate = counters.recordsIn !== undefined ? rate(counters.recordsIn, previous?.counters.recordsIn) : undefined
    let outRate = counters.recordsOut !== undefined ? rate(counters.recordsOut, previous?.counters.recordsOut) : undefined
    if (view.info.type === 'sink' && inRate === undefined && outRate === undefined) outRate = previous?.committed === undefined ? 0 : rate(committed, previous.committed)
    inRate ??= outRate ?? 0
    outRate ??= inRate
    this.#previousCounters.set(view.name, { t: now, counters, ...(committed !== undefined ? { committed } : {}) })

    const buffer = this.#series.get(view.name) ?? new RingBuffer<PipelineSample>(this.#capacity)
    this.#series.set(view.name, buffer)
    buffer.push({
      t: now,
      inRate,
      outRate,
      errors: counters.errors ?? 0,
      dlq: counters.dlq ?? 0,
      lag: report && report.partitions.length > 0 ? report.totalLag : null,
      lagStatus: report ? report.status : null,
      partitions: report ? report.partitions.map(p => ({ topic: p.topic, partition: p.partition, lag: p.lag })) : [],
    })
  }

  #samplePlatform (now: number): void {
    const last = this.#platform.last()
    if (last !== undefined && now - last.t < this.#o.intervalMs / 2) return
    let inRate = 0
    let outRate = 0
    let lag = 0
    for (const v of this.#views.values()) {
      const s = this.#series.get(v.name)?.last()
      if (s === undefined) continue
      if (v.info.type === 'source') inRate += s.inRate
      if (v.info.type === 'sink') { outRate += s.outRate; lag += s.lag ?? 0 }
    }
    this.#platform.push({ t: now, inRate, outRate, lag })
  }

  async #reconcileHistory (views: Map<string, PipelineView>): Promise<void> {
    const store = this.#o.store
    for (const v of views.values()) {
      this.#seen.add(v.name)
      if (this.#busy.has(v.name)) continue
      const meta = store.get(v.name)
      if (meta?.config === undefined) {
        await store.upsert(v.name, { config: v.info.config })
        await store.record({ pipeline: v.name, user: null, action: HistoryAction.discovered, diff: diffConfigs({}, v.info.config) })
      } else if (!configsEqual(meta.config, v.info.config)) {
        await store.record({ pipeline: v.name, user: null, action: HistoryAction.changedOutside, diff: diffConfigs(meta.config, v.info.config) })
        await store.upsert(v.name, { config: v.info.config })
      }
    }
  }

  async #forget (name: string): Promise<void> {
    const view = this.#views.get(name)
    this.#series.delete(name)
    this.#previousCounters.delete(name)
    if (view?.info.type === 'sink') this.#lag.forget(sinkGroupId(name, view.info.config))
    if (this.#seen.has(name) && !this.#busy.has(name) && this.#o.store.get(name)?.config !== undefined) {
      // Deleted with a plain REST call: keep the owner record, note the removal once.
      await this.#o.store.record({ pipeline: name, user: null, action: HistoryAction.removedOutside, diff: diffConfigs(this.#o.store.get(name)?.config, {}) })
      await this.#o.store.upsert(name, { config: undefined })
    }
    this.#seen.delete(name)
  }
}
