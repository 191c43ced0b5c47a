// A running SourceTask: poll → transforms → converters → producer, with offsets of acknowledged
// records flushed every offset.flush.interval.ms and on shutdown. Up to MAX_IN_FLIGHT poll
// batches are being sent at once; their offsets still commit strictly in poll order.
import { SourceTask, type SourceRecord, type SourcePartition, type RecordMetadata } from '@tributary/connect-api'
import type { MessageToProduce } from '@platformatic/kafka'
import { SKIPPED, type RetryWithToleranceOperator } from '../errors/retry-with-tolerance.ts'
import { Stages } from '../errors/stages.ts'
import type { ByteProducer } from '../kafka/kafka-clients.ts'
import { isRetriableKafkaError } from '../kafka/retriable-error.ts'
import type { ConnectMetrics } from '../metrics/connect-metrics.ts'
import type { ConverterSet } from '../plugins/plugin-factory.ts'
import type { OffsetStore } from '../stores/offset-store.ts'
import { chunkBySize } from '../stream/produce-chunks.ts'
import { sourceToMessage } from '../stream/record-conversion.ts'
import { SubmittedOffsets } from '../stream/submitted-offsets.ts'
import type { TopicCreator } from '../stream/topic-creator.ts'
import type { TransformChain } from '../stream/transform-chain.ts'
import { WorkerTask, type WorkerTaskOptions } from './worker-task.ts'

const MAX_IN_FLIGHT = 4
const EMPTY_POLL_BACKOFF_MS = 50

export interface WorkerSourceTaskOptions extends WorkerTaskOptions {
  sourceTask: SourceTask
  props: Record<string, string>
  producer: ByteProducer
  converters: ConverterSet
  chain: TransformChain
  retry: RetryWithToleranceOperator
  offsetStore: OffsetStore
  offsetFlushIntervalMs: number
  topicCreator: TopicCreator | null
  metrics: ConnectMetrics
  onTopicUsed: (topic: string) => void
}

export class WorkerSourceTask extends WorkerTask {
  readonly #o: WorkerSourceTaskOptions
  readonly #submitted: SubmittedOffsets
  readonly #inFlight = new Set<Promise<void>>()
  readonly #seenTopics = new Set<string>()
  #sendError: unknown = undefined
  #taskStopped = false
  readonly #labels: { connector: string, task: string }
  /**
   * Whether the task overrides commitRecord. When it does not (most connectors, FileStreamSource
   * among them) a batch being sent keeps no reference to its records or messages: they can die
   * young instead of being promoted with the batch until Kafka's ack.
   */
  readonly #commitsRecords: boolean

  constructor (o: WorkerSourceTaskOptions) {
    super(o)
    this.#o = o
    this.#submitted = new SubmittedOffsets(o.connector)
    this.#labels = { connector: o.connector, task: String(o.task) }
    this.#commitsRecords = o.sourceTask.commitRecord !== SourceTask.prototype.commitRecord
  }

  protected get kind (): string { return 'WorkerSourceTask' }

