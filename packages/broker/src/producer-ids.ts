// Durable producer id allocation (InitProducerId). Ids are handed out from blocks whose upper
// bound is persisted before any id of the block is used, so a restart (even kill -9) starts
// after the last reserved block and never reuses an id.
//
// On-disk format of <dataDir>/producer-ids: "TRPI" | uint16 version 1 | int64 reservedUpTo |
// uint32 CRC-32 of the previous 14 bytes. Written temp → fsync → rename → fsync(dir).

import { open, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'

const MAGIC = Buffer.from('TRPI')
const FILE = 'producer-ids'
const SIZE = 18

export class ProducerIdAllocator {
  readonly blockSize: number
  #dataDir: string
  #next: number
  #reservedUpTo: number
  #reserving: Promise<void> | null = null

  private constructor (dataDir: string, reservedUpTo: number, blockSize: number) {
    this.#dataDir = dataDir
    this.#next = reservedUpTo
    this.#reservedUpTo = reservedUpTo
    this.blockSize = blockSize
  }

  static async open (dataDir: string, options: { blockSize?: number } = {}): Promise<ProducerIdAllocator> {
    return new ProducerIdAllocator(dataDir, await readReserved(join(dataDir, FILE)), options.blockSize ?? 1000)
  }

  /** A producer id never returned before by this data dir. */
  async allocate (): Promise<number> {
    while (this.#next >= this.#reservedUpTo) {
      this.#reserving ??= this.#reserve().finally(() => { this.#reserving = null })
      await this.#reserving
    }
    return this.#next++
  }

  async #reserve (): Promise<void> {
    const upTo = this.#reservedUpTo + this.blockSize
    await writeReserved(this.#dataDir, upTo)
    this.#reservedUpTo = upTo
  }
}

async function readReserved (path: string): Promise<number> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0
    throw err
  }
  if (bytes.length !== SIZE || !bytes.subarray(0, 4).equals(MAGIC) || crc32(bytes.subarray(0, 14)) !== bytes.readUInt32BE(14)) {
    throw new Error(`${path} is corrupt; refusing to start (producer ids could be reused)`)
  }
  return Number(bytes.readBigInt64BE(6))
}

async function writeReserved (dataDir: string, upTo: number): Promise<void> {
  const bytes = Buffer.alloc(SIZE)
  MAGIC.copy(bytes, 0)
  bytes.writeUInt16BE(1, 4)
  bytes.writeBigInt64BE(BigInt(upTo), 6)
  bytes.writeUInt32BE(crc32(bytes.subarray(0, 14)), 14)
  const path = join(dataDir, FILE)
  const file = await open(`${path}.tmp`, 'w')
  try {
    await file.write(bytes)
    await file.sync()
  } finally {
    await file.close()
  }
  await rename(`${path}.tmp`, path)
  const dir = await open(dataDir, 'r')
  try {
    await dir.sync()
  } finally {
    await dir.close()
  }
}
