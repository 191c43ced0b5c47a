// A sink task. The runtime calls initialize(ctx) → start(props) → open(partitions) on assignment
// → put(records) per batch → preCommit(offsets) (default: flush) periodically, committing what
// it returns → close(partitions) on revocation → stop().
import type { ConfigProps, MaybePromise } from '../maybe-promise.ts'
import type { SinkRecord } from '../record/sink-record.ts'

export interface TopicPartition {
  readonly topic: string
  readonly partition: number
}

/** The next offset to consume for a partition (Kafka's Map<TopicPartition, OffsetAndMetadata>). */
export interface TopicPartitionOffset extends TopicPartition {
  readonly offset: number
  readonly metadata?: string
}

/** KIP-610: send a failed record to the DLQ / error log and carry on. */
export interface ErrantRecordReporter {
  report(record: SinkRecord, error: Error): Promise<void>
}

export interface SinkTaskContext {
  configs(): ConfigProps
  /** Rewind or skip: consume these partitions from the given offsets next. */
  offset(offsets: readonly TopicPartitionOffset[]): void
  /** Retry a failed put after this many ms (used with RetriableError). */
  timeout(ms: number): void
  assignment(): TopicPartition[]
  pause(...partitions: TopicPartition[]): void
  resume(...partitions: TopicPartition[]): void
  /** Ask for preCommit/commit soon, not at the next interval. */
  requestCommit(): void
  /** Present when the connector has a DLQ or errors.log.enable=true. */
  readonly errantRecordReporter: ErrantRecordReporter | null
}

export abstract class SinkTask {
  #context: SinkTaskContext | null = null

  initialize(context: SinkTaskContext): void {
    this.#context = context
  }

  get context(): SinkTaskContext {
    if (this.#context === null) throw new Error('SinkTask context used before initialize()')
    return this.#context
  }

  abstract version(): string
  abstract start(props: ConfigProps): MaybePromise<void>
  abstract put(records: SinkRecord[]): MaybePromise<void>
  abstract stop(): MaybePromise<void>

  /** Make everything put so far durable. */
  flush(_currentOffsets: readonly TopicPartitionOffset[]): MaybePromise<void> {}

  /** Offsets safe to commit; default flushes and returns them all. */
  async preCommit(currentOffsets: readonly TopicPartitionOffset[]): Promise<readonly TopicPartitionOffset[]> {
    await this.flush(currentOffsets)
    return currentOffsets
  }

  open(_partitions: readonly TopicPartition[]): MaybePromise<void> {}
  close(_partitions: readonly TopicPartition[]): MaybePromise<void> {}
}
