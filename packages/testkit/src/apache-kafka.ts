// A real single-node Apache Kafka 4.x (KRaft, combined broker+controller) for tests and
// benchmarks, run from the jars Maven resolved (peer-artifacts.ts). Storage is formatted on first
// use of a data directory; a second start on the same directory is a restart (same ports, data kept).
import { randomBytes } from 'node:crypto'
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawn } from 'node:child_process'
import { ensurePeerArtifacts, KAFKA_VERSION } from './peer-artifacts.ts'
import { freePort } from './free-port.ts'
import { startManagedProcess } from './managed-process.ts'
import { waitForKafkaReady } from './kafka-ready-probe.ts'

export interface ApacheKafkaOptions {
  /** Kept across starts: a second start on it is a restart. A temp dir (removed on stop) if absent. */
  dataDir?: string
  /** Client listener port; free port if absent (or the one used last time on this dataDir). */
  port?: number
  host?: string
  /** server.properties keys, applied over the defaults below. */
  overrides?: Record<string, string | number | boolean>
  /** JVM heap, e.g. '512m' (the default, sized for a small shared machine). */
  heap?: string
  jvmOptions?: string[]
  startTimeoutMs?: number
}

export interface ApacheKafka {
  readonly bootstrap: string
  readonly host: string
  readonly port: number
  readonly dataDir: string
  readonly pid: number
  readonly version: string
  /** Where the JVM's stdout/stderr go (log4j at WARN). */
  readonly logFile: string
  /** Clean shutdown (SIGTERM, then SIGKILL after a grace period). Removes a temp dataDir. */
  stop (): Promise<void>
  /** kill -9 of the JVM; the dataDir is kept for a restart. */
  kill (): Promise<void>
  peakRssBytes (): number | undefined
}

interface SavedPorts { port: number, controllerPort: number }

const LOG4J2 = `status = error
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.out.ref = OUT
logger.started.name = kafka.server.KafkaRaftServer
logger.started.level = INFO
`

export async function startApacheKafka (options: ApacheKafkaOptions = {}): Promise<ApacheKafka> {
  const host = options.host ?? '127.0.0.1'
  const ownsDataDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? await mkdtemp(join(tmpdir(), 'tributary-kafka-'))
  await mkdir(dataDir, { recursive: true })
  const { classpath } = await ensurePeerArtifacts('kafka')

  const portsFile = join(dataDir, 'testkit-ports.json')
  const saved = existsSync(portsFile) ? JSON.parse(readFileSync(portsFile, 'utf8')) as SavedPorts : undefined
  const port = options.port ?? saved?.port ?? await freePort(host)
  const controllerPort = saved?.controllerPort ?? await freePort(host)
  await writeFile(portsFile, JSON.stringify({ port, controllerPort }))

  const properties: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@${host}:${controllerPort}`,
    listeners: `PLAINTEXT://${host}:${port},CONTROLLER://${host}:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${host}:${port}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': join(dataDir, 'logs'),
    'num.partitions': 1,
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 1,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    'group.initial.rebalance.delay.ms': 0,
    ...options.overrides,
  }
  const configFile = join(dataDir, 'server.properties')
  await writeFile(configFile, Object.entries(properties).map(([key, value]) => `${key}=${value}`).join('\n') + '\n')
  const log4jFile = join(dataDir, 'log4j2.properties')
  await writeFile(log4jFile, LOG4J2)

  const heap = options.heap ?? '512m'
  const jvm = [
    `-Xms${heap}`, `-Xmx${heap}`, '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20',
    '-XX:+ExitOnOutOfMemoryError', '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${log4jFile}`, `-Dkafka.logs.dir=${dataDir}`,
    ...(options.jvmOptions ?? []),
  ]

  if (!existsSync(join(dataDir, 'logs', 'meta.properties'))) {
    // A leading '-' would be read by kafka-storage's argument parser as an option.
    const clusterId = randomBytes(16).toString('base64url').replace(/^-/, 'A')
    await runJava([...jvm.filter((flag) => !flag.startsWith('-Xms')), '-cp', classpath,
      'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', configFile, '--ignore-formatted'])
  }

  const logFile = join(dataDir, 'kafka.out')
  const out = openSync(logFile, 'a')
  const managed = startManagedProcess('java', [...jvm, '-cp', classpath, 'kafka.Kafka', configFile], {
    stdio: ['ignore', out, out],
  })
  closeSync(out)
  const died = (): void => {
    if (!managed.isRunning()) {
      throw new Error(`Apache Kafka exited during startup; see ${logFile}:\n${tail(logFile)}`)
    }
  }
  try {
    await waitForKafkaReady({ host, port, timeoutMs: options.startTimeoutMs ?? 180_000, check: died })
  } catch (error) {
    await managed.stop(2000)
    throw error
  }

  return {
    bootstrap: `${host}:${port}`,
    host,
    port,
    dataDir,
    pid: managed.pid,
    version: KAFKA_VERSION,
    logFile,
    async stop () {
      await managed.stop(20_000)
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true })
    },
    kill: () => managed.kill(),
    peakRssBytes: () => managed.peakRssBytes(),
  }
}

function tail (file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n')
  } catch {
    return '(no log)'
  }
}

function runJava (args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString() })
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString() })
    child.on('error', (error) => reject(new Error('could not run java', { cause: error })))
    child.on('exit', (code) => {
      if (code === 0) resolve()
      else reject(new Error(`java ${args.slice(-6).join(' ')} exited with ${code}:\n${output.slice(-4000)}`))
    })
  })
}
