// Standalone herder: one worker, configs and target states in a file-backed store, statuses in
// memory. Every mutation runs through one queue (Kafka's herder thread), so a create, a pause and a
// delete of the same connector can never interleave. Cross-entity rules (offsets only when
// STOPPED, 404/409 wording) live here and nowhere else.
import type { PluginDescriptor, SinkConnector, SourceConnector } from '@tributary/connect-api'
import type { Logger } from 'pino'
import type { ConfigTransformer } from '../config-providers/config-transformer.ts'
import { ConnectRestError } from '../connect-rest-error.ts'
import type { KafkaClients } from '../kafka/kafka-clients.ts'
import type { PluginRegistry } from '../plugins/plugin-registry.ts'
import type { ConfigStore, ConnectorRecord, TargetState } from '../stores/config-store.ts'
import { validateOffsetFormat, type OffsetStore } from '../stores/offset-store.ts'
import type { StatusStore } from '../worker/status-store.ts'
import type { TopicTracker } from '../worker/topic-tracker.ts'
import type { Worker } from '../worker/worker.ts'
import { sinkConnectorConfigDef, sourceConnectorConfigDef } from './connector-config-def.ts'
import type {
  ConfigInfos, ConfigKeyInfo, ConnectorInfo, ConnectorOffset, ConnectorOffsets, ConnectorStateInfo, PluginInfo,
  ServerInfo, TaskInfo, TaskState, WorkerHealth,
} from './entities.ts'
import type { Herder, PutConfigResult } from './herder.ts'
import { Msg } from './lifecycle-messages.ts'
import { alterSinkOffsets, parseSinkOffsets, readSinkOffsets, resetSinkOffsets, sinkGroupId } from './sink-offsets.ts'
import { findConnector, invalidConfigError, validateConnectorConfig } from './validate-connector-config.ts'
import { configKeyInfo } from '@tributary/connect-api'

export const TRIBUTARY_CONNECT_VERSION = '3.9.0'

export interface StandaloneHerderOptions {
  worker: Worker
  configStore: ConfigStore
  offsetStore: OffsetStore
  statuses: StatusStore
  topics: TopicTracker
  registry: PluginRegistry
  clients: KafkaClients
  transformer: ConfigTransformer
  log: Logger
  commit?: string
}

export class StandaloneHerder implements Herder {
  readonly #o: StandaloneHerderOptions
  #queue: Promise<unknown> = Promise.resolve()
  #ready = false
  #clusterId: string | null = null

  constructor (o: StandaloneHerderOptions) {
    this.#o = o
  }

  get ready (): boolean { return this.#ready }

  /** Starts every stored connector and runs `beforeReady` (command-line connectors), then reports healthy. */
  async start (beforeReady?: () => Promise<void>): Promise<void> {
    this.#clusterId = await this.#o.clients.clusterId()
    await this.#serial(async () => {
      for (const name of this.#o.configStore.snapshot().keys()) await this.#startConnector(name)
    })
    if (beforeReady !== undefined) await beforeReady()
    this.#ready = true
  }

  async shutdown (): Promise<void> {
    this.#ready = false
    await this.#serial(async () => { await this.#o.worker.stop() })
  }

