// The data plane: runs Connector instances and tasks for the herder and writes their statuses.
// Everything a plugin does is fenced: an exception marks that connector or task FAILED (with a
// trace) and the worker, and every other connector, carries on.
import type { Connector, SinkConnector, SinkTask, SourceConnector, SourceTask } from '@tributary/connect-api'
import type { Logger } from 'pino'
import type { ConfigTransformer } from '../config-providers/config-transformer.ts'
import type { WorkerConfig } from '../config/worker-config.ts'
import { dlqReporter } from '../errors/dlq-reporter.ts'
import { parseErrorHandlingConfig } from '../errors/error-handling-config.ts'
import { logReporter } from '../errors/log-reporter.ts'
import { RetryWithToleranceOperator } from '../errors/retry-with-tolerance.ts'
import { traceOf, type ErrorReporter } from '../errors/stages.ts'
import type { ConnectorType } from '../herder/entities.ts'
import type { KafkaClients } from '../kafka/kafka-clients.ts'
import type { ConnectMetrics } from '../metrics/connect-metrics.ts'
import { createConverters, createTransformChain } from '../plugins/plugin-factory.ts'
import type { PluginRegistry } from '../plugins/plugin-registry.ts'
import type { TargetState } from '../stores/config-store.ts'
import type { OffsetStore } from '../stores/offset-store.ts'
import { TopicCreator } from '../stream/topic-creator.ts'
import type { StatusStore } from './status-store.ts'
import type { TopicTracker } from './topic-tracker.ts'
import { WorkerConnector } from './worker-connector.ts'
import { WorkerSinkTask } from './worker-sink-task.ts'
import { WorkerSourceTask } from './worker-source-task.ts'
import type { TaskStatusListener, WorkerTask } from './worker-task.ts'

export interface WorkerOptions {
  workerId: () => string
  config: WorkerConfig
  registry: PluginRegistry
  offsetStore: OffsetStore
  statuses: StatusStore
  topics: TopicTracker
  metrics: ConnectMetrics
  clients: KafkaClients
  transformer: ConfigTransformer
  log: Logger
  /** A running connector asked for new task configs. */
  onTaskReconfiguration: (connector: string) => void
}

const prefixed = (c: Record<string, string>, p: string): Record<string, string> =>
  Object.fromEntries(Object.entries(c).filter(([k]) => k.startsWith(p)).map(([k, v]) => [k.slice(p.length), v]))

export class Worker {
  readonly #o: WorkerOptions
  readonly #connectors = new Map<string, WorkerConnector>()
  readonly #tasks = new Map<string, WorkerTask>()

  constructor (o: WorkerOptions) {
    this.#o = o
  }

