// W5's input: N lines of JSON, each exactly `lineBytes` bytes including its '\n', identical on
// every run (a seeded generator, no clock), so both workers copy the very same bytes. Generated
// once per (lines, lineBytes) into a cache directory; a file appears only complete (temp → rename).
import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { mkdir, open, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

export interface InputFile {
  path: string
  lines: number
  bytes: number
}

const FORMAT_VERSION = 'v1'
const EVENTS = ['click', 'view', 'purchase', 'signup', 'logout', 'search'] as const
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const POOL_SIZE = 1 << 16
const WRITE_CHUNK = 4 * 1024 * 1024

/** xorshift32: tiny, deterministic, good enough to make payloads look unlike each other. */
function xorshift (seed: number): () => number {
  let x = (seed | 0) === 0 ? 0x9e3779b9 : seed | 0
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return x >>> 0
  }
}

const payloadPool = ((): string => {
  const next = xorshift(42)
  let pool = ''
  for (let i = 0; i < POOL_SIZE; i++) pool += ALPHABET[next() % ALPHABET.length]
  return pool
})()

/** Line `index` (0-based) without its '\n': a JSON object padded by its payload to lineBytes - 1. */
export function inputLine (index: number, lineBytes: number): string {
  const next = xorshift(index + 1)
  const head = `{"id":${index},"ts":"${new Date(Date.UTC(2026, 0, 1) + index * 1000).toISOString()}",` +
    `"user":"user-${String(next() % 100_000).padStart(5, '0')}","event":"${EVENTS[next() % EVENTS.length]}",` +
    `"amount":${next() % 100_000 / 100},"payload":"`
  const tail = '"}'
  const payloadLength = lineBytes - 1 - head.length - tail.length
  if (payloadLength < 0) throw new RangeError(`--line-bytes ${lineBytes} is too small for the JSON fields (need ≥ ${head.length + tail.length + 1})`)
  if (payloadLength > POOL_SIZE) throw new RangeError(`--line-bytes ${lineBytes} is too large (at most ${POOL_SIZE})`)
  const start = next() % (POOL_SIZE - payloadLength + 1)
  return head + payloadPool.slice(start, start + payloadLength) + tail
}

export async function ensureInputFile (cacheDir: string, lines: number, lineBytes: number): Promise<InputFile> {
  const path = join(cacheDir, `w5-input-${lines}x${lineBytes}-${FORMAT_VERSION}.jsonl`)
  const bytes = lines * lineBytes
  if (existsSync(path) && (await stat(path)).size === bytes) return { path, lines, bytes }
  await mkdir(cacheDir, { recursive: true })
  const temp = `${path}.tmp-${process.pid}`
  const file = await open(temp, 'w')
  try {
    let chunk = ''
    for (let i = 0; i < lines; i++) {
      chunk += inputLine(i, lineBytes) + '\n'
      if (chunk.length >= WRITE_CHUNK) {
        await file.write(chunk)
        chunk = ''
      }
    }
    if (chunk !== '') await file.write(chunk)
  } catch (error) {
    await file.close()
    await rm(temp, { force: true })
    throw error
  }
  await file.close()
  await rename(temp, path)
  return { path, lines, bytes }
}

export async function sha256File (path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
