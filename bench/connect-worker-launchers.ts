// How each worker under test is started: the same worker.properties and connector .properties
// files for both, handed to Tributary's `connect-standalone` and to Kafka's ConnectStandalone.
// Java is given connect-standalone.sh's defaults (heap, GC flags) so it runs as users run it.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensurePeerArtifacts } from '@tributary/testkit'

export const workerKinds = ['tributary', 'kafka-connect'] as const
export type WorkerKind = typeof workerKinds[number]

export const converterKinds = ['string', 'json'] as const
export type ConverterKind = typeof converterKinds[number]

export interface WorkerFilesOptions {
  dir: string
  bootstrap: string
  restPort: number
  converter: ConverterKind
  offsetFlushMs: number
  inputFile: string
  sinkFile: string
  topic: string
  batchSize: number
  /** Unique per run, so the sink's consumer group is fresh too. */
  nameSuffix: string
}

export interface WorkerFiles { worker: string, source: string, sink: string }

export interface LaunchCommand { command: string, args: string[], env: NodeJS.ProcessEnv, describe: string }

const repoRoot = fileURLToPath(new URL('../', import.meta.url))
const tributaryCli = join(repoRoot, 'packages', 'cli', 'bin', 'tributary.js')

/** connect-standalone.sh's KAFKA_HEAP_OPTS and kafka-run-class.sh's KAFKA_JVM_PERFORMANCE_OPTS. */
const JVM_DEFAULT_HEAP = ['-Xms256M', '-Xmx2G']
const JVM_PERFORMANCE = ['-server', '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-XX:InitiatingHeapOccupancyPercent=35',
  '-XX:+ExplicitGCInvokesConcurrent', '-Djava.awt.headless=true']

const LOG4J2 = `status = error
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.out.ref = OUT
`

function properties (entries: Record<string, string | number>): string {
  return Object.entries(entries).map(([key, value]) => `${key}=${value}`).join('\n') + '\n'
}

export async function writeWorkerFiles (o: WorkerFilesOptions): Promise<WorkerFiles> {
  const converter: Record<string, string> = o.converter === 'string'
    ? { 'key.converter': 'org.apache.kafka.connect.storage.StringConverter', 'value.converter': 'org.apache.kafka.connect.storage.StringConverter' }
    : {
        'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'key.converter.schemas.enable': 'false',
        'value.converter.schemas.enable': 'false',
      }
  const files: WorkerFiles = { worker: join(o.dir, 'worker.properties'), source: join(o.dir, 'source.properties'), sink: join(o.dir, 'sink.properties') }
  await writeFile(files.worker, properties({
    'bootstrap.servers': o.bootstrap,
    ...converter,
    'offset.storage.file.filename': join(o.dir, 'connect.offsets'),
    'offset.flush.interval.ms': o.offsetFlushMs,
    listeners: `http://127.0.0.1:${o.restPort}`,
  }))
  await writeFile(files.source, properties({
    name: `w5-source-${o.nameSuffix}`,
    'connector.class': 'FileStreamSource',
    'tasks.max': 1,
    file: o.inputFile,
    topic: o.topic,
    'batch.size': o.batchSize,
  }))
  await writeFile(files.sink, properties({
    name: `w5-sink-${o.nameSuffix}`,
    'connector.class': 'FileStreamSink',
    'tasks.max': 1,
    file: o.sinkFile,
    topics: o.topic,
  }))
  return files
}

export interface LaunchOptions {
  dir: string
  files: WorkerFiles
  /** Java heap flags, e.g. ['-Xmx512m']; connect-standalone.sh's defaults when absent. */
  javaHeap?: string[]
  /** Directory for node --cpu-prof output (Tributary only). */
  cpuProfDir?: string
  /** Extra node flags (Tributary only). */
  nodeOptions?: string[]
}

export async function launchCommand (kind: WorkerKind, o: LaunchOptions): Promise<LaunchCommand> {
  const fileArgs = [o.files.worker, o.files.source, o.files.sink]
  if (kind === 'tributary') {
    const entry = [tributaryCli, 'connect-standalone']
    const prof = [...(o.nodeOptions ?? []), ...(o.cpuProfDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${o.cpuProfDir}`])]
    const args = [...prof, ...entry, ...fileArgs]
    return {
      command: process.execPath,
      args,
      env: { ...process.env, LOG_LEVEL: 'warn' },
      describe: `node ${[...prof, ...entry].map((a) => a.replace(repoRoot, '')).join(' ')} worker.properties source.properties sink.properties`,
    }
  }
  const { libDir } = await ensurePeerArtifacts('connect')
  const log4j = join(o.dir, 'log4j2.properties')
  await writeFile(log4j, LOG4J2)
  const jvm = [...(o.javaHeap ?? JVM_DEFAULT_HEAP), ...JVM_PERFORMANCE, `-Dlog4j2.configurationFile=${log4j}`]
  return {
    command: 'java',
    args: [...jvm, '-cp', `${libDir}/*`, 'org.apache.kafka.connect.cli.ConnectStandalone', ...fileArgs],
    env: { ...process.env },
    describe: `java ${[...(o.javaHeap ?? JVM_DEFAULT_HEAP), ...JVM_PERFORMANCE].join(' ')} -cp '<connect-runtime+connect-file+connect-json ${libDir.split('/').pop()}>/*' org.apache.kafka.connect.cli.ConnectStandalone worker.properties source.properties sink.properties`,
  }
}