  #serial<T> (fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn)
    this.#queue = run.catch(() => {})
    return run
  }

  // ---- read side ----

  serverInfo (): ServerInfo {
    // Kafka was not reachable at start: ask again in the background for the next caller.
    if (this.#clusterId === null) void this.#o.clients.clusterId().then((id) => { this.#clusterId ??= id })
    return { version: TRIBUTARY_CONNECT_VERSION, commit: this.#o.commit ?? 'tributary', kafka_cluster_id: this.#clusterId }
  }

  health (): { httpStatus: number, body: WorkerHealth } {
    if (!this.#ready) return { httpStatus: 503, body: { status: 'starting', message: 'Worker is still starting up.' } }
    return { httpStatus: 200, body: { status: 'healthy', message: 'Worker has completed startup and is ready to handle requests.' } }
  }

  connectors (): string[] { return [...this.#o.configStore.snapshot().keys()] }

  #record (name: string, message = Msg.notFound(name)): ConnectorRecord {
    const rec = this.#o.configStore.get(name)
    if (rec === undefined) throw new ConnectRestError('NOT_FOUND', message)
    return rec
  }

  connectorInfo (name: string): ConnectorInfo {
    const rec = this.#record(name)
    return {
      name,
      config: { ...rec.config },
      tasks: rec.taskConfigs.map((_c, task) => ({ connector: name, task })),
      type: this.#o.worker.connectorType(rec.config),
    }
  }

  connectorConfig (name: string): Record<string, string> { return { ...this.#record(name).config } }

  connectorStatus (name: string): ConnectorStateInfo {
    const s = this.#o.statuses.connector(name)
    const rec = this.#o.configStore.get(name)
    if (s === undefined || rec === undefined) throw new ConnectRestError('NOT_FOUND', Msg.noStatus(name))
    return {
      name,
      connector: { state: s.state, worker_id: s.workerId, ...(s.trace === null ? {} : { trace: s.trace }) },
      tasks: this.#o.statuses.tasks(name).map(([id, t]) => ({ id, state: t.state, worker_id: t.workerId, ...(t.trace === null ? {} : { trace: t.trace }) })),
      type: this.#o.worker.connectorType(rec.config),
    }
  }

  taskInfos (name: string): TaskInfo[] {
    const rec = this.#record(name)
    return rec.taskConfigs.map((config, task) => ({ id: { connector: name, task }, config: this.#reverseTransform(rec.config, config) }))
  }

  /** Task config values that came from `${...}` placeholders are shown as the placeholder again. */
  #reverseTransform (connectorConfig: Record<string, string>, taskConfig: Record<string, string>): Record<string, string> {
    const out = { ...taskConfig }
    const resolved = this.#o.transformer.transform(connectorConfig)
    for (const [k, raw] of Object.entries(connectorConfig)) {
      if (raw !== resolved[k] && out[k] === resolved[k]) out[k] = raw
    }
    return out
  }

  taskStatus (name: string, task: number): TaskState {
    const s = this.#o.statuses.task(name, task)
    if (s === undefined || this.#o.configStore.get(name) === undefined) throw new ConnectRestError('NOT_FOUND', Msg.noTaskStatus(name, task))
    return { id: task, state: s.state, worker_id: s.workerId, ...(s.trace === null ? {} : { trace: s.trace }) }
  }

  activeTopics (name: string): string[] { return this.#o.topics.topics(name) }
  resetActiveTopics (name: string): void { this.#o.topics.reset(name) }

  plugins (connectorsOnly: boolean): PluginInfo[] {
    const r = this.#o.registry
    const types = connectorsOnly ? ['sink', 'source'] as const : ['sink', 'source', 'transformation', 'predicate', 'converter', 'header_converter'] as const
    return types.flatMap((t) => r.list(t).map((d) => pluginInfo(d)))
  }

  pluginConfig (plugin: string): ConfigKeyInfo[] {
    const d = this.#o.registry.findAny(plugin)
    if (d === undefined) throw new ConnectRestError('NOT_FOUND', `Unknown plugin ${plugin}.`)
    const own = d.config()
    const out = [...own.configKeys.values()].map((k) => configKeyInfo(k) as ConfigKeyInfo)
    if (d.type === 'source' || d.type === 'sink') {
      const framework = d.type === 'sink' ? sinkConnectorConfigDef() : sourceConnectorConfigDef()
      for (const k of framework.configKeys.values()) if (!own.configKeys.has(k.name)) out.push(configKeyInfo(k) as ConfigKeyInfo)
    }
    return out
  }

  async validate (pluginType: string, config: Record<string, string>): Promise<ConfigInfos> {
    const cls = config['connector.class']
    if (cls === undefined || cls === null) {
      throw new ConnectRestError('BAD_REQUEST', `Connector config {${Object.entries(config).map(([k, v]) => `${k}=${v}`).join(', ')}} contains no connector type`)
    }
    const norm = (s: string): string => s.endsWith('Connector') ? s.slice(0, -'Connector'.length) : s
    if (!norm(cls).endsWith(norm(pluginType))) {
      throw new ConnectRestError('BAD_REQUEST', `Included connector type ${cls} does not match request type ${pluginType}`)
    }
    return validateConnectorConfig(this.#o.registry, this.#o.transformer, config)
  }

  // ---- write side ----

  putConnectorConfig (name: string, config: Record<string, string>, opts: { allowReplace: boolean, initialState?: TargetState }): Promise<PutConfigResult> {
    return this.#serial(async () => {
      const infos = await validateConnectorConfig(this.#o.registry, this.#o.transformer, config)
      if (infos.error_count > 0) throw invalidConfigError(infos)
      const exists = this.#o.configStore.get(name) !== undefined
      if (exists && !opts.allowReplace) throw new ConnectRestError('CONFLICT', Msg.alreadyExists(name))
      if (exists) await this.#stopConnectorAndTasks(name)
      await this.#o.configStore.putConnectorConfig(name, config, exists ? undefined : (opts.initialState ?? 'STARTED'))
      await this.#startConnector(name)
      return { created: !exists, info: this.connectorInfo(name) }
    })
  }

  patchConnectorConfig (name: string, patch: Record<string, string | null>): Promise<ConnectorInfo> {
    const current = this.#record(name).config
    const merged: Record<string, string> = { ...current }
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete merged[k]
      else merged[k] = v
    }
    if ('name' in patch && patch.name !== null && patch.name !== name) {
      throw new ConnectRestError('BAD_REQUEST', `Connector name configuration (${patch.name}) doesn't match connector name in the URL (${name})`)
    }
    merged.name = name
    return this.putConnectorConfig(name, merged, { allowReplace: true }).then((r) => r.info)
  }

  deleteConnector (name: string): Promise<void> {
    return this.#serial(async () => {
      this.#record(name)
      await this.#stopConnectorAndTasks(name)
      await this.#o.configStore.remove(name)
      this.#o.statuses.removeConnector(name)
      this.#o.topics.reset(name)
    })
  }

  restartConnector (name: string, opts: { includeTasks: boolean, onlyFailed: boolean } | null): Promise<ConnectorStateInfo | null> {
    return this.#serial(async () => {
      this.#record(name, Msg.unknownConnectorColon(name))
      if (opts === null) {
        await this.#restartConnectorInstance(name)
        return null
      }
      if (this.#o.statuses.connector(name) === undefined) throw new ConnectRestError('NOT_FOUND', Msg.statusNotFound(name))
      const status = this.connectorStatus(name)
      const restartConnector = !opts.onlyFailed || status.connector.state === 'FAILED'
      const tasks = status.tasks.filter((t) => opts.includeTasks && (!opts.onlyFailed || t.state === 'FAILED')).map((t) => t.id)
      const answer: ConnectorStateInfo = {
        ...status,
        connector: restartConnector ? { state: 'RESTARTING', worker_id: status.connector.worker_id } : status.connector,
        tasks: status.tasks.map((t) => tasks.includes(t.id) ? { id: t.id, state: 'RESTARTING', worker_id: t.worker_id } : t),
      }
      // Executed after answering, like Kafka's asynchronous restart requests.
      void this.#serial(async () => {
        const wid = this.#o.worker.workerId
        if (restartConnector) this.#o.statuses.putConnector(name, { state: 'RESTARTING', trace: null, workerId: wid, generation: 0 })
        for (const t of tasks) this.#o.statuses.putTask(name, t, { state: 'RESTARTING', trace: null, workerId: wid, generation: 0 })
        if (restartConnector) await this.#restartConnectorInstance(name)
        for (const t of tasks) await this.#restartTask(name, t)
      }).catch((err: unknown) => this.#o.log.error({ err }, `Restart of ${name} failed`))
      return answer
    })
  }

  restartTask (name: string, task: number): Promise<void> {
    return this.#serial(async () => {
      const rec = this.#record(name, Msg.unknownConnectorColon(name))
      if (task < 0 || task >= rec.taskConfigs.length) throw new ConnectRestError('NOT_FOUND', Msg.unknownTask(name, task))
      await this.#restartTask(name, task)
    })
  }

  pause (name: string): Promise<void> {
    return this.#serial(async () => {
      const rec = this.#record(name, Msg.unknownConnector(name))
      if (rec.targetState === 'PAUSED') return
      await this.#o.configStore.putTargetState(name, 'PAUSED')
      if (!this.#o.worker.hasConnector(name)) await this.#o.worker.startConnector(name, rec.config, 'PAUSED')
      else await this.#o.worker.setConnectorTarget(name, 'PAUSED')
      this.#o.worker.setTaskTargets(name, 'PAUSED')
    })
  }

  resume (name: string): Promise<void> {
    return this.#serial(async () => {
      const rec = this.#record(name, Msg.unknownConnector(name))
      if (rec.targetState === 'STARTED') return
      await this.#o.configStore.putTargetState(name, 'STARTED')
      if (!this.#o.worker.hasConnector(name)) await this.#o.worker.startConnector(name, rec.config, 'STARTED')
      else await this.#o.worker.setConnectorTarget(name, 'STARTED')
      this.#o.worker.setTaskTargets(name, 'STARTED')
      await this.#updateTasks(name)
    })
  }

  stop (name: string): Promise<void> {
    return this.#serial(async () => {
      const rec = this.#record(name, Msg.unknownConnector(name))
      await this.#stopTasks(name)
      await this.#o.configStore.putTaskConfigs(name, [])
      await this.#o.configStore.putTargetState(name, 'STOPPED')
      if (!this.#o.worker.hasConnector(name)) await this.#o.worker.startConnector(name, rec.config, 'STOPPED')
      else await this.#o.worker.setConnectorTarget(name, 'STOPPED')
    })
  }

  // ---- offsets (KIP-875) ----

  async offsets (name: string): Promise<ConnectorOffsets> {
    const rec = this.#record(name)
    const type = this.#o.worker.connectorType(rec.config)
    if (type === 'sink') return { offsets: await readSinkOffsets(this.#o.clients.admin(), sinkGroupId(name, rec.config)) }
    return { offsets: this.#o.offsetStore.list(name).map(({ partition, offset }) => ({ partition, offset })) }
  }

  alterOffsets (name: string, offsets: ConnectorOffset[]): Promise<string> {
    return this.#serial(async () => {
      const rec = this.#stoppedRecord(name)
      const props = this.#o.transformer.transform(rec.config)
      const connector = findConnector(this.#o.registry, rec.config['connector.class'])
      if (this.#o.worker.connectorType(rec.config) === 'sink') {
        const parsed = parseSinkOffsets(offsets)
        const managed = await (connector as SinkConnector).alterOffsets(props, parsed)
        await alterSinkOffsets(this.#o.clients.admin(), sinkGroupId(name, rec.config), parsed)
        return Msg.altered(managed)
      }
      for (const o of offsets) {
        const problem = validateOffsetFormat('partition', o.partition) ?? validateOffsetFormat('offset', o.offset)
        if (problem !== undefined) throw new ConnectRestError('INTERNAL', problem)
      }
      const managed = await (connector as SourceConnector).alterOffsets(props, offsets)
      await this.#o.offsetStore.set(name, offsets.map((o) => ({ partition: o.partition, offset: o.offset })))
      return Msg.altered(managed)
    })
  }

  resetOffsets (name: string): Promise<string> {
    return this.#serial(async () => {
      const rec = this.#stoppedRecord(name)
      const props = this.#o.transformer.transform(rec.config)
      const connector = findConnector(this.#o.registry, rec.config['connector.class'])
      const admin = this.#o.clients.admin()
      if (this.#o.worker.connectorType(rec.config) === 'sink') {
        const group = sinkGroupId(name, rec.config)
        const current = await readSinkOffsets(admin, group)
        const managed = await (connector as SinkConnector).alterOffsets(props, current.map((o) => ({ topic: String(o.partition.kafka_topic), partition: Number(o.partition.kafka_partition), offset: null })))
        await resetSinkOffsets(admin, group)
        return Msg.reset(managed)
      }
      const known = this.#o.offsetStore.list(name)
      const managed = await (connector as SourceConnector).alterOffsets(props, known.map((k) => ({ partition: k.partition, offset: null })))
      await this.#o.offsetStore.set(name, known.map((k) => ({ partition: k.partition, offset: null })))
      return Msg.reset(managed)
    })
  }

  #stoppedRecord (name: string): ConnectorRecord {
    const rec = this.#record(name)
    if (rec.targetState !== 'STOPPED' || rec.taskConfigs.length !== 0) throw new ConnectRestError('BAD_REQUEST', Msg.notStopped(name))
    return rec
  }

  // ---- lifecycle internals (always inside #serial) ----

  async #startConnector (name: string): Promise<void> {
    const rec = this.#o.configStore.get(name)
    if (rec === undefined) return
    await this.#o.worker.startConnector(name, rec.config, rec.targetState)
    if (rec.targetState === 'STARTED') await this.#updateTasks(name)
    else if (rec.targetState === 'PAUSED') await this.#startTasks(name, 'PAUSED')
  }

  /** Regenerates task configs; restarts the tasks only when they changed (or none run). */
  async #updateTasks (name: string): Promise<void> {
    const rec = this.#o.configStore.get(name)
    if (rec === undefined || rec.targetState !== 'STARTED') return
    const configs = await this.#o.worker.connectorTaskConfigs(name, rec.config)
    if (configs === null) return
    const changed = JSON.stringify(configs) !== JSON.stringify(rec.taskConfigs)
    if (changed) {
      await this.#stopTasks(name)
      await this.#o.configStore.putTaskConfigs(name, configs)
      await this.#startTasks(name, 'STARTED')
    } else if (this.#o.worker.taskIds(name).length === 0) {
      await this.#startTasks(name, 'STARTED')
    }
  }

  async #startTasks (name: string, target: TargetState): Promise<void> {
    const rec = this.#o.configStore.get(name)
    if (rec === undefined) return
    for (let t = 0; t < rec.taskConfigs.length; t++) await this.#o.worker.startTask(name, t, rec.config, rec.taskConfigs[t], target)
  }

  async #stopTasks (name: string): Promise<void> {
    const ids = this.#o.worker.taskIds(name)
    await this.#o.worker.stopTasks(name)
    // Removed tasks are DESTROYED: their statuses disappear.
    for (const [t] of this.#o.statuses.tasks(name)) this.#o.statuses.removeTask(name, t)
    void ids
  }

  async #stopConnectorAndTasks (name: string): Promise<void> {
    await this.#stopTasks(name)
    await this.#o.worker.stopConnector(name)
  }

  async #restartConnectorInstance (name: string): Promise<void> {
    const rec = this.#o.configStore.get(name)
    if (rec === undefined) return
    await this.#o.worker.stopConnector(name)
    await this.#o.worker.startConnector(name, rec.config, rec.targetState)
    if (rec.targetState === 'STARTED') await this.#updateTasks(name)
  }

  async #restartTask (name: string, task: number): Promise<void> {
    const rec = this.#o.configStore.get(name)
    if (rec === undefined || task >= rec.taskConfigs.length) return
    await this.#o.worker.stopTask(name, task)
    await this.#o.worker.startTask(name, task, rec.config, rec.taskConfigs[task], rec.targetState === 'PAUSED' ? 'PAUSED' : 'STARTED')
  }

  /** A connector asked for new task configs (ConnectorContext.requestTaskReconfiguration). */
  requestTaskReconfiguration (name: string): void {
    void this.#serial(() => this.#updateTasks(name)).catch((err: unknown) => this.#o.log.error({ err }, `Task reconfiguration of ${name} failed`))
  }
}

function pluginInfo (d: PluginDescriptor): PluginInfo {
  return d.version === 'undefined' ? { class: d.className, type: d.type } : { class: d.className, type: d.type, version: d.version }
}