  get workerId (): string { return this.#o.workerId() }

  connectorType (config: Record<string, string>): ConnectorType {
    const cls = config['connector.class']
    const d = cls === undefined ? undefined : this.#o.registry.find('connector', cls)
    return d === undefined ? 'unknown' : d.type === 'source' ? 'source' : 'sink'
  }

  /** A fresh Connector instance for validation and offset alteration (never started). */
  newConnector (cls: string): Connector | undefined {
    return this.#o.registry.find('connector', cls)?.create() as Connector | undefined
  }

  isConnectorRunning (name: string): boolean { return this.#connectors.get(name)?.started ?? false }
  hasConnector (name: string): boolean { return this.#connectors.has(name) }

  async startConnector (name: string, rawConfig: Record<string, string>, target: TargetState): Promise<void> {
    const s = this.#o.statuses
    const id = this.#o.workerId()
    const listener = {
      onRunning: (c: string) => s.putConnector(c, { state: 'RUNNING', trace: null, workerId: id, generation: 0 }),
      onPaused: (c: string) => s.putConnector(c, { state: 'PAUSED', trace: null, workerId: id, generation: 0 }),
      onStopped: (c: string) => s.putConnector(c, { state: 'STOPPED', trace: null, workerId: id, generation: 0 }),
      onFailure: (c: string, err: unknown) => s.putConnector(c, { state: 'FAILED', trace: traceOf(err), workerId: id, generation: 0 }),
      onShutdown: (c: string) => s.putConnector(c, { state: 'UNASSIGNED', trace: null, workerId: id, generation: 0 }),
    }
    const log = this.#o.log.child({ connector: name })
    let instance: Connector | undefined
    try {
      instance = this.newConnector(rawConfig['connector.class'])
      if (instance === undefined) throw new Error(this.#o.registry.connectorNotFoundMessage(rawConfig['connector.class']))
    } catch (err) {
      listener.onFailure(name, err)
      return
    }
    const props = this.#o.transformer.transform(rawConfig)
    const wc = new WorkerConnector(name, instance, props, listener, log, () => this.#o.onTaskReconfiguration(name))
    this.#connectors.set(name, wc)
    await wc.transitionTo(target)
  }

  async setConnectorTarget (name: string, target: TargetState): Promise<void> {
    await this.#connectors.get(name)?.transitionTo(target)
  }

  /** Task configs from a started connector, with the framework keys Kafka adds; null if it cannot give any. */
  async connectorTaskConfigs (name: string, rawConfig: Record<string, string>): Promise<Array<Record<string, string>> | null> {
    const wc = this.#connectors.get(name)
    if (wc === undefined || !wc.started) return null
    const maxTasks = Number(rawConfig['tasks.max'] ?? '1')
    try {
      const configs = await wc.connector.taskConfigs(maxTasks)
      const enforce = (rawConfig['tasks.max.enforce'] ?? 'true').trim().toLowerCase() !== 'false'
      if (configs.length > maxTasks && enforce) {
        throw Object.assign(new Error(`The connector ${name} has generated ${configs.length} tasks, which is greater than ${maxTasks}, the maximum number of tasks it is configured to create. This behaviour should be considered a bug and is disallowed. If necessary, it can be permitted by reconfiguring the connector with 'tasks.max.enforce' set to false; however, this option will be removed in a future release of Kafka Connect.`), { kafkaClassName: 'org.apache.kafka.connect.runtime.TooManyTasksException' })
      }
      const taskClass = wc.connector.taskClass() as unknown as { CLASS_NAME?: string, className?: string, name: string }
      return configs.map((c) => {
        const out: Record<string, string> = { ...c, 'task.class': taskClass.CLASS_NAME ?? taskClass.className ?? taskClass.name }
        if (this.connectorType(rawConfig) === 'sink') {
          if (rawConfig.topics !== undefined) out.topics = rawConfig.topics
          if (rawConfig['topics.regex'] !== undefined) out['topics.regex'] = rawConfig['topics.regex']
        }
        return out
      })
    } catch (err) {
      await wc.failWith(err)
      return null
    }
  }

  async stopConnector (name: string): Promise<void> {
    const wc = this.#connectors.get(name)
    if (wc === undefined) return
    this.#connectors.delete(name)
    await wc.shutdown()
  }

  taskIds (name: string): number[] {
    return [...this.#tasks.values()].filter((t) => t.connector === name).map((t) => t.task).sort((a, b) => a - b)
  }

  async startTask (name: string, task: number, rawConnConfig: Record<string, string>, rawTaskConfig: Record<string, string>, target: TargetState): Promise<void> {
    const { statuses: s, metrics } = this.#o
    const id = this.#o.workerId()
    const labels = (state: string): { connector: string, task: string, state: string } => ({ connector: name, task: String(task), state })
    const setState = (state: 'RUNNING' | 'PAUSED' | 'FAILED' | 'UNASSIGNED', trace: string | null): void => {
      s.putTask(name, task, { state, trace, workerId: id, generation: 0 })
      for (const st of ['RUNNING', 'PAUSED', 'FAILED', 'UNASSIGNED']) metrics.taskStatus.set(labels(st), st === state ? 1 : 0)
    }
    const listener = {
      onRunning: () => setState('RUNNING', null),
      onPaused: () => setState('PAUSED', null),
      onFailure: (_c: string, _t: number, err: unknown) => setState('FAILED', traceOf(err)),
      onShutdown: () => setState('UNASSIGNED', null),
    }
    const log = this.#o.log.child({ connector: name, task })
    try {
      const wt = this.#buildTask(name, task, rawConnConfig, rawTaskConfig, target, listener, log)
      this.#tasks.set(`${name}-${task}`, wt)
      wt.start()
    } catch (err) {
      log.error({ err }, `Failed to start task ${name}-${task}`)
      listener.onFailure(name, task, err)
    }
  }

  #buildTask (name: string, task: number, rawConnConfig: Record<string, string>, rawTaskConfig: Record<string, string>, target: TargetState, listener: TaskStatusListener, log: Logger): WorkerTask {
    const { registry, config: wcfg, clients, metrics, transformer } = this.#o
    const connConfig = transformer.transform(rawConnConfig)
    const taskConfig = transformer.transform(rawTaskConfig)
    const connector = this.newConnector(connConfig['connector.class'])
    if (connector === undefined) throw new Error(registry.connectorNotFoundMessage(connConfig['connector.class']))
    const converters = createConverters(registry, wcfg.raw, connConfig, { key: wcfg.keyConverter, value: wcfg.valueConverter, header: wcfg.headerConverter })
    const chain = createTransformChain(registry, connConfig)
    const eh = parseErrorHandlingConfig(connConfig)
    const taskLabels = { connector: name, task: String(task) }
    const reporters: ErrorReporter[] = []
    if (eh.logEnable) reporters.push(logReporter(log, `${name}-${task}`, eh.logIncludeMessages))
    const common = { connector: name, task, targetState: target, listener, log, converters, chain, metrics, offsetFlushIntervalMs: wcfg.offsetFlushIntervalMs, onTopicUsed: (t: string) => this.#o.topics.record(name, t, task) }
    // By descriptor type, not instanceof: a plugin.path package may bundle its own connect-api copy.
    if (this.connectorType(connConfig) === 'source') {
      const retry = new RetryWithToleranceOperator(eh, { reporters, counters: this.#counters(taskLabels) })
      const TaskClass = (connector as SourceConnector).taskClass()
      const sourceTask: SourceTask = new TaskClass()
      return new WorkerSourceTask({
        ...common,
        sourceTask,
        props: taskConfig,
        producer: clients.producer(`connector-producer-${name}-${task}`, prefixed(connConfig, 'producer.override.')),
        retry,
        offsetStore: this.#o.offsetStore,
        topicCreator: TopicCreator.from(connConfig, clients.admin(), wcfg.topicCreationEnable),
      })
    }
    if (eh.dlqTopic !== '') {
      reporters.push(dlqReporter({
        producer: clients.producer(`connector-dlq-producer-${name}-${task}`),
        topic: eh.dlqTopic,
        connector: name,
        task,
        contextHeaders: eh.dlqContextHeaders,
        log,
        onProduced: () => metrics.dlqProduce.inc(taskLabels),
        onFailed: () => metrics.dlqProduceFailures.inc(taskLabels),
      }))
    }
    const retry = new RetryWithToleranceOperator(eh, { reporters, counters: this.#counters(taskLabels) })
    const TaskClass = (connector as SinkConnector).taskClass()
    const sinkTask: SinkTask = new TaskClass()
    const consumerOverrides = prefixed(connConfig, 'consumer.override.')
    return new WorkerSinkTask({
      ...common,
      sinkTask,
      props: taskConfig,
      consumer: clients.consumer(`connector-consumer-${name}-${task}`, `connect-${name}`, consumerOverrides),
      topics: async () => {
        const list = (connConfig.topics ?? '').split(',').map((t) => t.trim()).filter(Boolean)
        const regex = (connConfig['topics.regex'] ?? '').trim()
        if (regex === '') return list
        const re = new RegExp(`^(?:${regex})$`)
        return (await clients.admin().listTopics()).filter((t) => re.test(t))
      },
      retry,
      reporters,
    })
  }

  #counters (labels: { connector: string, task: string }): { failure: (s: string) => void, skipped: (s: string) => void, retry: (s: string) => void } {
    const m = this.#o.metrics
    return {
      failure: (stage) => m.errors.inc({ ...labels, stage }),
      skipped: (stage) => m.recordsSkipped.inc({ ...labels, stage }),
      retry: (stage) => m.retries.inc({ ...labels, stage }),
    }
  }

  setTaskTargets (name: string, target: TargetState): void {
    for (const t of this.#tasks.values()) if (t.connector === name) t.setTargetState(target)
  }

  async stopTask (name: string, task: number): Promise<void> {
    const key = `${name}-${task}`
    const t = this.#tasks.get(key)
    if (t === undefined) return
    this.#tasks.delete(key)
    await t.stop(this.#o.config.taskShutdownTimeoutMs)
  }

  async stopTasks (name: string): Promise<void> {
    await Promise.all(this.taskIds(name).map((t) => this.stopTask(name, t)))
  }

  async stop (): Promise<void> {
    await Promise.all([...this.#tasks.values()].map((t) => t.stop(this.#o.config.taskShutdownTimeoutMs)))
    this.#tasks.clear()
    await Promise.all([...this.#connectors.values()].map((c) => c.shutdown()))
    this.#connectors.clear()
  }
}
