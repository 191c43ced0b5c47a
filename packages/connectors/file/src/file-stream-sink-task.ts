// Appends one line per record. Each put() is written before it returns, so a commit after
// put()/flush() never covers a line that is not in the file (at-least-once). A put that fails
// (a full disk) is cut back off the file, so the redelivered batch does not follow a torn line.
// Lines are encoded into one reused buffer and written a buffer at a time: no batch-sized string
// or Buffer per put (at 1 KiB records that was ~2 MB of each per batch, all garbage by the next put).
import { open, type FileHandle } from 'node:fs/promises'
import { SinkTask, type ConfigProps, type SinkRecord, type TopicPartitionOffset } from '@tributary/connect-api'
import { javaString } from './java-string.ts'
import { FILE_CONNECTORS_VERSION } from './version.ts'

/** Size of the reused write buffer; a line that may not fit in it is written on its own. */
export const WRITE_BUFFER_BYTES = 1024 * 1024

export class FileStreamSinkTask extends SinkTask {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.file.FileStreamSinkTask'
  #fh: FileHandle | null = null
  #toStdout = false
  #out: Buffer | null = null
  /** Bytes in the file after the last put that succeeded: where a failed put is cut back to. */
  #length = 0

  version (): string { return FILE_CONNECTORS_VERSION }

  async start (props: ConfigProps): Promise<void> {
    const file = props.file
    if (file === undefined || file === '') { this.#toStdout = true; return }
    this.#fh = await open(file, 'a')
    this.#length = (await this.#fh.stat()).size
  }

  async put (records: SinkRecord[]): Promise<void> {
    if (records.length === 0) return
    if (this.#toStdout) {
      let text = ''
      for (const r of records) text += javaString(r.value) + '\n'
      process.stdout.write(text)
      return
    }
    const fh = this.#fh!
    try {
      this.#length += await this.#append(fh, records)
    } catch (err) {
      await fh.truncate(this.#length).catch(() => {})
      throw err
    }
  }

  /** Writes one line per record; returns the bytes written. */
  async #append (fh: FileHandle, records: SinkRecord[]): Promise<number> {
    const out = this.#out ??= Buffer.allocUnsafe(WRITE_BUFFER_BYTES)
    let written = 0
    let used = 0
    for (const r of records) {
      const line = javaString(r.value)
      // UTF-16 code unit → at most 3 UTF-8 bytes; +1 for the '\n'.
      if (used + line.length * 3 + 1 > out.length) {
        if (used > 0) written += await writeAll(fh, out, used)
        used = 0
        if (line.length * 3 + 1 > out.length) {
          const long = Buffer.from(line + '\n')
          written += await writeAll(fh, long, long.length)
          continue
        }
      }
      used += out.write(line, used, 'utf8')
      out[used++] = 0x0a
    }
    if (used > 0) written += await writeAll(fh, out, used)
    return written
  }

  override async flush (_offsets: readonly TopicPartitionOffset[]): Promise<void> {
    await this.#fh?.datasync()
  }

  async stop (): Promise<void> {
    const fh = this.#fh
    this.#fh = null
    this.#out = null
    await fh?.close().catch(() => {})
  }
}

/** A short write (disk full aside, rare for regular files) is continued, not dropped. */
async function writeAll (fh: FileHandle, buf: Buffer, length: number): Promise<number> {
  for (let off = 0; off < length;) {
    const { bytesWritten } = await fh.write(buf, off, length - off)
    if (bytesWritten === 0) throw new Error(`FileStreamSinkTask: write made no progress (${length - off} bytes left)`)
    off += bytesWritten
  }
  return length
}
