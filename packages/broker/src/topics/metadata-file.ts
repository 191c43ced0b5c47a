// Durable, checksummed snapshot of the broker's metadata (cluster id, topics, their ids,
// partition counts and config overrides).
//
// On-disk format of <dataDir>/cluster-metadata.bin:
//   magic   4 bytes  "TRBM"
//   version uint16   1
//   length  uint32   byte length of the JSON payload
//   crc     uint32   CRC-32 (zlib) of the JSON payload
//   payload JSON     { clusterId, topics: [{ name, id, partitions, configs }] }
// Invariant: written temp file → fsync → rename → fsync(dir), so a reader sees the old or the
// new snapshot, never a torn one; a checksum mismatch refuses to start rather than losing topics.

import { open, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'

export interface StoredTopic {
  name: string
  /** 32 lower-case hex digits. */
  id: string
  partitions: number
  configs: Record<string, string>
}

export interface StoredMetadata {
  clusterId: string
  topics: StoredTopic[]
}

const MAGIC = Buffer.from('TRBM')
const VERSION = 1
const HEADER = 14
export const METADATA_FILE = 'cluster-metadata.bin'

export async function readMetadataFile (dataDir: string): Promise<StoredMetadata | null> {
  const path = join(dataDir, METADATA_FILE)
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
  if (bytes.length < HEADER || !bytes.subarray(0, 4).equals(MAGIC)) throw new Error(`${path} is not a Tributary metadata file`)
  const version = bytes.readUInt16BE(4)
  if (version !== VERSION) throw new Error(`${path} has unsupported version ${version}`)
  const length = bytes.readUInt32BE(6)
  const payload = bytes.subarray(HEADER, HEADER + length)
  if (payload.length !== length || crc32(payload) !== bytes.readUInt32BE(10)) {
    throw new Error(`${path} is corrupt (checksum mismatch); refusing to start without topic metadata`)
  }
  return JSON.parse(payload.toString('utf8')) as StoredMetadata
}

export async function writeMetadataFile (dataDir: string, metadata: StoredMetadata): Promise<void> {
  const payload = Buffer.from(JSON.stringify(metadata), 'utf8')
  const header = Buffer.alloc(HEADER)
  MAGIC.copy(header, 0)
  header.writeUInt16BE(VERSION, 4)
  header.writeUInt32BE(payload.length, 6)
  header.writeUInt32BE(crc32(payload), 10)
  const path = join(dataDir, METADATA_FILE)
  const tmp = `${path}.tmp`
  const file = await open(tmp, 'w')
  try {
    await file.writev([header, payload])
    await file.sync()
  } finally {
    await file.close()
  }
  await rename(tmp, path)
  const dir = await open(dataDir, 'r')
  try {
    await dir.sync()
  } finally {
    await dir.close()
  }
}
