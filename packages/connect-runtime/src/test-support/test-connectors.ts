// Connectors for runtime tests: a scripted source (records from an in-process script), a
// capturing sink (records kept in memory), and connectors that fail in start() or in their task.
import {
  ConfigDef, ConfigType, ConnectError, Importance, PluginType, SinkConnector, SinkTask, SourceConnector, SourceTask,
  type ConfigProps, type Connector, type PluginDescriptor, type RecordMetadata, type SinkRecord, type SourceRecord, type TaskClass, type TopicPartition,
} from '@tributary/connect-api'

/** Scripts by name: each returns the records its task emits once. */
export const sourceScripts = new Map<string, () => SourceRecord[]>()
/** Records put into each capturing sink, by connector name. */
export const captured = new Map<string, SinkRecord[]>()
/** commitRecord calls of committing sources, by script name. */
export const committedRecords = new Map<string, Array<{ record: SourceRecord, metadata: RecordMetadata | null }>>()

const def = (): ConfigDef => new ConfigDef().define({ name: 'script', type: ConfigType.STRING, defaultValue: '', importance: Importance.LOW, documentation: 'script name' })

class ScriptedSourceTask extends SourceTask {
  static readonly CLASS_NAME = 'test.ScriptedSourceTask'
  #records: SourceRecord[] = []
  version (): string { return '1.0' }
  start (props: ConfigProps): void { this.#records = sourceScripts.get(props.script)?.() ?? [] }
  poll (): SourceRecord[] | null { const r = this.#records; this.#records = []; return r.length === 0 ? null : r }
  stop (): void {}
}

class ScriptedSourceConnector extends SourceConnector {
  #props: ConfigProps = {}
  version (): string { return '1.0' }
  config (): ConfigDef { return def() }
  start (props: ConfigProps): void { this.#props = props }
  taskClass (): TaskClass<SourceTask> { return ScriptedSourceTask }
  taskConfigs (): Array<Record<string, string>> { return [{ script: this.#props.script ?? '' }] }
  stop (): void {}
}

class CapturingSinkTask extends SinkTask {
  #name = ''
  version (): string { return '1.0' }
  start (props: ConfigProps): void { this.#name = props['capture.name'] }
  put (records: SinkRecord[]): void {
    const list = captured.get(this.#name) ?? []
    list.push(...records)
    captured.set(this.#name, list)
  }

  stop (): void {}
}

class CapturingSinkConnector extends SinkConnector {
  #name = ''
  version (): string { return '1.0' }
  config (): ConfigDef { return new ConfigDef() }
  start (props: ConfigProps): void { this.#name = props.name }
  taskClass (): TaskClass<SinkTask> { return CapturingSinkTask }
  taskConfigs (): Array<Record<string, string>> { return [{ 'capture.name': this.#name }] }
  stop (): void {}
}

/** Reports every record whose value is the string "bad" through the errant record reporter (KIP-610). */
class ErrantSinkTask extends CapturingSinkTask {
  override async put (records: SinkRecord[]): Promise<void> {
    const good: SinkRecord[] = []
    for (const r of records) {
      if (r.value === 'bad') await this.context.errantRecordReporter?.report(r, new ConnectError('rejected by the sink'))
      else good.push(r)
    }
    super.put(good)
  }
}
class ErrantSinkConnector extends CapturingSinkConnector {
  override taskClass (): TaskClass<SinkTask> { return ErrantSinkTask }
}

/** Rewinds every assigned partition to `rewind.to` from open(), as sinks that keep their own offsets do. */
class RewindingSinkTask extends CapturingSinkTask {
  #to = 0
  override start (props: ConfigProps): void { super.start(props); this.#to = Number(props['rewind.to']) }
  override open (partitions: readonly TopicPartition[]): void {
    this.context.offset(partitions.map((p) => ({ topic: p.topic, partition: p.partition, offset: this.#to })))
  }
}
class RewindingSinkConnector extends CapturingSinkConnector {
  #to = '0'
  override start (props: ConfigProps): void { super.start(props); this.#to = props['rewind.to'] ?? '0' }
  override taskClass (): TaskClass<SinkTask> { return RewindingSinkTask }
  override taskConfigs (): Array<Record<string, string>> { return super.taskConfigs().map((c) => ({ ...c, 'rewind.to': this.#to })) }
}

/** A scripted source whose task overrides commitRecord and keeps every call. */
class CommittingSourceTask extends ScriptedSourceTask {
  #script = ''
  override start (props: ConfigProps): void { super.start(props); this.#script = props.script }
  override commitRecord (record: SourceRecord, metadata: RecordMetadata | null): void {
    const list = committedRecords.get(this.#script) ?? []
    list.push({ record, metadata })
    committedRecords.set(this.#script, list)
  }
}
class CommittingSourceConnector extends ScriptedSourceConnector {
  override taskClass (): TaskClass<SourceTask> { return CommittingSourceTask }
}

class ThrowingStartConnector extends ScriptedSourceConnector {
  override start (): void { throw new ConnectError('This connector always fails in start()') }
}

class ThrowingTask extends ScriptedSourceTask {
  override start (): void { throw new ConnectError('This task always fails in start()') }
}
class ThrowingTaskConnector extends ScriptedSourceConnector {
  override taskClass (): TaskClass<SourceTask> { return ThrowingTask }
}

const d = (className: string, type: 'source' | 'sink', create: () => Connector, config: () => ConfigDef = def): PluginDescriptor =>
  ({ className, aliases: [], type: type === 'source' ? PluginType.SOURCE : PluginType.SINK, version: '1.0', create, config })

export const testPlugins: PluginDescriptor[] = [
  d('test.ScriptedSourceConnector', 'source', () => new ScriptedSourceConnector()),
  d('test.CapturingSinkConnector', 'sink', () => new CapturingSinkConnector(), () => new ConfigDef()),
  d('test.ErrantSinkConnector', 'sink', () => new ErrantSinkConnector(), () => new ConfigDef()),
  d('test.RewindingSinkConnector', 'sink', () => new RewindingSinkConnector(), () => new ConfigDef()),
  d('test.CommittingSourceConnector', 'source', () => new CommittingSourceConnector()),
  d('test.ThrowingStartConnector', 'source', () => new ThrowingStartConnector()),
  d('test.ThrowingTaskConnector', 'source', () => new ThrowingTaskConnector()),
]
