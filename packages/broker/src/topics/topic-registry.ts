// The broker's topics: names, ids, partition logs and config overrides, persisted in the
// data dir (metadata-file.ts) so they survive restarts. Every mutation runs through one
// queue so the persisted snapshot is written in the order changes were made.

import { randomBytes } from 'node:crypto'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from 'pino'
import { ErrorCode } from '@tributary/protocol'
import { BrokerError } from '../broker-error.ts'
import type { BrokerConfig } from '../config/broker-config-schema.ts'
import { toLogConfig, TopicConfigError, validateTopicConfig } from '../config/topic-config.ts'
import type { LogConfig, OpenLogOptions, PartitionLog } from '../log/types.ts'
import { readMetadataFile, writeMetadataFile } from './metadata-file.ts'
import type { StoredMetadata } from './metadata-file.ts'
import { collisionKey, isInternalTopic, topicNameProblem } from './topic-name.ts'

export type OpenPartitionLog = (options: OpenLogOptions) => Promise<PartitionLog>

export interface Topic {
  readonly name: string
  /** 32 lower-case hex digits (the wire UUID). */
  readonly id: string
  readonly internal: boolean
  /** Index = partition number. Grows with CreatePartitions. */
  readonly partitions: PartitionLog[]
  /** Only the overrides; defaults come from the broker config. */
  readonly configs: Readonly<Record<string, string>>
  readonly logConfig: LogConfig
}

export interface CreateTopicOptions {
  /** -1 or undefined = num.partitions. */
  partitions?: number
  /** -1 or undefined = default.replication.factor; anything but 1 is refused on one node. */
  replicationFactor?: number
  configs?: Record<string, string | null>
  validateOnly?: boolean
}

export interface TopicRegistryOptions {
  dataDir: string
  config: BrokerConfig
  logger: Logger
  openLog: OpenPartitionLog
}

interface MutableTopic extends Topic {
  configs: Record<string, string>
  logConfig: LogConfig
}

export class TopicRegistry {
  readonly clusterId: string
  #options: TopicRegistryOptions
  #topics = new Map<string, MutableTopic>()
  #byId = new Map<string, MutableTopic>()
  #creating = new Map<string, Promise<Topic>>()
  #queue: Promise<unknown> = Promise.resolve()
  #closed = false

  private constructor (options: TopicRegistryOptions, clusterId: string) {
    this.#options = options
    this.clusterId = clusterId
  }

