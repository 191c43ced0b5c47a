// Apache Kafka's jars from Maven Central, resolved by `mvn dependency:copy-dependencies` from the
// small poms in ../java/<set>/pom.xml into a cache directory. Idempotent and cheap once present:
// a set's directory appears only complete (copied to a temp dir, then renamed), and is keyed by
// a hash of its pom so a version bump resolves afresh.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const KAFKA_VERSION = '4.1.1'

export const peerSets = ['kafka', 'clients', 'connect'] as const
export type PeerSet = typeof peerSets[number]

export const javaSourceDir = fileURLToPath(new URL('../java/', import.meta.url))

export function cacheRoot (): string {
  return process.env.TRIBUTARY_CACHE_DIR ?? join(homedir(), '.cache', 'tributary')
}

export interface PeerArtifacts {
  /** Directory holding every jar of the set. */
  libDir: string
  /** A java -cp value naming every jar of the set. */
  classpath: string
}

const pending = new Map<PeerSet, Promise<PeerArtifacts>>()

export function ensurePeerArtifacts (set: PeerSet): Promise<PeerArtifacts> {
  let promise = pending.get(set)
  if (promise === undefined) {
    promise = resolveSet(set)
    pending.set(set, promise)
    promise.catch(() => pending.delete(set))
  }
  return promise
}

async function resolveSet (set: PeerSet): Promise<PeerArtifacts> {
  const pom = join(javaSourceDir, set, 'pom.xml')
  const hash = createHash('sha256').update(readFileSync(pom)).digest('hex').slice(0, 12)
  const libDir = join(cacheRoot(), `kafka-${KAFKA_VERSION}`, `${set}-${hash}`)
  if (!existsSync(join(libDir, '.complete'))) {
    const temp = `${libDir}.tmp-${process.pid}-${Date.now()}`
    await mkdir(temp, { recursive: true })
    try {
      await runMaven(['-q', '-B', '-f', pom, 'dependency:copy-dependencies',
        `-DoutputDirectory=${temp}`, '-DincludeScope=runtime'])
      await writeFile(join(temp, '.complete'), `${new Date().toISOString()}\n`)
      await rename(temp, libDir).catch(async (error: NodeJS.ErrnoException) => {
        // Another process finished first; its copy is as good as ours.
        if (!existsSync(join(libDir, '.complete'))) throw error
      })
    } finally {
      await rm(temp, { recursive: true, force: true })
    }
  }
  const jars = (await readdir(libDir)).filter((name) => name.endsWith('.jar')).sort()
  return { libDir, classpath: jars.map((name) => join(libDir, name)).join(':') }
}

function runMaven (args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString() })
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString() })
    child.on('error', (error) => reject(new Error('could not run mvn (is Maven installed?)', { cause: error })))
    child.on('exit', (code) => {
      if (code === 0) resolve()
      else reject(new Error(`mvn ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`))
    })
  })
}
