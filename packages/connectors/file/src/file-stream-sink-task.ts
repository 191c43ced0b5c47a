// Appends one line per record. Each put() is written before it returns, so a commit after
// put()/flush() never covers a line that is not in the file (at-least-once).
import { open, type FileHandle } from 'node:fs/promises'
import { SinkTask, type ConfigProps, type SinkRecord, type TopicPartitionOffset } from '@tributary/connect-api'
import { javaString } from './java-string.ts'
import { FILE_CONNECTORS_VERSION } from './version.ts'

export class FileStreamSinkTask extends SinkTask {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.file.FileStreamSinkTask'
  #fh: FileHandle | null = null
  #toStdout = false

  version (): string { return FILE_CONNECTORS_VERSION }

  async start (props: ConfigProps): Promise<void> {
    const file = props.file
    if (file === undefined || file === '') { this.#toStdout = true; return }
    this.#fh = await open(file, 'a')
  }

  async put (records: SinkRecord[]): Promise<void> {
    if (records.length === 0) return
    let text = ''
    for (const r of records) text += javaString(r.value) + '\n'
    if (this.#toStdout) { process.stdout.write(text); return }
    await this.#fh!.write(text)
  }

  override async flush (_offsets: readonly TopicPartitionOffset[]): Promise<void> {
    await this.#fh?.datasync()
  }

  async stop (): Promise<void> {
    const fh = this.#fh
    this.#fh = null
    await fh?.close().catch(() => {})
  }
}
