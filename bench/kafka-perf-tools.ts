// Apache Kafka's own perf tools (kafka-producer-perf-test / kafka-consumer-perf-test classes from
// the Kafka jars Maven resolved), run the same way against either broker so only the broker differs.
import { spawn } from 'node:child_process'
import { ensurePeerArtifacts } from '@tributary/testkit'

export const BENCH_JVM = ['-Xmx1g', '-XX:+UseG1GC']

export interface Throughput {
  records: number
  bytes: number
  seconds: number
}

function runJava (mainClass: string, args: string[]): Promise<string> {
  return ensurePeerArtifacts('kafka').then(({ classpath }) => new Promise((resolve, reject) => {
    const child = spawn('java', [...BENCH_JVM, '-cp', classpath, mainClass, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString() })
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0) resolve(stdout)
      else reject(new Error(`${mainClass} exited with ${code}:\n${(stderr + stdout).slice(-3000)}`))
    })
  }))
}

export interface ProducerPerfOptions {
  bootstrap: string
  topic: string
  records: number
  recordBytes: number
  acks: '1' | '-1' | 'all'
  batchBytes: number
  lingerMs: number
  extraProps?: Record<string, string | number>
}

export async function producerPerf (options: ProducerPerfOptions): Promise<Throughput> {
  const props = { 'bootstrap.servers': options.bootstrap, acks: options.acks, 'batch.size': options.batchBytes, 'linger.ms': options.lingerMs, ...options.extraProps }
  const out = await runJava('org.apache.kafka.tools.ProducerPerformance', [
    '--topic', options.topic, '--num-records', String(options.records), '--record-size', String(options.recordBytes),
    '--throughput', '-1', '--producer-props', ...Object.entries(props).map(([key, value]) => `${key}=${value}`),
  ])
  // Final line: "N records sent, R records/sec (M MB/sec), …"
  const match = /(\d+) records sent, ([\d.]+) records\/sec/.exec(out.trim().split('\n').pop() ?? '')
  if (match === null) throw new Error(`unexpected ProducerPerformance output:\n${out.slice(-1000)}`)
  const records = Number(match[1])
  return { records, bytes: records * options.recordBytes, seconds: records / Number(match[2]) }
}

export interface ConsumerPerfOptions {
  bootstrap: string
  topic: string
  messages: number
  group?: string
  timeoutMs?: number
}

export async function consumerPerf (options: ConsumerPerfOptions): Promise<Throughput> {
  const out = await runJava('org.apache.kafka.tools.ConsumerPerformance', [
    '--bootstrap-server', options.bootstrap, '--topic', options.topic, '--messages', String(options.messages),
    '--timeout', String(options.timeoutMs ?? 30_000), ...(options.group === undefined ? [] : ['--group', options.group]),
  ])
  // CSV: header line, then one data line. The fetch.* columns exclude the group join time.
  const lines = out.trim().split('\n').filter((line) => line.includes(','))
  const header = lines.find((line) => line.includes('data.consumed.in.MB'))?.split(',').map((name) => name.trim())
  const values = lines[lines.length - 1].split(',').map((value) => value.trim())
  if (header === undefined) throw new Error(`unexpected ConsumerPerformance output:\n${out.slice(-1000)}`)
  const field = (name: string): number => Number(values[header.indexOf(name)])
  return {
    records: field('data.consumed.in.nMsg'),
    bytes: field('data.consumed.in.MB') * 1024 * 1024,
    seconds: field('fetch.time.ms') / 1000,
  }
}
