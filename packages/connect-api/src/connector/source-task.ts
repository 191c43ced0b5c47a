// A source task. The runtime calls initialize(ctx) → start(props) → poll() in a loop (null or
// [] = nothing now; the runtime backs off briefly) → commitRecord per acked record → commit()
// after offsets are flushed → stop(). stop() may be called while poll() is pending.
import type { ConfigProps, MaybePromise } from '../maybe-promise.ts'
import type { SourceRecord, SourcePartition, SourceOffset } from '../record/source-record.ts'

export interface OffsetStorageReader {
  /** The last committed offset for a source partition, or null. */
  offset(partition: SourcePartition): Promise<SourceOffset | null>
  /** Offsets for several partitions; partitions without one are absent from the result. */
  offsets(partitions: readonly SourcePartition[]): Promise<Array<{ partition: SourcePartition; offset: SourceOffset }>>
}

/** KIP-618: a connector that defines its own transaction boundaries (transaction.boundary=connector). */
export interface TransactionContext {
  /** Commit the transaction after the next batch of records from poll(), or after `record`. */
  commitTransaction(record?: SourceRecord): void
  /** Abort the transaction after the next batch of records from poll(), or after `record`. */
  abortTransaction(record?: SourceRecord): void
}

export interface SourceTaskContext {
  configs(): ConfigProps
  readonly offsetStorageReader: OffsetStorageReader
  /** Present only with exactly-once support and transaction.boundary=connector. */
  readonly transactionContext?: TransactionContext | null
}

/** Where an acked record landed (Kafka's RecordMetadata), null when a transform dropped it. */
export interface RecordMetadata {
  topic: string
  partition: number
  offset: number
  timestamp: number | null
}

export abstract class SourceTask {
  #context: SourceTaskContext | null = null

  initialize(context: SourceTaskContext): void {
    this.#context = context
  }

  get context(): SourceTaskContext {
    if (this.#context === null) throw new Error('SourceTask context used before initialize()')
    return this.#context
  }

  abstract version(): string
  abstract start(props: ConfigProps): MaybePromise<void>
  abstract poll(): MaybePromise<SourceRecord[] | null>
  abstract stop(): MaybePromise<void>

  /** Offsets up to the last poll() have been flushed. */
  commit(): MaybePromise<void> {}

  /** One record was acknowledged by Kafka (metadata null when dropped by a transform or tolerated). */
  commitRecord(_record: SourceRecord, _metadata: RecordMetadata | null): MaybePromise<void> {}
}
