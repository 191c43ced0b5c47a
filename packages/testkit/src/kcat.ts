// kcat (librdkafka, Debian's package) as a test peer. kcat -P applies the same -H headers to every
// record of a run, so records produced through it must share one header list.
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { startManagedProcess } from './managed-process.ts'
import type { ManagedProcess } from './managed-process.ts'
import type { ConsumedRecord, Header, TestRecord } from './test-records.ts'

export interface KcatProduceOptions {
  topic: string
  records: readonly TestRecord[]
  compression?: 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd'
  idempotence?: boolean
  acks?: 'all' | '-1' | '1' | '0'
  /** librdkafka properties (-X key=value). */
  configs?: Record<string, string | number | boolean>
}

export interface KcatConsumeOptions {
  topic: string
  partition?: number
  isolation?: 'read_committed' | 'read_uncommitted'
  configs?: Record<string, string | number | boolean>
}

export interface KcatGroupMember {
  readonly process: ManagedProcess
  readonly records: ConsumedRecord[]
  /** kcat's own "rebalanced … assigned: …" lines from stderr. */
  readonly rebalances: string[]
  /** Partitions currently assigned, from kcat's rebalance lines. */
  assignment (): number[]
  /** When each of `records` arrived (Date.now()), index for index. */
  readonly receivedAt: number[]
  /** When this member saw a rebalance (assignment or revocation). */
  readonly rebalancedAt: number[]
  /** SIGTERM: kcat closes its consumer, committing and leaving the group. */
  leave (): Promise<void>
  /** SIGKILL: gone without a word; the group notices by session timeout. */
  kill (): Promise<void>
}

export interface KcatMetadata {
  brokers: Array<{ id: number, name: string }>
  topics: Array<{ topic: string, partitions: Array<{ partition: number, leader: number }>, error?: string }>
}

export interface Kcat {
  produce (options: KcatProduceOptions): Promise<void>
  consume (options: KcatConsumeOptions): Promise<ConsumedRecord[]>
  startGroupMember (options: { topic: string, group: string, configs?: Record<string, string | number | boolean> }): KcatGroupMember
  metadata (): Promise<KcatMetadata>
}

const TAB = '\t'

function configArgs (configs: Record<string, string | number | boolean> = {}): string[] {
  return Object.entries(configs).flatMap(([key, value]) => ['-X', `${key}=${value}`])
}

function headerArgs (records: readonly TestRecord[]): string[] {
  const first = JSON.stringify(records[0]?.headers ?? [])
  if (records.some((record) => JSON.stringify(record.headers) !== first)) {
    throw new Error('kcat -P gives every record the same headers: make the records share one header list')
  }
  return (records[0]?.headers ?? []).flatMap(([key, value]) => ['-H', value === null ? key : `${key}=${value}`])
}

/** kcat -J record: headers come as a flat [k, v, k, v] array, absent when there are none. */
export function parseKcatRecord (line: string): ConsumedRecord {
  const json = JSON.parse(line) as { partition: number, offset: number, key: string | null, payload: string | null, headers?: Array<string | null> }
  const headers: Header[] = []
  for (let i = 0; i + 1 < (json.headers?.length ?? 0); i += 2) headers.push([json.headers![i] as string, json.headers![i + 1]])
  return { partition: json.partition, offset: json.offset, key: json.key, value: json.payload, headers }
}

function run (args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('kcat', args, { stdio: ['pipe', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    child.on('error', (error) => reject(new Error('could not run kcat', { cause: error })))
    child.on('exit', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString())
      else reject(new Error(`kcat ${args.join(' ')} exited with ${code}:\n${stderr.slice(-4000)}`))
    })
    child.stdin.on('error', () => { /* reported through the exit code */ })
    child.stdin.end(input ?? '')
  })
}

export function kcat (bootstrap: string): Kcat {
  return {
    async produce (options) {
      for (const record of options.records) {
        if (record.key === null || record.value === null || `${record.key}${record.value}`.includes(TAB) || `${record.key}${record.value}`.includes('\n')) {
          throw new Error('kcat -K produces only non-null keys and values without tabs or newlines')
        }
      }
      const args = ['-b', bootstrap, '-P', '-t', options.topic, '-K', TAB, ...headerArgs(options.records),
        '-z', options.compression ?? 'none',
        '-X', `acks=${options.acks ?? 'all'}`,
        '-X', `enable.idempotence=${options.idempotence ?? false}`,
        ...configArgs(options.configs)]
      await run(args, options.records.map((record) => `${record.key}${TAB}${record.value}`).join('\n') + '\n')
    },
    async consume (options) {
      const args = ['-b', bootstrap, '-C', '-t', options.topic, '-o', 'beginning', '-e', '-J', '-q',
        '-X', `isolation.level=${options.isolation ?? 'read_committed'}`,
        ...(options.partition === undefined ? [] : ['-p', String(options.partition)]),
        ...configArgs(options.configs)]
      return (await run(args)).split('\n').filter((line) => line.startsWith('{')).map(parseKcatRecord)
    },
    startGroupMember (options) {
      const args = ['-b', bootstrap, '-G', options.group, options.topic, '-J', '-u',
        '-X', 'auto.offset.reset=earliest', '-X', 'auto.commit.interval.ms=200',
        ...configArgs(options.configs)]
      const managed = startManagedProcess('kcat', args, { stdio: ['ignore', 'pipe', 'pipe'] })
      const records: ConsumedRecord[] = []
      const rebalances: string[] = []
      const receivedAt: number[] = []
      const rebalancedAt: number[] = []
      let assigned: number[] = []
      createInterface({ input: managed.child.stderr! }).on('line', (line) => {
        if (!line.includes('rebalanced')) return
        rebalances.push(line)
        rebalancedAt.push(Date.now())
        // "% Group g rebalanced (memberid …): assigned: t [0], t [3]" or "…: revoked: …"
        const at = line.indexOf('assigned:')
        assigned = at < 0 ? [] : [...line.slice(at).matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]))
      })
      const lines = createInterface({ input: managed.child.stdout! })
      lines.on('line', (line) => {
        if (!line.startsWith('{')) return
        records.push(parseKcatRecord(line))
        receivedAt.push(Date.now())
      })
      const closed = new Promise<void>((resolve) => lines.on('close', resolve))
      return {
        process: managed,
        records,
        rebalances,
        receivedAt,
        rebalancedAt,
        assignment: () => assigned,
        async leave () { await managed.stop(30_000); await closed },
        async kill () { await managed.kill(); await closed },
      }
    },
    async metadata () {
      return JSON.parse(await run(['-b', bootstrap, '-L', '-J'])) as KcatMetadata
    },
  }
}
