// The Apache Kafka Java client as a test peer: ../java/driver/TributaryJavaClient.java, compiled
// once against kafka-clients from Maven (cached by source hash), run as one JVM per command.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { cacheRoot, ensurePeerArtifacts, javaSourceDir, KAFKA_VERSION } from './peer-artifacts.ts'
import { startManagedProcess } from './managed-process.ts'
import type { ManagedProcess } from './managed-process.ts'
import type { ConsumedRecord, TestRecord } from './test-records.ts'

const source = join(javaSourceDir, 'driver', 'TributaryJavaClient.java')
let compiled: Promise<string> | undefined

/** Compiles the driver if its source changed; returns the classes directory. */
export function compileJavaClient (): Promise<string> {
  compiled ??= compile()
  return compiled
}

async function compile (): Promise<string> {
  const { classpath } = await ensurePeerArtifacts('clients')
  const hash = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 12)
  const classes = join(cacheRoot(), `kafka-${KAFKA_VERSION}`, `java-client-${hash}`)
  if (existsSync(join(classes, '.complete'))) return classes
  const temp = `${classes}.tmp-${process.pid}`
  await mkdir(temp, { recursive: true })
  try {
    await run('javac', ['--release', '17', '-cp', classpath, '-d', temp, source])
    await writeFile(join(temp, '.complete'), '')
    await rename(temp, classes).catch((error: Error) => { if (!existsSync(join(classes, '.complete'))) throw error })
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
  return classes
}

/** Quick-starting JVM flags for tests; benchmarks pass their own (full JIT). */
export const TEST_JVM_OPTIONS = ['-Xmx256m', '-XX:TieredStopAtLevel=1']

async function javaArgs (jvm: readonly string[], command: string, options: Record<string, string | number | boolean | undefined>, configs: Record<string, string | number | boolean> = {}): Promise<string[]> {
  const classes = await compileJavaClient()
  const { classpath } = await ensurePeerArtifacts('clients')
  const args = [...jvm, '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
    '-cp', `${classes}:${classpath}`, 'TributaryJavaClient', command]
  for (const [key, value] of Object.entries(options)) if (value !== undefined) args.push(`--${key}`, String(value))
  for (const [key, value] of Object.entries(configs)) args.push('--config', `${key}=${value}`)
  return args
}

function encodeField (value: string | null): string {
  return value === null ? '-' : Buffer.from(value).toString('base64')
}

/** The driver's stdin line for a record. */
export function encodeRecordLine (record: TestRecord): string {
  return [encodeField(record.key), encodeField(record.value),
    ...record.headers.map(([key, value]) => `${Buffer.from(key).toString('base64')}:${encodeField(value)}`)].join(' ')
}

function run (command: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString() })
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    child.on('error', (error) => reject(new Error(`could not run ${command}`, { cause: error })))
    child.on('exit', (code) => {
      if (code === 0) resolve(stdout)
      else reject(new Error(`${command} ${args.slice(-12).join(' ')} exited with ${code}:\n${stderr.slice(-4000)}`))
    })
    child.stdin.on('error', () => { /* reported through the exit code */ })
    child.stdin.end(input ?? '')
  })
}

function jsonLines (text: string): any[] {
  return text.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line))
}

export interface JavaProduceOptions {
  topic: string
  /** Records to send; or generate synthetic ones (key "k-<i>", valueBytes of 'x'). */
  records?: readonly TestRecord[]
  generate?: { count: number, valueBytes: number }
  acks?: 'all' | '-1' | '1' | '0'
  compression?: 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd'
  idempotence?: boolean
  transactionalId?: string
  recordsPerTxn?: number
  /** With transactionalId: every abortEvery-th transaction is aborted instead of committed. */
  abortEvery?: number
  configs?: Record<string, string | number | boolean>
}

export interface JavaProduceResult { sent: number, acked: number, committedTxns: number, abortedTxns: number, elapsedMs: number }

