// Reads new lines from the configured file, from the committed byte position on. A line is
// emitted only once its terminator (\n, \r\n or \r) was read; a missing file is waited for.
import { open, type FileHandle } from 'node:fs/promises'
import { ConnectError, Schema, SourceRecord, SourceTask, type ConfigProps } from '@tributary/connect-api'
import { BATCH_SIZE_CONFIG, FILE_CONFIG, FILENAME_FIELD, POSITION_FIELD, TOPIC_CONFIG } from './file-stream-source-connector.ts'
import { FILE_CONNECTORS_VERSION } from './version.ts'

const CHUNK = 1024 * 1024

export class FileStreamSourceTask extends SourceTask {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.file.FileStreamSourceTask'
  #file: string | null = null
  #topic = ''
  #batchSize = 2000
  #fh: FileHandle | null = null
  /** Byte position of the first unread byte (what the next committed offset will be). */
  #position = 0
  #readPos = 0
  /** Bytes of an unfinished line, kept at the start of #readBuf. */
  #pendingLength = 0
  #readBuf: Buffer | null = null
  #lines: Array<{ line: string, end: number }> = []
  #stopped = false
  #partition: Record<string, string> = {}

  version (): string { return FILE_CONNECTORS_VERSION }

  start (props: ConfigProps): void {
    this.#file = props[FILE_CONFIG] ?? null
    this.#topic = props[TOPIC_CONFIG]
    this.#batchSize = Number(props[BATCH_SIZE_CONFIG] ?? 2000)
    if (this.#file === null || this.#file === '') throw new ConnectError('FileStreamSourceTask without a file (standard input) is not supported by Tributary')
    this.#partition = { [FILENAME_FIELD]: this.#file }
  }

  async poll (): Promise<SourceRecord[] | null> {
    if (this.#stopped) return null
    if (this.#fh === null && !(await this.#open())) return null
    while (this.#lines.length < this.#batchSize) {
      const got = await this.#readChunk()
      if (got === 0) break
    }
    if (this.#lines.length === 0) return null
    const take = this.#lines.splice(0, this.#batchSize)
    const records = take.map(({ line, end }) => new SourceRecord({
      sourcePartition: this.#partition,
      sourceOffset: { [POSITION_FIELD]: end },
      topic: this.#topic,
      kafkaPartition: null,
      valueSchema: Schema.STRING_SCHEMA,
      value: line,
    }))
    this.#position = take[take.length - 1].end
    return records
  }

  async #open (): Promise<boolean> {
    try {
      this.#fh = await open(this.#file!, 'r')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false // wait for it to be created
      throw err
    }
    const committed = await this.context.offsetStorageReader.offset(this.#partition)
    const pos = committed?.[POSITION_FIELD]
    if (pos !== undefined && pos !== null) {
      if (typeof pos !== 'number' || pos < 0) throw new ConnectError(`Offset position is the incorrect type: ${typeof pos}`)
      this.#position = pos
    }
    this.#readPos = this.#position
    return true
  }

  /** Reads one chunk and splits complete lines off it; returns the bytes read. */
  async #readChunk (): Promise<number> {
    // One read buffer for the task's life: lines are copied out as strings, an unfinished line is
    // moved to the front and the next read appends to it (no new buffer per read). It only grows
    // for a line longer than itself.
    let buf = this.#readBuf ??= Buffer.allocUnsafe(CHUNK)
    const kept = this.#pendingLength
    if (kept === buf.length) {
      const bigger = Buffer.allocUnsafe(buf.length * 2)
      buf.copy(bigger, 0, 0, kept)
      this.#readBuf = buf = bigger
    }
    const { bytesRead } = await this.#fh!.read(buf, kept, buf.length - kept, this.#readPos)
    if (bytesRead === 0) return 0
    const data = buf.subarray(0, kept + bytesRead)
    const base = this.#readPos - kept
    this.#readPos += bytesRead
    let start = 0
    if (data.indexOf(0x0d) === -1) {
      // Common case, \n only: let indexOf find the line ends.
      for (let nl = data.indexOf(0x0a); nl !== -1; nl = data.indexOf(0x0a, start)) {
        this.#lines.push({ line: data.toString('utf8', start, nl), end: base + nl + 1 })
        start = nl + 1
      }
    } else {
      for (let i = 0; i < data.length; i++) {
        const c = data[i]
        if (c !== 0x0a && c !== 0x0d) continue
        // A \r at the very end may be the first half of \r\n: wait for the next byte.
        if (c === 0x0d && i === data.length - 1) break
        const line = data.toString('utf8', start, i)
        const termEnd = c === 0x0d && data[i + 1] === 0x0a ? i + 2 : i + 1
        this.#lines.push({ line, end: base + termEnd })
        start = termEnd
        i = termEnd - 1
      }
    }
    buf.copyWithin(0, start, data.length)
    this.#pendingLength = data.length - start
    return bytesRead
  }

  async stop (): Promise<void> {
    this.#stopped = true
    const fh = this.#fh
    this.#fh = null
    await fh?.close().catch(() => {})
  }
}
