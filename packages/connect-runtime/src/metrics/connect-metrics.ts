// Worker metrics (prom-client), named after Kafka Connect's task metrics so the console can chart
// the same things: poll/write/read/send counts (rates are derived by the scraper), offset commits,
// errors by stage, skipped records and dead-letter-queue produce counts.
import { Counter, Gauge, Histogram, Registry } from 'prom-client'

export class ConnectMetrics {
  readonly registry: Registry
  readonly sourceRecordPoll: Counter<'connector' | 'task'>
  readonly sourceRecordWrite: Counter<'connector' | 'task'>
  readonly sinkRecordRead: Counter<'connector' | 'task'>
  readonly sinkRecordSend: Counter<'connector' | 'task'>
  readonly offsetCommitSuccess: Counter<'connector' | 'task'>
  readonly offsetCommitFailure: Counter<'connector' | 'task'>
  readonly offsetCommitSeconds: Histogram<'connector' | 'task'>
  readonly errors: Counter<'connector' | 'task' | 'stage'>
  readonly recordsSkipped: Counter<'connector' | 'task' | 'stage'>
  readonly retries: Counter<'connector' | 'task' | 'stage'>
  readonly dlqProduce: Counter<'connector' | 'task'>
  readonly dlqProduceFailures: Counter<'connector' | 'task'>
  readonly taskStatus: Gauge<'connector' | 'task' | 'state'>

  constructor (registry: Registry = new Registry()) {
    this.registry = registry
    const r = [registry]
    const lt = ['connector', 'task'] as const
    const lts = ['connector', 'task', 'stage'] as const
    this.sourceRecordPoll = new Counter({ name: 'connect_source_record_poll_total', help: 'Records returned by SourceTask.poll (source-record-poll-total)', labelNames: lt, registers: r })
    this.sourceRecordWrite = new Counter({ name: 'connect_source_record_write_total', help: 'Records acknowledged by Kafka after transforms (source-record-write-total)', labelNames: lt, registers: r })
    this.sinkRecordRead = new Counter({ name: 'connect_sink_record_read_total', help: 'Records consumed from Kafka (sink-record-read-total)', labelNames: lt, registers: r })
    this.sinkRecordSend = new Counter({ name: 'connect_sink_record_send_total', help: 'Records handed to SinkTask.put after transforms (sink-record-send-total)', labelNames: lt, registers: r })
    this.offsetCommitSuccess = new Counter({ name: 'connect_offset_commit_success_total', help: 'Successful offset commits (offset-commit-success-percentage numerator)', labelNames: lt, registers: r })
    this.offsetCommitFailure = new Counter({ name: 'connect_offset_commit_failure_total', help: 'Failed offset commits', labelNames: lt, registers: r })
    this.offsetCommitSeconds = new Histogram({ name: 'connect_offset_commit_seconds', help: 'Offset commit duration (offset-commit-avg/max-time-ms)', labelNames: lt, registers: r, buckets: [0.001, 0.005, 0.02, 0.1, 0.5, 2, 10] })
    this.errors = new Counter({ name: 'connect_errors_total', help: 'Failed record operations by stage (total-record-failures)', labelNames: lts, registers: r })
    this.recordsSkipped = new Counter({ name: 'connect_records_skipped_total', help: 'Records skipped under errors.tolerance=all (total-records-skipped)', labelNames: lts, registers: r })
    this.retries = new Counter({ name: 'connect_retries_total', help: 'Retried operations (total-retries)', labelNames: lts, registers: r })
    this.dlqProduce = new Counter({ name: 'connect_deadletterqueue_produce_total', help: 'Records written to the dead letter queue (deadletterqueue-produce-requests)', labelNames: lt, registers: r })
    this.dlqProduceFailures = new Counter({ name: 'connect_deadletterqueue_produce_failures_total', help: 'Failed dead letter queue writes (deadletterqueue-produce-failures)', labelNames: lt, registers: r })
    this.taskStatus = new Gauge({ name: 'connect_task_status', help: '1 for the current state of each task', labelNames: ['connector', 'task', 'state'], registers: r })
  }
}
