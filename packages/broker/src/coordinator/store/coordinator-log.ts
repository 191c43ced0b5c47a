// Durable store of coordinator state: group metadata, committed offsets, transactions.
//
// On-disk format, under <dataDir>/__coordinator/:
//   log-<n>.bin    append-only records, n = 1, 2, 3 … (a new file starts at each snapshot)
//   snapshot.bin   every live record at the moment log-<n> was started; first record is
//                  { t: 'snapshot', nextLog: n }
//   snapshot.tmp   a snapshot being written (ignored and removed on open)
// Record framing: int32 BE payload length, uint32 BE CRC-32 of the payload, payload = UTF-8 JSON.
// A short or CRC-failing record is a torn tail: it and everything after it in that file is
// cut off on open (only the last file can have one, since older files were fsynced whole).
//
// Records are upserts and deletes keyed by their content, so replaying snapshot.bin then every
// log-<m>.bin with m >= nextLog, in order, rebuilds the exact state.
// Invariant: `append(..., { durable: true })` resolves only after the bytes are fsynced.
// Invariant: a snapshot becomes visible only by rename after fsync (temp → fsync → rename → fsync dir).

import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'

export type CoordinatorRecord = { t: string } & Record<string, unknown>

const HEADER_BYTES = 8
const LOG_FILE = /^log-(\d+)\.bin$/

export function encodeRecords (records: readonly CoordinatorRecord[]): Buffer {
  const parts: Buffer[] = []
  for (const record of records) {
    const payload = Buffer.from(JSON.stringify(record), 'utf8')
    const header = Buffer.allocUnsafe(HEADER_BYTES)
    header.writeInt32BE(payload.length, 0)
    header.writeUInt32BE(crc32(payload), 4)
    parts.push(header, payload)
  }
  return Buffer.concat(parts)
}

/** Decodes records up to the first torn or corrupt one; `validBytes` is where the good prefix ends. */
export function decodeRecords (bytes: Buffer): { records: CoordinatorRecord[]; validBytes: number } {
  const records: CoordinatorRecord[] = []
  let pos = 0
  while (pos + HEADER_BYTES <= bytes.length) {
    const length = bytes.readInt32BE(pos)
    const end = pos + HEADER_BYTES + length
    if (length < 0 || end > bytes.length) break
    const payload = bytes.subarray(pos + HEADER_BYTES, end)
    if (crc32(payload) !== bytes.readUInt32BE(pos + 4)) break
    try {
      records.push(JSON.parse(payload.toString('utf8')) as CoordinatorRecord)
    } catch {
      break
    }
    pos = end
  }
  return { records, validBytes: pos }
}

export interface CoordinatorLogOptions {
  dir: string
  /** Start a new log file and snapshot once the current log passes this many bytes. */
  snapshotAfterBytes?: number
}

interface PendingWrite { bytes: Buffer; durable: boolean; resolve: () => void; reject: (err: Error) => void }

export class CoordinatorLog {
  readonly #dir: string
  readonly #snapshotAfterBytes: number
  #logNumber = 1
  #file: FileHandle | null = null
  #fileBytes = 0
  #queue: PendingWrite[] = []
  #flushing: Promise<void> | null = null
  #snapshotting: Promise<void> | null = null
  #closed = false
  /** Supplies every live record; set by the owner before the first append. */
  liveRecords: () => CoordinatorRecord[] = () => []

  constructor (options: CoordinatorLogOptions) {
    this.#dir = options.dir
    this.#snapshotAfterBytes = options.snapshotAfterBytes ?? 16 * 1024 * 1024
  }

