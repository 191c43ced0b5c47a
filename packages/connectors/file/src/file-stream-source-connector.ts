// FileStreamSource: reads a file line by line into a topic (Kafka's connect-file example
// connector, same config keys, same offsets: {"filename": f} → {"position": <byte offset>}).
import {
  ConfigDef, ConfigType, ConnectError, Importance, NonEmptyString, Range, SourceConnector,
  type ConfigProps, type SourceOffsetsToAlter, type TaskClass,
} from '@tributary/connect-api'
import { FileStreamSourceTask } from './file-stream-source-task.ts'
import { FILE_CONNECTORS_VERSION } from './version.ts'

export const FILE_CONFIG = 'file'
export const TOPIC_CONFIG = 'topic'
export const BATCH_SIZE_CONFIG = 'batch.size'
export const FILENAME_FIELD = 'filename'
export const POSITION_FIELD = 'position'

export function fileStreamSourceConfigDef (): ConfigDef {
  return new ConfigDef()
    .define({ name: FILE_CONFIG, type: ConfigType.STRING, defaultValue: null, importance: Importance.HIGH, documentation: 'File to read; standard input when unset.' })
    .define({ name: TOPIC_CONFIG, type: ConfigType.STRING, validator: NonEmptyString, importance: Importance.HIGH, documentation: 'Topic to write the lines to.' })
    .define({ name: BATCH_SIZE_CONFIG, type: ConfigType.INT, defaultValue: 2000, validator: Range.atLeast(1), importance: Importance.LOW, documentation: 'Maximum number of lines returned by one poll.' })
}

export class FileStreamSourceConnector extends SourceConnector {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.file.FileStreamSourceConnector'
  #props: Record<string, unknown> = {}

  version (): string { return FILE_CONNECTORS_VERSION }
  config (): ConfigDef { return fileStreamSourceConfigDef() }
  taskClass (): TaskClass<FileStreamSourceTask> { return FileStreamSourceTask }

  start (props: ConfigProps): void {
    this.#props = this.config().parse(props)
  }

  /** One task only: there is one input stream. */
  taskConfigs (_maxTasks: number): Array<Record<string, string>> {
    const c: Record<string, string> = {}
    const file = this.#props[FILE_CONFIG] as string | null
    if (file !== null) c[FILE_CONFIG] = file
    c[TOPIC_CONFIG] = this.#props[TOPIC_CONFIG] as string
    c[BATCH_SIZE_CONFIG] = String(this.#props[BATCH_SIZE_CONFIG])
    return [c]
  }

  stop (): void {}

  /** Validates the offsets' shape; the task checks the position against the file when it starts. */
  override alterOffsets (props: ConfigProps, offsets: SourceOffsetsToAlter): boolean {
    const file = props[FILE_CONFIG]
    if (file === undefined || file.trim() === '') {
      throw new ConnectError(`Offsets cannot be modified if the '${FILE_CONFIG}' configuration is unspecified. This is because stdin is used for input and offsets are not tracked.`)
    }
    for (const { partition, offset } of offsets) {
      if (offset === null) continue // tombstones are always allowed, so stale entries can be cleaned up
      if (!(POSITION_FIELD in offset)) throw new ConnectError(`Offset objects should either be null or contain the key '${POSITION_FIELD}'`)
      const pos = offset[POSITION_FIELD]
      if (typeof pos !== 'number' || !Number.isInteger(pos)) throw new ConnectError(`The value for the '${POSITION_FIELD}' key in the offset is expected to be a Long value`)
      if (pos < 0) throw new ConnectError(`The value for the '${POSITION_FIELD}' key in the offset should be a non-negative value`)
      if (partition === null) throw new ConnectError('Partition objects cannot be null')
      if (!(FILENAME_FIELD in partition)) throw new ConnectError(`Partition objects should contain the key '${FILENAME_FIELD}'`)
    }
    return true
  }
}
