// FileStreamSink: appends each record's value (as Java's String.valueOf prints it) to a file,
// one line per record. Kafka's connect-file example sink, same keys.
import { ConfigDef, ConfigType, Importance, SinkConnector, type ConfigProps, type SinkOffsetsToAlter, type TaskClass } from '@tributary/connect-api'
import { FileStreamSinkTask } from './file-stream-sink-task.ts'
import { FILE_CONNECTORS_VERSION } from './version.ts'

export function fileStreamSinkConfigDef (): ConfigDef {
  return new ConfigDef()
    .define({ name: 'file', type: ConfigType.STRING, defaultValue: null, importance: Importance.HIGH, documentation: 'File to append to; standard output when unset.' })
}

export class FileStreamSinkConnector extends SinkConnector {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.file.FileStreamSinkConnector'
  #props: ConfigProps = {}

  version (): string { return FILE_CONNECTORS_VERSION }
  config (): ConfigDef { return fileStreamSinkConfigDef() }
  taskClass (): TaskClass<FileStreamSinkTask> { return FileStreamSinkTask }

  start (props: ConfigProps): void {
    this.config().parse(props)
    this.#props = props
  }

  /** As Kafka's: every task gets the same file. */
  taskConfigs (maxTasks: number): Array<Record<string, string>> {
    const c: Record<string, string> = {}
    if (this.#props.file !== undefined) c.file = this.#props.file
    return Array.from({ length: maxTasks }, () => ({ ...c }))
  }

  stop (): void {}

  /** Offsets live in the consumer group only; nothing external to alter. */
  override alterOffsets (_props: ConfigProps, _offsets: SinkOffsetsToAlter): boolean {
    return true
  }
}
