// Broker gauges for GET /metrics when the worker runs next to the embedded broker, named after
// Kafka's own log metrics (kafka.log:type=Log,name=Size|LogStartOffset|LogEndOffset) and read
// from the partition logs at scrape time, so nothing is counted twice.
import { Gauge } from 'prom-client'
import type { Registry } from 'prom-client'

/** What the gauges read: the embedded broker's topic registry (structural, no broker dependency). */
export interface BrokerTopicsView {
  topics: {
    list(): Iterable<{
      name: string
      partitions: ReadonlyArray<{ partition: number, size(): number, logStartOffset(): number, logEndOffset(): number }>
    }>
  }
}

const PARTITION_GAUGES = [
  { name: 'kafka_log_log_size', help: 'Bytes on disk of a partition log', read: (p: { size(): number }) => p.size() },
  { name: 'kafka_log_log_logstartoffset', help: 'First offset of a partition log', read: (p: { logStartOffset(): number }) => p.logStartOffset() },
  { name: 'kafka_log_log_logendoffset', help: 'Next offset to be written to a partition log', read: (p: { logEndOffset(): number }) => p.logEndOffset() },
] as const

export function registerBrokerMetrics (registry: Registry, broker: BrokerTopicsView): void {
  for (const spec of PARTITION_GAUGES) {
    // A second plugin instance in the same process (tests) takes the gauge over.
    if (registry.getSingleMetric(spec.name) !== undefined) registry.removeSingleMetric(spec.name)
    new Gauge({
      name: spec.name,
      help: spec.help,
      labelNames: ['topic', 'partition'],
      registers: [registry],
      collect () {
        this.reset()
        for (const topic of broker.topics.list()) {
          for (const p of topic.partitions) this.set({ topic: topic.name, partition: String(p.partition) }, spec.read(p))
        }
      },
    })
  }
  const topicCount = 'kafka_controller_kafkacontroller_globaltopiccount'
  if (registry.getSingleMetric(topicCount) !== undefined) registry.removeSingleMetric(topicCount)
  new Gauge({
    name: topicCount,
    help: 'Number of topics on the embedded broker',
    registers: [registry],
    collect () { this.set([...broker.topics.list()].length) },
  })
}
