// Metadata files of the log (checkpoint, producer snapshots, clean-shutdown marker, indexes):
//   magic "TRB1" (4) | payload length uint32 BE (4) | CRC-32C of payload uint32 BE (4) | payload
// Written temp file → fsync → rename → fsync(dir), so a reader sees the old file or the new one,
// never a mix; a file that fails the length or CRC check is treated as absent.

import { open, readFile, rename, unlink } from 'node:fs/promises'
import { crc32c } from '@tributary/protocol'

const MAGIC = 0x54524231 // "TRB1"
const FRAME_HEADER = 12

export function frame (payload: Buffer): Buffer {
  const out = Buffer.allocUnsafe(FRAME_HEADER + payload.length)
  out.writeUInt32BE(MAGIC, 0)
  out.writeUInt32BE(payload.length, 4)
  out.writeUInt32BE(crc32c(payload), 8)
  payload.copy(out, FRAME_HEADER)
  return out
}

/** The payload of a framed buffer, or null when it is torn or corrupt. */
export function unframe (data: Buffer): Buffer | null {
  if (data.length < FRAME_HEADER || data.readUInt32BE(0) !== MAGIC) return null
  const length = data.readUInt32BE(4)
  if (data.length !== FRAME_HEADER + length) return null
  const payload = data.subarray(FRAME_HEADER)
  return crc32c(payload) === data.readUInt32BE(8) ? payload : null
}

export async function fsyncDir (dir: string): Promise<void> {
  const handle = await open(dir, 'r')
  try { await handle.sync() } finally { await handle.close() }
}

/** Atomically replaces `path` with a framed `payload`. */
export async function writeFramedFile (path: string, payload: Buffer, dir: string): Promise<void> {
  const temp = `${path}.tmp`
  const handle = await open(temp, 'w')
  try {
    await handle.writeFile(frame(payload))
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temp, path)
  await fsyncDir(dir)
}

/** Reads a framed file; null when missing, torn or corrupt. */
export async function readFramedFile (path: string): Promise<Buffer | null> {
  try {
    return unframe(await readFile(path))
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}

export async function writeJsonFile (path: string, value: unknown, dir: string): Promise<void> {
  await writeFramedFile(path, Buffer.from(JSON.stringify(value)), dir)
}

export async function readJsonFile<T> (path: string): Promise<T | null> {
  const payload = await readFramedFile(path)
  if (payload === null) return null
  try {
    return JSON.parse(payload.toString('utf8')) as T
  } catch {
    return null
  }
}

export async function removeFile (path: string): Promise<void> {
  try {
    await unlink(path)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
}
