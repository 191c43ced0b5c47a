// The contract of one partition's log, as the rest of the broker sees it.
// Implemented under log/ (segments, indexes, recovery, producer state, transaction index,
// retention, compaction). Handlers and coordinators only ever use this interface.

import type { ReadBufferLease } from './read-buffer-pool.ts'

export type CleanupPolicy = 'delete' | 'compact' | 'compact,delete'
export type IsolationLevel = 'read_uncommitted' | 'read_committed'

/** Per-topic settings the log obeys (Kafka topic config names in comments). Live-updatable. */
export interface LogConfig {
  segmentBytes: number // segment.bytes
  segmentMs: number // segment.ms
  retentionMs: number // retention.ms (-1 = forever)
  retentionBytes: number // retention.bytes (-1 = unbounded)
  cleanupPolicy: CleanupPolicy // cleanup.policy
  deleteRetentionMs: number // delete.retention.ms (tombstone lifetime after compaction)
  minCompactionLagMs: number // min.compaction.lag.ms
  maxMessageBytes: number // max.message.bytes
  messageTimestampType: 'CreateTime' | 'LogAppendTime' // message.timestamp.type
  indexIntervalBytes: number // index.interval.bytes
  flushMessages: number // flush.messages (fsync after this many messages; Number.MAX_SAFE_INTEGER = never)
  flushMs: number // flush.ms
  /**
   * Durable mode: an append with `durable: true` resolves only after its bytes are fsynced
   * (group commit: one fsync covers every append waiting at that moment).
   */
  durableAcks: boolean
  /** producer.id.expiration.ms: idle producers' dedup state is dropped after this (default 86400000). */
  producerIdExpirationMs?: number
}

export interface AppendResult {
  /** Kafka error code; 0 = appended (or a recognised duplicate, answered with the original offsets). */
  errorCode: number
  errorMessage?: string
  baseOffset: number
  /** -1 unless the topic uses LogAppendTime. */
  logAppendTime: number
  logStartOffset: number
}

export interface AbortedTransaction { producerId: number; firstOffset: number }

export interface ReadResult {
  errorCode: number // 0, OFFSET_OUT_OF_RANGE (1), or UNKNOWN_TOPIC_OR_PARTITION (3) once the log is closed
  highWatermark: number
  lastStableOffset: number
  logStartOffset: number
  /** Whole RecordBatches, raw bytes as stored (the batch containing fetchOffset comes first). */
  records: Buffer[]
  bytes: number
  /** For read_committed: aborted transactions overlapping the returned range, else null. */
  abortedTransactions: AbortedTransaction[] | null
}

export interface PartitionLog {
  readonly topic: string
  readonly partition: number
  readonly dir: string

  logStartOffset(): number
  /** Next offset to be assigned; also the high watermark on a single node. */
  logEndOffset(): number
  /** First offset of the earliest open transaction, else the log end offset. */
  lastStableOffset(): number
  /** Bytes on disk across segments. */
  size(): number

  /**
   * Appends one client RecordBatch (already structurally validated and CRC-checked by the
   * protocol layer). Applies idempotent/transactional producer checks (duplicate → success with
   * the original offsets; gap → OUT_OF_ORDER_SEQUENCE_NUMBER; old epoch → INVALID_PRODUCER_EPOCH),
   * assigns offsets in place, sets LogAppendTime when configured.
   * Invariant: with `durable: true` and config.durableAcks, resolves only after fsync.
   * The bytes are copied unless `adopt` says the caller hands them over for good: the log then
   * keeps and patches them in place. Adopt only bytes that fill most of their memory (a request
   * frame of batches), or a small batch would pin a large buffer in the tail cache.
   */
  append(batch: Buffer, options: { durable: boolean; now?: number; adopt?: boolean }): Promise<AppendResult>

  /** Writes a transaction marker (control batch) for producerId/epoch and closes its open transaction. */
  appendControl(marker: { producerId: number; producerEpoch: number; commit: boolean; coordinatorEpoch: number }, options: { durable: boolean; now?: number }): Promise<AppendResult>

  /** Producer ids with an open (un-ended) transaction on this partition. */
  openTransactions(): Map<number, { producerEpoch: number; firstOffset: number }>

  /** Disk reads go into `lease`'s buffers when given (the caller releases it once the bytes are sent). */
  read(fetchOffset: number, maxBytes: number, isolation: IsolationLevel, lease?: ReadBufferLease): Promise<ReadResult>

  /** ListOffsets: -1 latest, -2 earliest, -3 max timestamp, else first offset with timestamp >= ts. */
  offsetForTimestamp(timestamp: number): Promise<{ offset: number; timestamp: number } | null>

  /** DeleteRecords: advances the log start offset (never past the high watermark). Returns the new one. */
  deleteRecordsBefore(offset: number): Promise<number>

  /** Calls `listener` after every append; returns an unsubscribe function (for long-poll fetch). */
  onAppend(listener: () => void): () => void

  updateConfig(config: LogConfig): void
  /** Time/size retention and compaction, driven by the broker's scheduler. */
  runMaintenance(now: number): Promise<void>
  flush(): Promise<void>
  close(): Promise<void>
  /** Closes and removes the partition's files (DeleteTopics). */
  destroy(): Promise<void>
}

export interface OpenLogOptions {
  dir: string
  topic: string
  partition: number
  config: LogConfig
  /** Bytes of recent batches kept in memory for consumers that keep up (default 8 MiB; 0 = off). */
  tailCacheBytes?: number
}