  /** Opens the store and returns every record to replay, oldest first. */
  async open (): Promise<CoordinatorRecord[]> {
    await mkdir(this.#dir, { recursive: true })
    await rm(join(this.#dir, 'snapshot.tmp'), { force: true })
    const replay: CoordinatorRecord[] = []
    let nextLog = 1
    const snapshot = await readFile(join(this.#dir, 'snapshot.bin')).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null
      throw err
    })
    if (snapshot) {
      const { records } = decodeRecords(snapshot)
      const head = records.shift()
      if (head?.t === 'snapshot' && typeof head.nextLog === 'number') nextLog = head.nextLog
      replay.push(...records)
    }
    const logs = (await readdir(this.#dir))
      .map((name) => LOG_FILE.exec(name))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b)
    for (const n of logs) {
      const path = this.#logPath(n)
      if (n < nextLog) {
        await rm(path, { force: true })
        continue
      }
      const bytes = await readFile(path)
      const { records, validBytes } = decodeRecords(bytes)
      replay.push(...records)
      if (validBytes < bytes.length) {
        const fh = await open(path, 'r+')
        await fh.truncate(validBytes)
        await fh.sync()
        await fh.close()
      }
    }
    this.#logNumber = Math.max(nextLog, logs.at(-1) ?? 1)
    this.#file = await open(this.#logPath(this.#logNumber), 'a')
    this.#fileBytes = (await this.#file.stat()).size
    return replay
  }

  /** Appends records as one write; with `durable`, resolves after fsync (one fsync per batch of callers). */
  append (records: readonly CoordinatorRecord[], options: { durable: boolean }): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('coordinator log is closed'))
    if (records.length === 0) return Promise.resolve()
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ bytes: encodeRecords(records), durable: options.durable, resolve, reject })
      this.#flushing ??= this.#drain()
    })
  }

  async #drain (): Promise<void> {
    // Let callers in the same tick join the batch.
    await new Promise<void>((resolve) => setImmediate(resolve))
    try {
      while (this.#queue.length > 0) {
        if (this.#snapshotting) await this.#snapshotting
        const batch = this.#queue
        this.#queue = []
        try {
          const file = this.#file
          if (!file) throw new Error('coordinator log is not open')
          const bytes = Buffer.concat(batch.map((w) => w.bytes))
          await file.write(bytes)
          this.#fileBytes += bytes.length
          if (batch.some((w) => w.durable)) await file.sync()
          for (const w of batch) w.resolve()
        } catch (err) {
          for (const w of batch) w.reject(err as Error)
        }
        if (this.#fileBytes >= this.#snapshotAfterBytes && !this.#snapshotting) {
          this.#snapshotting = this.#snapshot().finally(() => { this.#snapshotting = null })
          await this.#snapshotting
        }
      }
    } finally {
      this.#flushing = null
    }
  }

  /** Starts log-<n+1>, then writes the live state as snapshot.bin and drops older logs. */
  async snapshot (): Promise<void> {
    await this.#flushing
    this.#snapshotting ??= this.#snapshot().finally(() => { this.#snapshotting = null })
    await this.#snapshotting
  }

  async #snapshot (): Promise<void> {
    const oldNumber = this.#logNumber
    const next = await open(this.#logPath(oldNumber + 1), 'a')
    // State capture and file switch happen in one synchronous step, so they agree exactly:
    // owners apply a change in memory before appending its record.
    const old = this.#file
    const records = this.liveRecords()
    this.#logNumber = oldNumber + 1
    this.#file = next
    this.#fileBytes = 0
    await old?.sync()
    await old?.close()
    const tmp = join(this.#dir, 'snapshot.tmp')
    const fh = await open(tmp, 'w')
    await fh.write(encodeRecords([{ t: 'snapshot', nextLog: this.#logNumber }, ...records]))
    await fh.sync()
    await fh.close()
    await rename(tmp, join(this.#dir, 'snapshot.bin'))
    await this.#syncDir()
    await rm(this.#logPath(oldNumber), { force: true })
  }

  async #syncDir (): Promise<void> {
    const dir = await open(this.#dir, 'r')
    try {
      await dir.sync()
    } finally {
      await dir.close()
    }
  }

  #logPath (n: number): string {
    return join(this.#dir, `log-${n}.bin`)
  }

  async close (): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    while (this.#flushing || this.#snapshotting) {
      await this.#flushing
      await this.#snapshotting
    }
    const file = this.#file
    this.#file = null
    if (file) {
      await file.sync()
      await file.close()
    }
  }
}