  /** Loads the persisted topics and opens (recovers) their partition logs. */
  static async open (options: TopicRegistryOptions): Promise<TopicRegistry> {
    await mkdir(options.dataDir, { recursive: true })
    const stored = await readMetadataFile(options.dataDir)
    const registry = new TopicRegistry(options, stored?.clusterId ?? newClusterId())
    for (const t of stored?.topics ?? []) {
      const configs = { ...t.configs }
      const logConfig = toLogConfig(configs, options.config)
      const partitions = await Promise.all(Array.from({ length: t.partitions }, (_, p) => registry.#openLog(t.name, p, logConfig)))
      registry.#add({ name: t.name, id: t.id, internal: isInternalTopic(t.name), partitions, configs, logConfig })
    }
    if (stored === null) await registry.#persist()
    options.logger.info({ topics: registry.#topics.size }, 'topic registry loaded')
    return registry
  }

  get (name: string): Topic | undefined { return this.#topics.get(name) }
  getById (id: string): Topic | undefined { return this.#byId.get(id) }
  getPartition (topic: string, partition: number): PartitionLog | undefined { return this.#topics.get(topic)?.partitions[partition] }
  list (): Topic[] { return [...this.#topics.values()] }

  /** Validates and (unless validateOnly) creates a topic. Throws BrokerError with Kafka's codes. */
  async create (name: string, options: CreateTopicOptions = {}): Promise<Topic> {
    const c = this.#options.config
    const problem = topicNameProblem(name)
    if (problem !== undefined) throw new BrokerError(ErrorCode.INVALID_TOPIC_EXCEPTION, problem)
    // Groups and transactions live in the coordinator's own store, not in these topics.
    if (isInternalTopic(name)) throw new BrokerError(ErrorCode.INVALID_TOPIC_EXCEPTION, `Topic name ${name} is reserved for Kafka's internal use.`)
    const partitions = options.partitions === undefined || options.partitions === -1 ? c['num.partitions'] : options.partitions
    if (!Number.isInteger(partitions) || partitions < 1) throw new BrokerError(ErrorCode.INVALID_PARTITIONS, 'Number of partitions was set to an invalid non-positive value.')
    const rf = options.replicationFactor === undefined || options.replicationFactor === -1 ? c['default.replication.factor'] : options.replicationFactor
    if (rf !== 1) {
      throw new BrokerError(ErrorCode.INVALID_REPLICATION_FACTOR, rf < 1
        ? 'Replication factor must be larger than 0, or -1 to use the default value.'
        : `Unable to replicate the partition ${rf} time(s): The target replication factor of ${rf} cannot be reached because only 1 broker(s) are registered.`)
    }
    const configs: Record<string, string> = {}
    for (const [key, value] of Object.entries(options.configs ?? {})) {
      if (value === null) continue
      configs[key] = checkedTopicConfig(key, value)
    }
    const logConfig = toLogConfig(configs, c)
    return this.#mutate(async () => {
      this.#assertCreatable(name)
      if (options.validateOnly === true) return { name, id: '0'.repeat(32), internal: isInternalTopic(name), partitions: [], configs, logConfig }
      const id = randomBytes(16).toString('hex')
      const logs = await Promise.all(Array.from({ length: partitions }, (_, p) => this.#openLog(name, p, logConfig, true)))
      const topic = this.#add({ name, id, internal: isInternalTopic(name), partitions: logs, configs, logConfig })
      await this.#persist()
      this.#options.logger.info({ topic: name, partitions, configs }, 'topic created')
      return topic
    })
  }

  /** Auto-creation (Metadata, Produce): concurrent callers for one name share one creation. */
  async autoCreate (name: string): Promise<Topic> {
    const existing = this.#topics.get(name)
    if (existing !== undefined) return existing
    let pending = this.#creating.get(name)
    if (pending === undefined) {
      pending = this.create(name).catch((err: unknown) => {
        // Lost a race with an explicit create: the topic exists, which is all we wanted.
        const t = this.#topics.get(name)
        if (t !== undefined) return t
        throw err
      }).finally(() => this.#creating.delete(name))
      this.#creating.set(name, pending)
    }
    return pending
  }

  async delete (name: string): Promise<Topic> {
    return this.#mutate(async () => {
      const topic = this.#topics.get(name)
      if (topic === undefined) throw new BrokerError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'This server does not host this topic-partition.')
      // Unregister first so no new request reaches a log being destroyed.
      this.#topics.delete(name)
      this.#byId.delete(topic.id)
      await this.#persist()
      // The topic is gone for clients now; files that fail to go are removed when the name is reused.
      const removed = await Promise.allSettled(topic.partitions.map((log) => log.destroy()))
      for (const r of removed) {
        if (r.status === 'rejected') this.#options.logger.error({ err: r.reason, topic: name }, 'removing partition files failed')
      }
      this.#options.logger.info({ topic: name }, 'topic deleted')
      return topic
    })
  }

  /** Grows a topic to `count` partitions (CreatePartitions). */
  async createPartitions (name: string, count: number, options: { validateOnly?: boolean } = {}): Promise<void> {
    return this.#mutate(async () => {
      const topic = this.#topics.get(name)
      if (topic === undefined) throw new BrokerError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'This server does not host this topic-partition.')
      const current = topic.partitions.length
      if (!Number.isInteger(count) || count < current) throw new BrokerError(ErrorCode.INVALID_PARTITIONS, `Topic currently has ${current} partitions, which is higher than the requested ${count}.`)
      if (count === current) throw new BrokerError(ErrorCode.INVALID_PARTITIONS, `Topic already has ${current} partition(s).`)
      if (options.validateOnly === true) return
      const logs = await Promise.all(Array.from({ length: count - current }, (_, i) => this.#openLog(name, current + i, topic.logConfig, true)))
      topic.partitions.push(...logs)
      await this.#persist()
      this.#options.logger.info({ topic: name, partitions: count }, 'partitions added')
    })
  }

  /**
   * Replaces a topic's overrides (AlterConfigs semantics; IncrementalAlterConfigs computes the
   * full map first), persists them and applies them live to every partition log.
   */
  async setConfigs (name: string, overrides: Record<string, string>, options: { validateOnly?: boolean } = {}): Promise<void> {
    const configs: Record<string, string> = {}
    for (const [key, value] of Object.entries(overrides)) configs[key] = checkedTopicConfig(key, value)
    const logConfig = toLogConfig(configs, this.#options.config)
    return this.#mutate(async () => {
      const topic = this.#topics.get(name)
      if (topic === undefined) throw new BrokerError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'This server does not host this topic-partition.')
      if (options.validateOnly === true) return
      topic.configs = configs
      topic.logConfig = logConfig
      for (const log of topic.partitions) log.updateConfig(logConfig)
      await this.#persist()
      this.#options.logger.info({ topic: name, configs }, 'topic configs changed')
    })
  }

  /** Retention and compaction for every partition; one failing log does not stop the others. */
  async runMaintenance (now = Date.now()): Promise<void> {
    for (const topic of this.list()) {
      for (const log of topic.partitions) {
        try {
          await log.runMaintenance(now)
        } catch (err) {
          this.#options.logger.error({ err, topic: topic.name, partition: log.partition }, 'log maintenance failed')
        }
      }
    }
  }

  async flush (): Promise<void> {
    await Promise.all(this.list().flatMap((t) => t.partitions.map((log) => log.flush())))
  }

  async close (): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#queue.catch(() => {})
    await Promise.all(this.list().flatMap((t) => t.partitions.map((log) => log.close())))
  }

  #assertCreatable (name: string): void {
    if (this.#topics.has(name)) throw new BrokerError(ErrorCode.TOPIC_ALREADY_EXISTS, `Topic '${name}' already exists.`)
    const key = collisionKey(name)
    for (const other of this.#topics.keys()) {
      if (collisionKey(other) === key) throw new BrokerError(ErrorCode.INVALID_TOPIC_EXCEPTION, `Topic '${name}' collides with existing topic: ${other}`)
    }
  }

  #add (topic: MutableTopic): MutableTopic {
    this.#topics.set(topic.name, topic)
    this.#byId.set(topic.id, topic)
    return topic
  }

  /**
   * Opens a partition's log. `fresh` (a partition that did not exist before): any directory
   * already there is a leftover (a crash between unregistering a topic and removing its files)
   * and is removed first, so a re-created topic never resurrects old records.
   */
  async #openLog (topic: string, partition: number, config: LogConfig, fresh = false): Promise<PartitionLog> {
    const dir = join(this.#options.dataDir, `${topic}-${partition}`)
    if (fresh) await rm(dir, { recursive: true, force: true })
    return this.#options.openLog({ dir, topic, partition, config })
  }

  #persist (): Promise<void> {
    const snapshot: StoredMetadata = {
      clusterId: this.clusterId,
      topics: this.list().map((t) => ({ name: t.name, id: t.id, partitions: t.partitions.length, configs: t.configs })),
    }
    return writeMetadataFile(this.#options.dataDir, snapshot)
  }

  #mutate<T> (fn: () => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new BrokerError(ErrorCode.UNKNOWN_SERVER_ERROR, 'broker is shutting down'))
    const run = this.#queue.then(fn, fn)
    this.#queue = run.catch(() => {})
    return run
  }
}

function checkedTopicConfig (key: string, value: string): string {
  try {
    return validateTopicConfig(key, value)
  } catch (err) {
    if (err instanceof TopicConfigError) throw new BrokerError(ErrorCode.INVALID_CONFIG, err.message)
    throw err
  }
}

/** Kafka cluster ids are 16 random bytes in URL-safe base64 without padding (22 chars). */
function newClusterId (): string {
  return randomBytes(16).toString('base64url')
}
