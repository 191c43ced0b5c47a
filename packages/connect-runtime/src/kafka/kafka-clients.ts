// The worker's Kafka clients (@platformatic/kafka), all bytes in and out: converters own the
// encoding. One shared admin serves the offsets API, topic creation and the DLQ; each task gets
// its own producer or consumer, as in Kafka Connect.
import { Admin, Consumer, FetchIsolationLevels, Producer, ProduceAcks } from '@platformatic/kafka'

export interface KafkaClientsOptions {
  bootstrapServers: string[]
  /** Worker-level `producer.*` / `consumer.*` / `admin.*` settings (prefix stripped). */
  producer?: Record<string, string>
  consumer?: Record<string, string>
}

/**
 * Task clients retry a few times (≈ 10 s, backing off to 2 s); past that the task itself keeps
 * retrying retriable failures (isRetriableKafkaError) until Kafka is back or the task stops, as
 * Kafka Connect's clients do with delivery.timeout.ms = MAX. Bounded client retries keep a stop
 * during an outage from leaving retry timers behind.
 */
const TASK_RETRIES = { retries: 8, retryDelay: (_c: unknown, _op: string, attempt: number) => Math.min(100 * 2 ** attempt, 2000) } as const

export type ByteProducer = Producer<Buffer, Buffer, Buffer, Buffer>
export type ByteConsumer = Consumer<Buffer, Buffer, Buffer, Buffer>

export class KafkaClients {
  readonly #opts: KafkaClientsOptions
  #admin: Admin | undefined

  constructor (opts: KafkaClientsOptions) {
    this.#opts = opts
  }

  get bootstrapServers (): string[] { return this.#opts.bootstrapServers }

  admin (): Admin {
    this.#admin ??= new Admin({ clientId: 'connect-admin', bootstrapBrokers: this.#opts.bootstrapServers, retries: 3, retryDelay: 250 })
    return this.#admin
  }

  /**
   * Source task producer: acks=all and idempotent, as the Java producer Kafka Connect uses
   * (enable.idempotence defaults to true with acks=all); topics auto-created by the broker when
   * absent. Idempotence matters beyond Java parity: the client retries a whole Produce request when
   * one partition of it fails (a topic just created on Apache Kafka answers NOT_LEADER_OR_FOLLOWER
   * for a moment), and only the sequence numbers keep the partitions that were written from getting
   * the records twice.
   */
  producer (clientId: string, overrides: Record<string, string> = {}): ByteProducer {
    const o = { ...this.#opts.producer, ...overrides }
    const acks = o.acks === '1' ? ProduceAcks.LEADER : o.acks === '0' ? ProduceAcks.NO_RESPONSE : ProduceAcks.ALL
    return new Producer({
      clientId,
      bootstrapBrokers: this.#opts.bootstrapServers,
      acks,
      idempotent: acks === ProduceAcks.ALL && o['enable.idempotence'] !== 'false',
      autocreateTopics: true,
      ...TASK_RETRIES,
    })
  }

  /** Sink task consumer: group connect-<name>, manual commits, earliest when nothing is committed. */
  consumer (clientId: string, groupId: string, overrides: Record<string, string> = {}): ByteConsumer {
    const o = { ...this.#opts.consumer, ...overrides }
    return new Consumer({
      clientId,
      groupId: o['group.id'] ?? groupId,
      bootstrapBrokers: this.#opts.bootstrapServers,
      autocommit: false,
      // As the Java consumer's allow.auto.create.topics=true: subscribing to a missing topic asks the broker to create it.
      autocreateTopics: true,
      sessionTimeout: Number(o['session.timeout.ms'] ?? 45000),
      heartbeatInterval: Number(o['heartbeat.interval.ms'] ?? 3000),
      maxWaitTime: Number(o['fetch.max.wait.ms'] ?? 500),
      // Java's fetch sizes (fetch.max.bytes 50 MiB, max.partition.fetch.bytes 1 MiB): the client's own
      // per-partition default is 50 MiB, which lets one fetch of a backlog hold 50k records in memory.
      minBytes: Number(o['fetch.min.bytes'] ?? 1),
      maxBytes: Number(o['fetch.max.bytes'] ?? 52428800),
      maxBytesPerPartition: Number(o['max.partition.fetch.bytes'] ?? 1048576),
      // The Java consumer's default, which Kafka Connect's sink tasks keep (the client's own default is read_committed).
      isolationLevel: o['isolation.level'] === 'read_committed' ? FetchIsolationLevels.READ_COMMITTED : FetchIsolationLevels.READ_UNCOMMITTED,
      ...TASK_RETRIES,
    })
  }

  /** The cluster id, or null when Kafka does not answer within timeoutMs (startup must not hang on it). */
  async clusterId (timeoutMs = 10000): Promise<string | null> {
    let timer: NodeJS.Timeout | undefined
    try {
      return await Promise.race([
        this.admin().metadata({ topics: [] }).then((md) => md.id),
        new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), timeoutMs) }),
      ])
    } catch {
      return null
    } finally {
      clearTimeout(timer)
    }
  }

  async close (): Promise<void> {
    const a = this.#admin
    this.#admin = undefined
    if (a !== undefined) await a.close().catch(() => {})
  }
}