  protected async initializeAndStart (): Promise<void> {
    const { offsetStore, connector, props } = this.#o
    this.#o.sourceTask.initialize({
      configs: () => props,
      offsetStorageReader: {
        offset: async (p: SourcePartition) => offsetStore.get(connector, p),
        offsets: async (ps: readonly SourcePartition[]) => ps.flatMap((partition) => {
          const offset = offsetStore.get(connector, partition)
          return offset === null ? [] : [{ partition, offset }]
        }),
      },
    })
    await this.#o.sourceTask.start(props)
  }

  protected async execute (): Promise<void> {
    const { retry, metrics } = this.#o
    let lastFlush = Date.now()
    while (!this.stopping) {
      if (this.#sendError !== undefined) throw this.#sendError
      if (Date.now() - lastFlush >= this.#o.offsetFlushIntervalMs) {
        await this.#flushOffsets()
        lastFlush = Date.now()
      }
      if (this.paused) {
        await this.sleep(Math.max(10, this.#o.offsetFlushIntervalMs))
        continue
      }
      let polled = retry.execute({ stage: Stages.TASK_POLL, executingClass: this.#taskClass() }, () => this.#o.sourceTask.poll())
      if (polled instanceof Promise) polled = await polled
      if (this.stopping) break
      if (polled === SKIPPED || polled === null || polled.length === 0) {
        await this.sleep(EMPTY_POLL_BACKOFF_MS)
        continue
      }
      metrics.sourceRecordPoll.inc(this.#labels, polled.length)
      await this.#send(polled)
    }
  }

  async #send (records: SourceRecord[]): Promise<void> {
    const { chain, converters, retry, topicCreator } = this.#o
    const messages: Array<MessageToProduce<Buffer, Buffer, Buffer, Buffer>> = []
    const sent: SourceRecord[] = []
    const dropped: SourceRecord[] = []
    for (const record of records) {
      let r: SourceRecord | null | typeof SKIPPED = record
      if (!chain.isEmpty) r = await chain.apply(record, retry, undefined, () => `SourceRecord{topic='${record.topic}'}`)
      if (r === null || r === SKIPPED) { dropped.push(record); continue }
      let msg = sourceToMessage(r, converters, retry)
      if (msg instanceof Promise) msg = await msg
      if (msg === SKIPPED) { dropped.push(record); continue }
      if (topicCreator !== null) await topicCreator.ensure(msg.topic)
      messages.push(msg)
      sent.push(record)
    }
    // Dropped records' offsets are committed too (Kafka commits them as "processed").
    const submission = this.#submitted.submit(records)
    for (const d of dropped) await this.#o.sourceTask.commitRecord(d, null)
    if (messages.length === 0) { submission.ack(); return }
    while (this.#inFlight.size >= MAX_IN_FLIGHT) await Promise.race(this.#inFlight)
    // One send per chunk: a whole poll batch can exceed the broker's per-batch limit (produce-chunks.ts).
    const chunks = chunkBySize(messages)
    const sending = chunks.length === 1 ? this.#sendWithRetry(messages) : Promise.all(chunks.map((chunk) => this.#sendWithRetry(chunk)))
    const count = messages.length
    const topics = new Set<string>()
    for (const m of messages) topics.add(m.topic)
    // Only what the ack needs stays reachable from here (see #commitsRecords).
    const committing = this.#commitsRecords ? { sent, messages } : null
    const p: Promise<void> = sending.then(async () => {
      submission.ack()
      this.#o.metrics.sourceRecordWrite.inc(this.#labels, count)
      for (const topic of topics) if (!this.#seenTopics.has(topic)) { this.#seenTopics.add(topic); this.#o.onTopicUsed(topic) }
      if (committing === null) return
      for (let i = 0; i < committing.sent.length; i++) {
        const m = committing.messages[i]
        const meta: RecordMetadata = { topic: m.topic, partition: m.partition ?? -1, offset: -1, timestamp: m.timestamp === undefined ? null : Number(m.timestamp) }
        const done = this.#o.sourceTask.commitRecord(committing.sent[i], meta)
        if (done instanceof Promise) await done
      }
    }, (err: unknown) => {
      this.#sendError ??= err
      this.wake()
    }).finally(() => { this.#inFlight.delete(p) })
    this.#inFlight.add(p)
  }

  /** Retriable failures (Kafka unavailable) are retried until they clear or the task stops; others fail the task. */
  async #sendWithRetry (messages: Array<MessageToProduce<Buffer, Buffer, Buffer, Buffer>>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.#o.producer.send({ messages })
        return
      } catch (err) {
        if (this.stopping || !isRetriableKafkaError(err)) throw err
        if (attempt === 0) this.log.warn({ err }, `${this.id} Kafka unavailable; retrying the send until it is back`)
        await this.sleep(Math.min(500 * 2 ** attempt, 5000))
      }
    }
  }

  async #flushOffsets (): Promise<void> {
    const entries = this.#submitted.take()
    if (entries.length === 0) return
    const started = process.hrtime.bigint()
    try {
      await this.#o.offsetStore.set(this.connector, entries)
      this.#o.metrics.offsetCommitSuccess.inc(this.#labels)
      this.#o.metrics.offsetCommitSeconds.observe(this.#labels, Number(process.hrtime.bigint() - started) / 1e9)
      await this.#o.sourceTask.commit()
    } catch (err) {
      this.#submitted.restore(entries)
      this.#o.metrics.offsetCommitFailure.inc(this.#labels)
      this.log.error({ err }, `${this.id} Failed to commit offsets`)
    }
  }

  #taskClass (): string {
    const c = this.#o.sourceTask.constructor as { CLASS_NAME?: string, className?: string, name: string }
    return c.CLASS_NAME ?? c.className ?? c.name
  }

  protected async onStopRequested (): Promise<void> {
    // Unblocks a pending poll(); the loop then drains in-flight sends and flushes offsets.
    this.#taskStopped = true
    await this.#o.sourceTask.stop()
  }

  protected async close (): Promise<void> {
    try {
      await Promise.allSettled([...this.#inFlight])
      await this.#flushOffsets()
    } finally {
      if (!this.#taskStopped) {
        this.#taskStopped = true
        await Promise.resolve(this.#o.sourceTask.stop()).catch((err: unknown) => this.log.warn({ err }, `${this.id} stop() failed`))
      }
      await this.#o.chain.close().catch(() => {})
      await this.#o.producer.close().catch(() => {})
    }
  }
}
