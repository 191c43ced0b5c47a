// Broker throughput, Tributary vs Apache Kafka 4.x (KRaft, single node) on this machine, one after
// the other, with the same clients and settings (see bench/README.md). Not a test.
//
//   npx node bench/broker-throughput.ts [--targets tributary,kafka] [--workloads w1,w4,group,txn]
//        [--records 300000] [--backlog-mb 1024] [--txn-records 100000] [--kafka-heap 1g] [--name NAME]
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { javaClient, startBrokerProcess } from '@tributary/testkit'
import type { BrokerProcess, TargetName } from '@tributary/testkit'
import { BENCH_JVM, consumerPerf, producerPerf } from './kafka-perf-tools.ts'
import type { Throughput } from './kafka-perf-tools.ts'

const { values: flags } = parseArgs({
  options: {
    targets: { type: 'string', default: 'tributary,kafka' },
    workloads: { type: 'string', default: 'w1,w4,group,txn' },
    records: { type: 'string', default: '300000' },
    'backlog-mb': { type: 'string', default: '1024' },
    'txn-records': { type: 'string', default: '100000' },
    'kafka-heap': { type: 'string', default: '1g' },
    name: { type: 'string', default: 'broker-throughput' },
  },
})
const targets = flags.targets.split(',') as TargetName[]
const workloads = new Set(flags.workloads.split(','))
const RECORD = 1024
const W1_RECORDS = Number(flags.records)
const BACKLOG_RECORDS = Math.round(Number(flags['backlog-mb']) * 1024 * 1024 / RECORD)
const TXN_RECORDS = Number(flags['txn-records'])
const W1 = { recordBytes: RECORD, batchBytes: 64 * 1024, lingerMs: 5 }

interface Row { workload: string, target: TargetName, result?: Throughput, peakRss?: number, error?: string }
const rows: Row[] = []

async function measure (workload: string, target: TargetName, broker: BrokerProcess, run: () => Promise<Throughput>): Promise<void> {
  process.stdout.write(`${target} ${workload} … `)
  try {
    const result = await run()
    const row = { workload, target, result, peakRss: broker.peakRssBytes() }
    rows.push(row)
    console.log(format(row))
  } catch (error) {
    const message = (error as Error).message.split('\n').slice(0, 3).join(' ')
    rows.push({ workload, target, error: message })
    console.log(`FAILED: ${message}`)
  }
}

function format (row: Row): string {
  if (row.result === undefined) return `failed: ${row.error}`
  const mb = row.result.bytes / 1024 / 1024 / row.result.seconds
  const rps = row.result.records / row.result.seconds
  return `${mb.toFixed(1)} MB/s, ${Math.round(rps)} records/s, peak RSS ${((row.peakRss ?? 0) / 1024 / 1024).toFixed(0)} MB`
}

