// A running SinkTask: consumer group connect-<name> → converters → transforms → put, then
// preCommit/commit every offset.flush.interval.ms and on shutdown. At-least-once: an offset is
// committed only after put() returned and preCommit() (flush by default) agreed to it.
import { ConnectError, RetriableError, type SinkRecord, type SinkTask, type TopicPartition, type TopicPartitionOffset } from '@tributary/connect-api'
import type { Message, MessagesStream } from '@platformatic/kafka'
import { SKIPPED, type RetryWithToleranceOperator } from '../errors/retry-with-tolerance.ts'
import { Stages } from '../errors/stages.ts'
import type { ConsumedRecord, ErrorReporter } from '../errors/stages.ts'
import type { ByteConsumer } from '../kafka/kafka-clients.ts'
import { isRetriableKafkaError } from '../kafka/retriable-error.ts'
import type { ConnectMetrics } from '../metrics/connect-metrics.ts'
import type { ConverterSet } from '../plugins/plugin-factory.ts'
import { consumedOf, messageToSinkRecord, type SinkConsumedRecord } from '../stream/record-conversion.ts'
import type { TransformChain } from '../stream/transform-chain.ts'
import { WorkerTask, type WorkerTaskOptions } from './worker-task.ts'

const MAX_BATCH = 2000
type Msg = Message<Buffer, Buffer, Buffer, Buffer>

export interface WorkerSinkTaskOptions extends WorkerTaskOptions {
  sinkTask: SinkTask
  props: Record<string, string>
  consumer: ByteConsumer
  /** Resolves the subscription (topics or topics.regex) at start. */
  topics: () => Promise<string[]>
  converters: ConverterSet
  chain: TransformChain
  retry: RetryWithToleranceOperator
  reporters: ErrorReporter[]
  offsetFlushIntervalMs: number
  metrics: ConnectMetrics
  onTopicUsed: (topic: string) => void
}

export class WorkerSinkTask extends WorkerTask {
  readonly #o: WorkerSinkTaskOptions
  #stream: MessagesStream<Buffer, Buffer, Buffer, Buffer> | undefined
  /**
   * What is kept of each consumed message until delivery: the client's message object (headers
   * map, bound commit function, metadata …) is dropped on arrival, so it dies young instead of
   * being promoted to the old generation with every buffered record.
   */
  #buffer: SinkConsumedRecord[] = []
  #streamError: unknown = undefined
  /** Next offset to consume per partition (what a commit stores), with the leader epoch seen. */
  readonly #current = new Map<string, { topic: string, partition: number, offset: number, leaderEpoch: number }>()
  readonly #committed = new Map<string, number>()
  readonly #seenTopics = new Set<string>()
  #assignment: TopicPartition[] = []
  /** The batch being delivered, by topic/partition/offset: what an errant-record report sends to the DLQ. */
  readonly #inFlight = new Map<string, ConsumedRecord>()
  #commitRequested = false
  #topics: string[] = []
  #reconnect = false
  /** Positions requested through SinkTaskContext.offset(), applied by the loop. */
  readonly #seeks = new Map<string, TopicPartitionOffset>()
  #retryAfterMs = 1000
  readonly #labels: { connector: string, task: string }

  constructor (o: WorkerSinkTaskOptions) {
    super(o)
    this.#o = o
    this.#labels = { connector: o.connector, task: String(o.task) }
  }

  protected get kind (): string { return 'WorkerSinkTask' }

