// Durable whole-file replacement: write a temp file, fsync it, rename over the target, fsync the
// directory. Invariant: a reader sees either the previous complete file or the new one, never a torn write.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'

export function writeFileAtomic (path: string, data: string): void {
  const dir = dirname(path)
  mkdirSync(dir, { recursive: true })
  const tmp = `${path}.tmp-${process.pid}`
  const fd = openSync(tmp, 'w')
  try {
    writeSync(fd, data)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(tmp, path)
  const dfd = openSync(dir, 'r')
  try { fsyncSync(dfd) } catch { /* some file systems refuse fsync on directories */ } finally { closeSync(dfd) }
}

export function readFileIfExists (path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw err
  }
}
