// The Kafka an end-to-end Connect test runs against: the embedded broker by default, a real Apache
// Kafka from testkit under CI=true (or with TRIBUTARY_CONNECT_TEST_KAFKA=apache; =embedded forces
// the broker). Apache Kafka needs Java: without it the test is skipped, except under CI=true.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestContext } from 'node:test'

export interface TestKafka { bootstrap: string, kind: 'embedded' | 'apache', stop (): Promise<void> }

export async function startTestKafka (t: TestContext): Promise<TestKafka | null> {
  const asked = process.env.TRIBUTARY_CONNECT_TEST_KAFKA
  const kind = asked === 'apache' || asked === 'embedded' ? asked : process.env.CI === 'true' ? 'apache' : 'embedded'
  if (kind === 'apache') {
    const testkit = await import('@tributary/testkit')
    if (!testkit.skipUnless(t, ['java'])) return null
    const kafka = await testkit.startApacheKafka({ overrides: { 'group.initial.rebalance.delay.ms': 0, 'offsets.topic.num.partitions': 1 } })
    return { bootstrap: kafka.bootstrap, kind, stop: () => kafka.stop() }
  }
  const { startBroker } = await import('@tributary/broker')
  const dataDir = await mkdtemp(join(tmpdir(), 'connect-broker-'))
  const { pino } = await import('pino')
  const broker = await startBroker({ host: '127.0.0.1', port: 0, dataDir, config: { 'group.initial.rebalance.delay.ms': 0 }, logger: pino({ level: process.env.TRIBUTARY_TEST_LOG ?? 'silent' }) })
  return { bootstrap: `127.0.0.1:${broker.port}`, kind, stop: () => broker.close() }
}
