// Reads per-connector running totals (records in/out, errors, DLQ writes) from the shared
// prom-client registry the Connect runtime fills. Metric names follow Kafka Connect's
// (source-record-poll-total → *source_record_poll_total); we match by suffix so a prefix such as
// kafka_connect_source_task_ does not matter, and sum over tasks by the `connector` label.
import type { Registry } from 'prom-client'

export interface TaskCounters {
  /** Records entering the pipeline: polled from the source system, or read from Kafka by a sink. */
  recordsIn: number
  /** Records leaving it: written to Kafka by a source, or put to the sink system. */
  recordsOut: number
  errors: number
  dlq: number
}

export interface CounterSource {
  read(): Promise<Map<string, Partial<TaskCounters>>>
}

const RULES: { field: keyof TaskCounters, pattern: RegExp }[] = [
  { field: 'recordsIn', pattern: /(source_record_poll|sink_record_read)_total$/ },
  { field: 'recordsOut', pattern: /(source_record_write|sink_record_send)_total$/ },
  { field: 'errors', pattern: /(connect_errors_total|total_record_errors|record_errors_total|total_record_failures)$/ },
  { field: 'dlq', pattern: /deadletterqueue_produce(_requests)?(_total)?$/ },
]

export function createRegistryCounterSource (registry: Registry): CounterSource {
  return {
    async read () {
      const out = new Map<string, Partial<TaskCounters>>()
      for (const metric of await registry.getMetricsAsJSON()) {
        const rule = RULES.find(r => r.pattern.test(metric.name))
        if (rule === undefined) continue
        for (const v of metric.values as { labels: Record<string, string | number>, value: number }[]) {
          const connector = v.labels.connector
          if (connector === undefined || !Number.isFinite(v.value)) continue
          const entry = out.get(String(connector)) ?? {}
          entry[rule.field] = (entry[rule.field] ?? 0) + v.value
          out.set(String(connector), entry)
        }
      }
      return out
    },
  }
}
