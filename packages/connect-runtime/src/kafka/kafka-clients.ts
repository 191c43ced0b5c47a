// The worker's Kafka clients (@platformatic/kafka), all bytes in and out: converters own the
// encoding. One shared admin serves the offsets API, topic creation and the DLQ; each task gets
// its own producer or consumer, as in Kafka Connect.
import { Admin, Consumer, Producer, ProduceAcks } from '@platformatic/kafka'

export interface KafkaClientsOptions {
  bootstrapServers: string[]
  /** Worker-level `producer.*` / `consumer.*` / `admin.*` settings (prefix stripped). */
  producer?: Record<string, string>
  consumer?: Record<string, string>
}

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

  /** Source task producer: acks=all, topics auto-created by the broker when absent (Kafka's default). */
  producer (clientId: string, overrides: Record<string, string> = {}): ByteProducer {
    const o = { ...this.#opts.producer, ...overrides }
    return new Producer({
      clientId,
      bootstrapBrokers: this.#opts.bootstrapServers,
      acks: o.acks === '1' ? ProduceAcks.LEADER : o.acks === '0' ? ProduceAcks.NO_RESPONSE : ProduceAcks.ALL,
      autocreateTopics: true,
      retries: 10,
      retryDelay: 200,
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
      retries: 10,
      retryDelay: 200,
    })
  }

  async clusterId (): Promise<string | null> {
    try {
      const md = await this.admin().metadata({ topics: [] })
      return md.id
    } catch {
      return null
    }
  }

  async close (): Promise<void> {
    const a = this.#admin
    this.#admin = undefined
    if (a !== undefined) await a.close().catch(() => {})
  }
}