async function benchTarget (target: TargetName): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), `tributary-bench-${target}-`))
  const broker = await startBrokerProcess(target, { dataDir: join(root, 'data'), heap: flags['kafka-heap'], config: { 'group.initial.rebalance.delay.ms': 0 } })
  const java = javaClient(broker.bootstrap, { jvm: BENCH_JVM })
  try {
    if (workloads.has('w1')) {
      for (const acks of ['1', '-1'] as const) {
        const topic = `w1-acks${acks === '1' ? '1' : 'all'}`
        await java.createTopic(topic, 6)
        await measure(`W1 produce acks=${acks}`, target, broker, () => producerPerf({ bootstrap: broker.bootstrap, topic, records: W1_RECORDS, acks, ...W1 }))
      }
    }
    if (workloads.has('w4') || workloads.has('group')) {
      await java.createTopic('backlog', 6)
      process.stdout.write(`${target} filling a ${flags['backlog-mb']} MB backlog … `)
      const fill = await producerPerf({ bootstrap: broker.bootstrap, topic: 'backlog', records: BACKLOG_RECORDS, acks: '1', ...W1 })
      console.log(`${(fill.bytes / 1024 / 1024 / fill.seconds).toFixed(1)} MB/s`)
    }
    if (workloads.has('w4')) {
      await measure('W4 drain backlog (1 consumer)', target, broker, () => consumerPerf({ bootstrap: broker.bootstrap, topic: 'backlog', messages: BACKLOG_RECORDS }))
    }
    if (workloads.has('group')) {
      await measure('group drain (3 members)', target, broker, async () => {
        const members = await Promise.all(['a', 'b', 'c'].map((name) => java.startGroupMember({
          topic: 'backlog', group: 'bench-group', print: 'count', idleMs: 10_000, timeoutMs: 600_000, configs: { 'client.id': `bench-${name}` },
        })))
        await Promise.all(members.map((member) => member.process.exited))
        const summaries = members.map((member) => member.summary())
        if (summaries.some((summary) => summary === undefined || summary.consumed === 0)) throw new Error(`a member consumed nothing: ${JSON.stringify(summaries)}`)
        const records = summaries.reduce((sum, summary) => sum + summary!.consumed, 0)
        if (records < BACKLOG_RECORDS) throw new Error(`group drained ${records} of ${BACKLOG_RECORDS} records`)
        const first = Math.min(...summaries.map((summary) => summary!.firstRecordMs))
        const last = Math.max(...summaries.map((summary) => summary!.lastRecordMs))
        return { records, bytes: summaries.reduce((sum, summary) => sum + summary!.bytes, 0), seconds: (last - first) / 1000 }
      })
    }
    if (workloads.has('txn')) {
      await java.createTopic('txn', 6)
      await measure('transactional produce (100 records/txn)', target, broker, async () => {
        const result = await java.produce({ topic: 'txn', transactionalId: 'bench-txn', recordsPerTxn: 100, generate: { count: TXN_RECORDS, valueBytes: RECORD }, configs: { 'batch.size': W1.batchBytes, 'linger.ms': W1.lingerMs } })
        return { records: result.sent, bytes: result.sent * RECORD, seconds: result.elapsedMs / 1000 }
      })
    }
  } finally {
    await broker.stop()
    await rm(root, { recursive: true, force: true })
  }
}

const command = `npx node bench/broker-throughput.ts ${process.argv.slice(2).join(' ')}`.trim()
for (const target of targets) await benchTarget(target)

const lines = [
  `# ${flags.name} — ${new Date().toISOString()}`,
  '',
  `Command: \`${command}\``,
  '',
  `Machine: ${(await import('node:os')).cpus().length} cores, Node ${process.version}, Apache Kafka 4.1.1 (KRaft, heap ${flags['kafka-heap']}), clients: Kafka's ProducerPerformance/ConsumerPerformance and the testkit Java driver (kafka-clients 4.1.1, ${BENCH_JVM.join(' ')}).`,
  `W1: ${W1_RECORDS} × 1 KiB records to 6 partitions, batch.size 64 KiB, linger.ms 5. W4/group: ${BACKLOG_RECORDS} × 1 KiB backlog. txn: ${TXN_RECORDS} × 1 KiB, 100 records per transaction.`,
  '',
  '| workload | target | MB/s | records/s | broker peak RSS (VmHWM) | Tributary/Kafka |',
  '| --- | --- | ---: | ---: | ---: | ---: |',
]
for (const row of rows) {
  const mbs = row.result === undefined ? undefined : row.result.bytes / 1024 / 1024 / row.result.seconds
  const other = rows.find((candidate) => candidate.workload === row.workload && candidate.target === 'kafka')
  const kafkaMbs = other?.result === undefined ? undefined : other.result.bytes / 1024 / 1024 / other.result.seconds
  const ratio = row.target === 'tributary' && mbs !== undefined && kafkaMbs !== undefined ? (mbs / kafkaMbs).toFixed(2) : ''
  lines.push(row.result === undefined
    ? `| ${row.workload} | ${row.target} | failed: ${row.error?.replace(/\|/g, '/')} | | | |`
    : `| ${row.workload} | ${row.target} | ${mbs!.toFixed(1)} | ${Math.round(row.result.records / row.result.seconds)} | ${((row.peakRss ?? 0) / 1024 / 1024).toFixed(0)} MB | ${ratio} |`)
}
const report = lines.join('\n') + '\n'
console.log('\n' + report)
await mkdir(new URL('./results/', import.meta.url), { recursive: true })
const file = new URL(`./results/${new Date().toISOString().slice(0, 10)}-${flags.name}.md`, import.meta.url)
await writeFile(file, report)
console.log(`recorded in ${file.pathname}`)
