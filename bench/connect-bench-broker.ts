// The one broker both workers are measured against: a real Apache Kafka (testkit, the default) or
// Tributary's embedded broker run as its own process (`tributary broker`), so that in both cases
// the broker's memory and CPU are outside the worker's numbers. Topics are made and removed here.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createInterface } from 'node:readline'
import { Admin } from '@platformatic/kafka'
import { startApacheKafka, startManagedProcess } from '@tributary/testkit'

export const brokerKinds = ['apache', 'embedded'] as const
export type BrokerKind = typeof brokerKinds[number]

export interface BenchBroker {
  kind: BrokerKind
  bootstrap: string
  describe: string
  createTopic (name: string): Promise<void>
  deleteTopic (name: string): Promise<void>
  stop (): Promise<void>
}

const tributaryCli = fileURLToPath(new URL('../packages/cli/bin/tributary.js', import.meta.url))

export async function startBenchBroker (kind: BrokerKind): Promise<BenchBroker> {
  const started = kind === 'apache' ? await startApache() : await startEmbedded()
  const admin = new Admin({ clientId: 'w5-bench-admin', bootstrapBrokers: [started.bootstrap], retries: 5, retryDelay: 250 })
  return {
    kind,
    bootstrap: started.bootstrap,
    describe: started.describe,
    async createTopic (name) {
      await admin.createTopics({ topics: [name], partitions: 1, replicas: 1 })
    },
    async deleteTopic (name) {
      await admin.deleteTopics({ topics: [name] })
    },
    async stop () {
      await admin.close().catch(() => {})
      await started.stop()
    },
  }
}

async function startApache (): Promise<{ bootstrap: string, describe: string, stop: () => Promise<void> }> {
  // A 1 GiB heap: W5 pushes a GiB of records through it, and the broker must not be the bottleneck.
  const kafka = await startApacheKafka({ heap: '1g' })
  return { bootstrap: kafka.bootstrap, describe: `Apache Kafka ${kafka.version} (KRaft, single node, -Xmx1g)`, stop: () => kafka.stop() }
}

async function startEmbedded (): Promise<{ bootstrap: string, describe: string, stop: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'w5-embedded-broker-'))
  const broker = startManagedProcess(process.execPath, [tributaryCli, 'broker', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir,
    '--override', 'group.initial.rebalance.delay.ms=0'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LOG_LEVEL: 'warn' } })
  const lines = createInterface({ input: broker.child.stdout! })
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the embedded broker did not print its startup line within 60 s')), 60_000)
    lines.on('line', (line) => {
      const match = /listening on [^:]+:(\d+)/.exec(line)
      if (match !== null) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    })
    void broker.exited.then((code) => reject(new Error(`the embedded broker exited (${code}) during startup`)))
  })
  return {
    bootstrap: `127.0.0.1:${port}`,
    describe: 'Tributary embedded broker (`tributary broker`, own process)',
    async stop () {
      lines.close()
      await broker.stop(20_000)
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