export interface JavaConsumeOptions {
  topic: string
  /** Without a group: every partition from the beginning up to the end offsets seen at start. */
  group?: string
  isolation?: 'read_committed' | 'read_uncommitted'
  expect?: number
  idleMs?: number
  timeoutMs?: number
  /** 'count' prints no records, only the closing summary (benchmarks). */
  print?: 'records' | 'count'
  configs?: Record<string, string | number | boolean>
}

export interface JavaConsumeSummary { consumed: number, bytes: number, firstRecordMs: number, lastRecordMs: number }

export type JavaMemberEvent =
  | { event: 'assigned' | 'revoked', partitions: number[] }
  | { event: 'committed', count: number }
  | JavaConsumeSummary
  | ConsumedRecord

export interface JavaGroupMember {
  readonly process: ManagedProcess
  /** Every line printed so far: records, assignment events, commits. */
  readonly events: JavaMemberEvent[]
  readonly records: ConsumedRecord[]
  /** Partitions currently assigned, from the member's rebalance listener. */
  assignment (): number[]
  /** When each of `records` arrived (Date.now()), index for index. */
  readonly receivedAt: number[]
  /** When this member saw a rebalance (assignment or revocation). */
  readonly rebalancedAt: number[]
  /** The member's closing line, once it has ended. */
  summary (): JavaConsumeSummary | undefined
  /** SIGTERM: the member commits, closes and leaves the group. */
  leave (): Promise<void>
  /** SIGKILL: the member vanishes and is only noticed by its session timeout. */
  kill (): Promise<void>
}

export interface JavaStreamingProducer {
  readonly process: ManagedProcess
  /** Indexes (into the records given) of every record the broker acknowledged so far. */
  readonly acked: number[]
  /** Resolves with the producer's closing line once every record was sent and the producer closed. */
  readonly finished: Promise<JavaProduceResult>
}

export interface JavaClient {
  createTopic (topic: string, partitions: number, configs?: Record<string, string | number>): Promise<void>
  produce (options: JavaProduceOptions): Promise<JavaProduceResult>
  consume (options: JavaConsumeOptions): Promise<ConsumedRecord[]>
  /** A long-running group member (subscribe, commit after each poll) until leave() or kill(). */
  startGroupMember (options: JavaConsumeOptions & { group: string }): Promise<JavaGroupMember>
  /** A producer process fed from stdin that reports each acknowledgement as it comes. */
  startProducer (options: JavaProduceOptions): Promise<JavaStreamingProducer>
  /** Two producers with one transactional.id: returns the error the first (fenced) one got. */
  fence (topic: string, transactionalId: string): Promise<{ firstError: string, firstErrorAt: 'send' | 'commit', secondCommitted: boolean }>
  committedOffsets (group: string): Promise<Record<string, number>>
}

