// W5's command-line flags, parsed and validated once into one options object.
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { brokerKinds, type BrokerKind } from './connect-bench-broker.ts'
import { converterKinds, workerKinds, type ConverterKind, type WorkerKind } from './connect-worker-launchers.ts'

export interface W5Options {
  lines: number
  lineBytes: number
  workers: WorkerKind[]
  runs: number
  broker: BrokerKind
  converter: ConverterKind
  batchSize: number
  offsetFlushMs: number
  timeoutMs: number
  javaHeap?: string[]
  /** Extra node flags for Tributary's worker (experiments: heap sizing, --trace-gc …). */
  nodeOptions: string[]
  cpuProf: boolean
  workDir: string
  keep: boolean
  out?: string
}

export const W5_USAGE = `usage: node bench/connect-w5.ts [flags]
  --lines N            input lines (default 1000000)
  --line-bytes N       bytes per line incl. '\\n' (default 1024)
  --workers a,b        tributary,kafka-connect (default both, run alternately)
  --runs N             runs per worker (default 1); the table shows each run and the medians
  --broker KIND        apache (default: Apache Kafka from testkit) | embedded (tributary broker)
  --converter KIND     string (default: StringConverter) | json (JsonConverter, schemas.enable=false)
  --batch-size N       FileStreamSource batch.size (default 2000, Kafka's default)
  --offset-flush-ms N  offset.flush.interval.ms (default 10000)
  --timeout-s N        per run (default 900)
  --java-heap=FLAGS    JVM heap flags, e.g. --java-heap="-Xms256m -Xmx512m" (default connect-standalone.sh's -Xms256M -Xmx2G)
  --node-options=FLAGS extra node flags for Tributary's worker, e.g. --node-options="--max-semi-space-size=8"
  --cpu-prof           run Tributary under node --cpu-prof and summarize where its time goes
  --work-dir DIR       input cache and run directories (default $TMPDIR/tributary-bench)
  --keep               keep run directories (logs, properties, offsets, profiles)
  --out FILE           also write the results as Markdown to FILE`

function positiveInt (name: string, value: string): number {
  const n = Number(value.replaceAll('_', ''))
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, not ${JSON.stringify(value)}`)
  return n
}

function oneOf<T extends string> (name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`--${name} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`)
  return value as T
}

export function parseW5Options (argv: string[]): W5Options | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      lines: { type: 'string', default: '1000000' },
      'line-bytes': { type: 'string', default: '1024' },
      workers: { type: 'string', default: workerKinds.join(',') },
      runs: { type: 'string', default: '1' },
      broker: { type: 'string', default: 'apache' },
      converter: { type: 'string', default: 'string' },
      'batch-size': { type: 'string', default: '2000' },
      'offset-flush-ms': { type: 'string', default: '10000' },
      'timeout-s': { type: 'string', default: '900' },
      'java-heap': { type: 'string' },
      'node-options': { type: 'string', default: '' },
      'cpu-prof': { type: 'boolean', default: false },
      'work-dir': { type: 'string', default: join(tmpdir(), 'tributary-bench') },
      keep: { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) return 'help'
  const workers = values.workers.split(',').map((w) => oneOf('workers', w.trim(), workerKinds))
  if (new Set(workers).size !== workers.length) throw new Error('--workers names a worker twice')
  return {
    lines: positiveInt('lines', values.lines),
    lineBytes: positiveInt('line-bytes', values['line-bytes']),
    workers,
    runs: positiveInt('runs', values.runs),
    broker: oneOf('broker', values.broker, brokerKinds),
    converter: oneOf('converter', values.converter, converterKinds),
    batchSize: positiveInt('batch-size', values['batch-size']),
    offsetFlushMs: positiveInt('offset-flush-ms', values['offset-flush-ms']),
    timeoutMs: positiveInt('timeout-s', values['timeout-s']) * 1000,
    javaHeap: values['java-heap']?.split(/\s+/).filter((flag) => flag !== ''),
    nodeOptions: values['node-options'].split(/\s+/).filter((flag) => flag !== ''),
    cpuProf: values['cpu-prof'],
    workDir: values['work-dir'],
    keep: values.keep,
    out: values.out,
  }
}
