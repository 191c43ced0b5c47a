// The embedded broker: loads config, opens the topic registry, producer ids and the group and
// transaction coordinators, starts the TCP server and the maintenance scheduler.
// `startBroker` is the only way to get one.

import { resolve } from 'node:path'
import pino from 'pino'
import type { Logger } from 'pino'
import type { BrokerConfig, BrokerConfigKey } from './config/broker-config-schema.ts'
import { loadBrokerConfig, parseListener } from './config/broker-config.ts'
import type { GroupCoordinator } from './coordinator/group/group-coordinator.ts'
import { openCoordinators } from './coordinator/open-coordinators.ts'
import type { Coordinators } from './coordinator/open-coordinators.ts'
import type { TransactionCoordinator } from './coordinator/txn/transaction-coordinator.ts'
import type { RawConfigValue } from './config/broker-config.ts'
import { openPartitionLog } from './log/index.ts'
import { ReadBufferPool } from './log/read-buffer-pool.ts'
import { ProducerIdAllocator } from './producer-ids.ts'
import { BrokerServer } from './server/broker-server.ts'
import { MaintenanceScheduler } from './topics/maintenance-scheduler.ts'
import { TopicRegistry } from './topics/topic-registry.ts'
import type { OpenPartitionLog } from './topics/topic-registry.ts'

export interface StartBrokerOptions {
  /** Address to bind; default: the host of `listeners` (127.0.0.1). */
  host?: string
  /** Port to bind; 0 = a random free port; default: the port of `listeners` (9092). */
  port?: number
  /** Data directory; default: log.dirs / log.dir. */
  dataDir?: string
  /** A server.properties file. */
  configFile?: string
  /** Settings by Kafka key; win over the file. */
  config?: Record<string, RawConfigValue>
  logger?: Logger
  /** The partition log implementation (default: log/). */
  openLog?: OpenPartitionLog
}

export class Broker {
  readonly config: BrokerConfig
  /** Keys set explicitly by file or overrides (DescribeConfigs: STATIC_BROKER_CONFIG). */
  readonly explicitConfig: ReadonlySet<BrokerConfigKey>
  readonly topics: TopicRegistry
  readonly producerIds: ProducerIdAllocator
  readonly logger: Logger
  readonly dataDir: string
  readonly nodeId: number
  readonly clusterId: string
  /** Fetch's disk-read buffers, reused once each response is on the socket. */
  readonly readBuffers = new ReadBufferPool()
  /** Consumer groups and committed offsets (coordinator/); set once startBroker opened them. */
  groups: GroupCoordinator | null = null
  /** Transactional ids and their transactions (coordinator/); set once startBroker opened them. */
  transactions: TransactionCoordinator | null = null
  #coordinators: Coordinators | null = null
  #server: BrokerServer | null = null
  #scheduler: MaintenanceScheduler
  #closing: Promise<void> | null = null
  #advertised: { host: string; port: number } | null

  constructor (init: { config: BrokerConfig; explicitConfig: ReadonlySet<BrokerConfigKey>; topics: TopicRegistry; producerIds: ProducerIdAllocator; logger: Logger; dataDir: string }) {
    this.config = init.config
    this.explicitConfig = init.explicitConfig
    this.topics = init.topics
    this.producerIds = init.producerIds
    this.logger = init.logger
    this.dataDir = init.dataDir
    this.nodeId = init.config['node.id']
    this.clusterId = init.topics.clusterId
    const adv = init.config['advertised.listeners']
    this.#advertised = adv === null ? null : parseListener('advertised.listeners', adv)
    this.#scheduler = new MaintenanceScheduler({
      intervalMs: init.config['log.retention.check.interval.ms'],
      run: (now) => this.topics.runMaintenance(now),
      logger: init.logger,
    })
  }

  /** Advertised host (Metadata, FindCoordinator). */
  get host (): string {
    if (this.#advertised !== null && this.#advertised.host !== '') return this.#advertised.host
    const bound = this.#server?.host ?? '127.0.0.1'
    return bound === '0.0.0.0' || bound === '::' || bound === '' ? 'localhost' : bound
  }

  /** Advertised port; the bound port unless advertised.listeners says otherwise. */
  get port (): number {
    if (this.#advertised !== null && this.#advertised.port !== 0) return this.#advertised.port
    return this.#server?.port ?? 0
  }

  /** The port actually bound. */
  get boundPort (): number {
    return this.#server?.port ?? 0
  }

  /**
   * @internal startBroker's coordinator step: replays <dataDir>/__coordinator, then completes or
   * aborts transactions a crash left open (the partition logs are already open).
   */
  async openCoordinators (): Promise<void> {
    const coordinators = await openCoordinators({
      dataDir: this.dataDir,
      overrides: this.config as unknown as Record<string, string | number | undefined>,
      host: {
        partitionLog: (topic, partition) => this.topics.getPartition(topic, partition),
        partitionLogs: () => this.topics.list().flatMap((t) => t.partitions),
        allocateProducerId: () => this.producerIds.allocate(),
      },
      onError: (err) => this.logger.error({ err }, 'transaction coordinator'),
    })
    this.#coordinators = coordinators
    this.groups = coordinators.groups
    this.transactions = coordinators.transactions
    await coordinators.recover()
  }

  /** @internal startBroker's second step. */
  async listen (host: string, port: number): Promise<void> {
    this.#server = new BrokerServer({ broker: this, maxFrameBytes: this.config['socket.request.max.bytes'], idleMs: this.config['connections.max.idle.ms'] })
    await this.#server.listen(host, port)
    this.#scheduler.start()
  }

  /** Stops accepting, closes connections, stops coordinators, flushes and closes every log. */
  close (): Promise<void> {
    this.#closing ??= this.#close()
    return this.#closing
  }

  async #close (): Promise<void> {
    await this.#server?.close()
    await this.#scheduler.stop()
    try {
      await this.#coordinators?.close()
    } catch (err) {
      this.logger.error({ err }, 'coordinator close failed')
    }
    await this.topics.close()
    this.logger.info('broker stopped')
  }
}

export async function startBroker (options: StartBrokerOptions = {}): Promise<Broker> {
  const logger = options.logger ?? pino({ name: 'tributary-broker' })
  const loaded = await loadBrokerConfig({ file: options.configFile, overrides: options.config })
  for (const key of loaded.unknown) logger.warn({ key }, `unknown broker setting ${key} ignored`)
  const config = loaded.config
  const dataDir = resolve(options.dataDir ?? config['log.dirs']?.[0] ?? config['log.dir'])
  const listener = parseListener('listeners', config.listeners)
  const host = options.host ?? (listener.host === '' ? '0.0.0.0' : listener.host)
  const port = options.port ?? listener.port

  const topics = await TopicRegistry.open({ dataDir, config, logger, openLog: options.openLog ?? openPartitionLog })
  let broker: Broker | null = null
  try {
    const producerIds = await ProducerIdAllocator.open(dataDir)
    broker = new Broker({ config, explicitConfig: loaded.explicit, topics, producerIds, logger, dataDir })
    await broker.openCoordinators()
    await broker.listen(host, port)
  } catch (err) {
    if (broker !== null) await broker.close().catch(() => {})
    else await topics.close().catch(() => {})
    throw err
  }
  logger.info({ host, port: broker.boundPort, dataDir, nodeId: broker.nodeId, clusterId: broker.clusterId }, `broker listening on ${host}:${broker.boundPort}`)
  return broker
}
