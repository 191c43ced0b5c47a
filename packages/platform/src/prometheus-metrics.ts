// Consumer-lag and pipeline-rate gauges in the one prom-client registry the worker shares,
// computed at scrape time from the monitor's latest samples (no second bookkeeping).
// Lag status is a number so it can be alerted on: 0 OK, 1 WARN, 2 ERR, 3 STALL, 4 STOP.
import { Gauge } from 'prom-client'
import type { Registry } from 'prom-client'
import type { PipelineMonitor } from './pipeline-monitor.ts'
import { sinkGroupId } from './pipeline-monitor.ts'

export const LAG_STATUS_CODE = { OK: 0, WARN: 1, ERR: 2, STALL: 3, STOP: 4 } as const

export function registerPipelineMetrics (registry: Registry, monitor: PipelineMonitor): void {
  const gauge = (name: string, help: string, labelNames: string[], collect: (g: Gauge) => void): void => {
    // A second plugin instance in the same process (tests) takes the gauge over.
    if (registry.getSingleMetric(name) !== undefined) registry.removeSingleMetric(name)
    new Gauge({ name, help, labelNames, registers: [registry], collect () { this.reset(); collect(this) } })
  }

  gauge('tributary_consumer_lag', 'Consumer lag (log end offset - committed offset) of a sink connector\'s group, per partition', ['connector', 'group', 'topic', 'partition'], g => {
    for (const v of monitor.views()) {
      const report = monitor.lagReport(v.name)
      if (report === undefined) continue
      for (const p of report.partitions) g.set({ connector: v.name, group: sinkGroupId(v.name, v.info.config), topic: p.topic, partition: String(p.partition) }, Math.max(0, p.lag))
    }
  })
  gauge('tributary_consumer_group_lag', 'Total consumer lag of a sink connector\'s group', ['connector', 'group'], g => {
    for (const v of monitor.views()) {
      const report = monitor.lagReport(v.name)
      if (report !== undefined && report.partitions.length > 0) g.set({ connector: v.name, group: report.groupId }, report.totalLag)
    }
  })
  gauge('tributary_consumer_lag_status', 'Burrow-style lag status of a sink connector: 0 OK, 1 WARN, 2 ERR, 3 STALL, 4 STOP', ['connector', 'group', 'status'], g => {
    for (const v of monitor.views()) {
      const report = monitor.lagReport(v.name)
      if (report !== undefined) g.set({ connector: v.name, group: report.groupId, status: report.status }, LAG_STATUS_CODE[report.status])
    }
  })
  gauge('tributary_pipeline_records_in_rate', 'Records per second entering a pipeline (sampled by the console backend)', ['connector', 'type'], g => {
    for (const v of monitor.views()) g.set({ connector: v.name, type: v.info.type }, monitor.latest(v.name)?.inRate ?? 0)
  })
  gauge('tributary_pipeline_records_out_rate', 'Records per second leaving a pipeline (sampled by the console backend)', ['connector', 'type'], g => {
    for (const v of monitor.views()) g.set({ connector: v.name, type: v.info.type }, monitor.latest(v.name)?.outRate ?? 0)
  })
}