export function javaClient (bootstrap: string, options: { jvm?: readonly string[] } = {}): JavaClient {
  const jvm = options.jvm ?? TEST_JVM_OPTIONS
  return {
    async createTopic (topic, partitions, configs = {}) {
      await run('java', await javaArgs(jvm, 'create-topic', { bootstrap, topic, partitions }, configs))
    },
    async produce (options) {
      const args = await javaArgs(jvm, 'produce', {
        ...produceOptions(bootstrap, options),
        'transactional-id': options.transactionalId,
        'records-per-txn': options.recordsPerTxn,
        'abort-every': options.abortEvery,
        generate: options.generate?.count,
        'value-bytes': options.generate?.valueBytes,
      }, options.configs)
      const input = (options.records ?? []).map(encodeRecordLine).join('\n') + '\n'
      const lines = jsonLines(await run('java', args, input))
      return lines[lines.length - 1] as JavaProduceResult
    },
    async consume (options) {
      const args = await javaArgs(jvm, 'consume', consumeOptions(bootstrap, options), options.configs)
      return jsonLines(await run('java', args)).filter((line) => 'partition' in line) as ConsumedRecord[]
    },
    async startGroupMember (options) {
      const args = await javaArgs(jvm, 'consume', { ...consumeOptions(bootstrap, options), 'timeout-ms': options.timeoutMs ?? 600_000 }, options.configs)
      const managed = startManagedProcess('java', args, { stdio: ['ignore', 'pipe', 'inherit'] })
      const events: JavaMemberEvent[] = []
      const records: ConsumedRecord[] = []
      const assigned = new Set<number>()
      const receivedAt: number[] = []
      const rebalancedAt: number[] = []
      const lines = createInterface({ input: managed.child.stdout! })
      lines.on('line', (line) => {
        if (!line.startsWith('{')) return
        const event = JSON.parse(line) as JavaMemberEvent
        events.push(event)
        if ('partition' in event) {
          records.push(event)
          receivedAt.push(Date.now())
          return
        }
        if ('event' in event && event.event !== 'committed') rebalancedAt.push(Date.now())
        if ('event' in event && event.event === 'assigned') for (const partition of event.partitions) assigned.add(partition)
        else if ('event' in event && event.event === 'revoked') for (const partition of event.partitions) assigned.delete(partition)
      })
      const closed = new Promise<void>((resolve) => lines.on('close', resolve))
      return {
        process: managed,
        events,
        records,
        assignment: () => [...assigned].sort((x, y) => x - y),
        receivedAt,
        rebalancedAt,
        summary: () => events.find((event): event is JavaConsumeSummary => 'consumed' in event),
        async leave () { await managed.stop(30_000); await closed },
        async kill () { await managed.kill(); await closed },
      }
    },
    async startProducer (options) {
      const args = await javaArgs(jvm, 'produce', {
        ...produceOptions(bootstrap, options),
        'print-acks': true,
      }, options.configs)
      // stderr dropped: the client logs a WARN per retried batch, which is the point of this producer.
      const managed = startManagedProcess('java', args, { stdio: ['pipe', 'pipe', 'ignore'] })
      const acked: number[] = []
      let last: JavaProduceResult | undefined
      createInterface({ input: managed.child.stdout! }).on('line', (line) => {
        if (!line.startsWith('{')) return
        const event = JSON.parse(line) as { ack?: number } & JavaProduceResult
        if (event.ack !== undefined) acked.push(event.ack)
        else last = event
      })
      managed.child.stdin!.on('error', () => { /* the exit code tells */ })
      managed.child.stdin!.end((options.records ?? []).map(encodeRecordLine).join('\n') + '\n')
      const finished = managed.exited.then((code) => {
        if (code !== 0 || last === undefined) throw new Error(`Java producer exited with ${code}`)
        return last
      })
      return { process: managed, acked, finished }
    },
    async fence (topic, transactionalId) {
      const lines = jsonLines(await run('java', await javaArgs(jvm, 'fence', { bootstrap, topic, 'transactional-id': transactionalId })))
      return lines[lines.length - 1]
    },
    async committedOffsets (group) {
      const lines = jsonLines(await run('java', await javaArgs(jvm, 'committed', { bootstrap, group })))
      return lines[lines.length - 1]
    },
  }
}

/** The driver's options every producer run shares. */
function produceOptions (bootstrap: string, options: JavaProduceOptions): Record<string, string | number | boolean | undefined> {
  return { bootstrap, topic: options.topic, acks: options.acks, compression: options.compression, idempotence: options.idempotence }
}

function consumeOptions (bootstrap: string, options: JavaConsumeOptions): Record<string, string | number | undefined> {
  return {
    bootstrap,
    topic: options.topic,
    group: options.group,
    isolation: options.isolation,
    expect: options.expect,
    'idle-ms': options.idleMs,
    'timeout-ms': options.timeoutMs,
    print: options.print,
  }
}