  protected async initializeAndStart (): Promise<void> {
    const { sinkTask, props, reporters } = this.#o
    const errant = reporters.length === 0
      ? null
      : {
          report: async (record: SinkRecord, error: Error) => {
            for (const r of reporters) {
              await r.report({
                stage: Stages.TASK_PUT,
                executingClass: this.#taskClass(),
                error,
                // The raw consumed record when it is from the batch being put (the DLQ gets the original bytes).
                consumed: this.#inFlight.get(`${record.originalTopic}\u0000${record.originalKafkaPartition}\u0000${record.originalKafkaOffset}`) ??
                  { topic: record.originalTopic, partition: record.originalKafkaPartition, offset: record.originalKafkaOffset, timestamp: record.timestamp, key: null, value: null, headers: [] },
              })
            }
          },
        }
    sinkTask.initialize({
      configs: () => props,
      offset: (offsets: readonly TopicPartitionOffset[]) => {
        for (const o of offsets) this.#seeks.set(`${o.topic}\u0000${o.partition}`, o)
        this.wake()
      },
      timeout: (ms: number) => { this.#retryAfterMs = ms },
      assignment: () => [...this.#assignment],
      pause: () => { this.#stream?.pause() },
      resume: () => { this.#stream?.resume() },
      requestCommit: () => { this.#commitRequested = true },
      errantRecordReporter: errant,
    })
    await sinkTask.start(props)
    const topics = await this.#o.topics()
    this.#o.consumer.on('consumer:group:join', (p) => {
      const parts: TopicPartition[] = []
      for (const a of p.assignments ?? []) for (const partition of a.partitions) parts.push({ topic: a.topic, partition })
      this.#assignment = parts
      Promise.resolve(sinkTask.open(parts)).catch((err: unknown) => { this.#streamError ??= err; this.wake() })
    })
    this.#topics = topics
    await this.#connect()
  }

  /** Subscribes and wires the stream; a retriable stream error later triggers a reconnect, not a failure. */
  async #connect (): Promise<void> {
    const stream = await this.#subscribe(this.#topics)
    if (stream === undefined) return
    this.#stream = stream
    stream.on('data', (m: Msg) => {
      this.#buffer.push(consumedOf(m))
      if (this.#buffer.length >= MAX_BATCH) stream.pause()
      if (this.#buffer.length === 1 || this.#buffer.length >= MAX_BATCH) this.wake()
    })
    stream.on('error', (err: unknown) => {
      if (isRetriableKafkaError(err)) this.#reconnect = true
      else this.#streamError ??= err
      this.wake()
    })
  }

  /**
   * A topic that does not exist yet is waited for (the Java consumer keeps polling metadata too),
   * and so is a Kafka that does not answer.
   */
  async #subscribe (topics: string[]): Promise<MessagesStream<Buffer, Buffer, Buffer, Buffer> | undefined> {
    for (;;) {
      try {
        return await this.#o.consumer.consume({ topics, mode: 'committed', fallbackMode: 'earliest', autocommit: false })
      } catch (err) {
        if (this.stopping) return undefined
        const unknownTopic = /unknown topic|UNKNOWN_TOPIC/i.test(`${(err as Error).message} ${JSON.stringify((err as { errors?: unknown }).errors ?? '')}`)
        if (!unknownTopic && !isRetriableKafkaError(err)) throw err
        this.log.info(unknownTopic ? `${this.id} waiting for topics ${topics.join(',')} to exist` : `${this.id} Kafka unavailable; retrying the subscription`)
        await this.sleep(1000)
      }
    }
  }

  /**
   * SinkTaskContext.offset(): the requested positions are committed for the group and the stream is
   * re-subscribed, so consumption resumes there. A request for the current position is a no-op
   * (connectors commonly call offset() from open(), which the re-subscription calls again).
   */
  async #applySeeks (): Promise<void> {
    const seeks = [...this.#seeks.values()]
    this.#seeks.clear()
    const needed = seeks.filter((s) => {
      const k = `${s.topic}\u0000${s.partition}`
      return (this.#current.get(k)?.offset ?? this.#committed.get(k)) !== s.offset
    })
    if (needed.length === 0) return
    await this.#o.consumer.commit({ offsets: needed.map((s) => ({ topic: s.topic, partition: s.partition, offset: BigInt(s.offset), leaderEpoch: -1 })) })
    for (const s of needed) {
      const k = `${s.topic}\u0000${s.partition}`
      this.#committed.set(k, s.offset)
      this.#current.set(k, { topic: s.topic, partition: s.partition, offset: s.offset, leaderEpoch: -1 })
    }
    this.log.info(`${this.id} rewinding ${needed.map((s) => `${s.topic}-${s.partition} to ${s.offset}`).join(', ')}`)
    this.#reconnect = true
  }

  /** After a retriable consumer failure: drop the undelivered buffer (it is redelivered from the committed offsets) and subscribe again. */
  async #reconnectStream (): Promise<void> {
    this.#reconnect = false
    this.log.info(`${this.id} re-subscribing`)
    const old = this.#stream
    this.#stream = undefined
    this.#buffer = []
    await old?.close().catch(() => {})
    await this.sleep(1000)
    if (!this.stopping) await this.#connect()
  }

  protected async execute (): Promise<void> {
    let lastCommit = Date.now()
    while (!this.stopping) {
      if (this.#streamError !== undefined) throw this.#streamError
      if (this.#seeks.size > 0) await this.#applySeeks()
      if (this.#reconnect || this.#stream === undefined) { await this.#reconnectStream(); continue }
      const stream = this.#stream
      if (this.#commitRequested || Date.now() - lastCommit >= this.#o.offsetFlushIntervalMs) {
        this.#commitRequested = false
        await this.#commit()
        lastCommit = Date.now()
      }
      if (this.paused) {
        if (!stream.isPaused()) stream.pause()
        await this.sleep(Math.max(10, this.#o.offsetFlushIntervalMs))
        continue
      }
      if (this.#buffer.length === 0) {
        if (stream.isPaused()) stream.resume()
        await this.sleep(Math.min(500, this.#o.offsetFlushIntervalMs))
        continue
      }
      const batch = this.#buffer
      this.#buffer = []
      if (stream.isPaused()) stream.resume()
      await this.#deliver(batch)
    }
  }

  async #deliver (batch: SinkConsumedRecord[]): Promise<void> {
    const { converters, chain, retry, metrics } = this.#o
    metrics.sinkRecordRead.inc(this.#labels, batch.length)
    const records: SinkRecord[] = []
    const reportable = this.#o.reporters.length > 0
    this.#inFlight.clear()
    for (const m of batch) {
      if (reportable) this.#inFlight.set(`${m.topic}\u0000${m.partition}\u0000${m.offset}`, m)
      let rec = messageToSinkRecord(m, converters, retry)
      if (rec instanceof Promise) rec = await rec
      if (rec !== SKIPPED) {
        const t = chain.isEmpty ? rec : await chain.apply(rec, retry, m)
        if (t !== null && t !== SKIPPED) records.push(t)
      }
      if (!this.#seenTopics.has(m.topic)) { this.#seenTopics.add(m.topic); this.#o.onTopicUsed(m.topic) }
    }
    if (records.length > 0) await this.#put(records)
    // Only after put returned do these offsets become candidates for the next commit: the last
    // record of each run of one partition is enough (one key and entry per run, not per record).
    for (let i = 0; i < batch.length; i++) {
      const m = batch[i]
      const next = batch[i + 1]
      if (next !== undefined && next.partition === m.partition && next.topic === m.topic) continue
      this.#current.set(`${m.topic}\u0000${m.partition}`, { topic: m.topic, partition: m.partition, offset: m.offset + 1, leaderEpoch: m.leaderEpoch })
    }
    metrics.sinkRecordSend.inc(this.#labels, records.length)
  }

  /**
   * put() failing with RetriableError redelivers the same batch after context.timeout(); anything
   * else fails the task, wrapped as Kafka's WorkerSinkTask wraps it (the trace's first line).
   */
  async #put (records: SinkRecord[]): Promise<void> {
    for (;;) {
      try {
        await this.#o.sinkTask.put(records)
        return
      } catch (err) {
        if (this.stopping) throw err
        if (!(err instanceof RetriableError)) throw new ConnectError('Exiting WorkerSinkTask due to unrecoverable exception.', { cause: err })
        this.log.warn({ err }, `${this.id} RetriableException from SinkTask; will retry the batch in ${this.#retryAfterMs} ms`)
        await this.sleep(this.#retryAfterMs)
      }
    }
  }

  async #commit (): Promise<void> {
    if (this.#current.size === 0) return
    const current: TopicPartitionOffset[] = [...this.#current.values()].map(({ topic, partition, offset }) => ({ topic, partition, offset }))
    const started = process.hrtime.bigint()
    try {
      const approved = await this.#o.sinkTask.preCommit(current)
      const offsets = approved
        .filter((o) => this.#committed.get(`${o.topic}\u0000${o.partition}`) !== o.offset)
        .map((o) => ({ topic: o.topic, partition: o.partition, offset: BigInt(o.offset), leaderEpoch: this.#current.get(`${o.topic}\u0000${o.partition}`)?.leaderEpoch ?? -1 }))
      if (offsets.length === 0) return
      await this.#o.consumer.commit({ offsets })
      for (const o of offsets) this.#committed.set(`${o.topic}\u0000${o.partition}`, Number(o.offset))
      this.#o.metrics.offsetCommitSuccess.inc(this.#labels)
      this.#o.metrics.offsetCommitSeconds.observe(this.#labels, Number(process.hrtime.bigint() - started) / 1e9)
    } catch (err) {
      this.#o.metrics.offsetCommitFailure.inc(this.#labels)
      this.log.error({ err }, `${this.id} Offset commit failed`)
    }
  }

  #taskClass (): string {
    const c = this.#o.sinkTask.constructor as { CLASS_NAME?: string, className?: string, name: string }
    return c.CLASS_NAME ?? c.className ?? c.name
  }

  protected async onStopRequested (): Promise<void> {}

  protected async close (): Promise<void> {
    try {
      if (this.#stream !== undefined) await this.#commit()
      if (this.#assignment.length > 0) await this.#o.sinkTask.close(this.#assignment)
    } finally {
      await Promise.resolve(this.#o.sinkTask.stop()).catch((err: unknown) => this.log.warn({ err }, `${this.id} stop() failed`))
      await this.#o.chain.close().catch(() => {})
      if (this.#stream !== undefined) await this.#stream.close().catch(() => {})
      await this.#o.consumer.close(true).catch(() => {})
    }
  }
}
