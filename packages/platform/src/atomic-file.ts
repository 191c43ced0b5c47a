// Crash-safe JSON files: write a temp file, fsync it, rename over the target, fsync the directory.
// Invariant: a reader sees either the previous complete file or the new complete file, never a torn one.
import { mkdir, open, readFile, rename } from 'node:fs/promises'
import { dirname, basename, join } from 'node:path'

export async function writeJsonAtomic (path: string, value: unknown): Promise<void> {
  const dir = dirname(path)
  await mkdir(dir, { recursive: true })
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`)
  const file = await open(tmp, 'w')
  try {
    await file.writeFile(JSON.stringify(value, null, 2) + '\n')
    await file.sync()
  } finally {
    await file.close()
  }
  await rename(tmp, path)
  const dirHandle = await open(dir, 'r')
  try { await dirHandle.sync() } finally { await dirHandle.close() }
}

export async function readJsonOr<T> (path: string, fallback: T): Promise<T> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return fallback
    throw err
  }
  return JSON.parse(text) as T
}
