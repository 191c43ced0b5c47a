// Test support: a real broker on 127.0.0.1, a random port and a fresh temp data dir.

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { startBroker } from '../broker.ts'
import type { Broker } from '../broker.ts'
import type { RawConfigValue } from '../config/broker-config.ts'

export interface TestBroker {
  broker: Broker
  dataDir: string
  bootstrap: string
  /** Closes the broker and starts a new one on the same data dir (and port). */
  restart(config?: Record<string, RawConfigValue>): Promise<Broker>
  stop(): Promise<void>
}

const quiet = pino({ level: process.env.BROKER_TEST_LOG ?? 'silent' })

export async function startTestBroker (config: Record<string, RawConfigValue> = {}): Promise<TestBroker> {
  const dataDir = await mkdtemp(join(tmpdir(), 'trib-broker-'))
  const overrides = { 'log.flush.durable': false, ...config }
  let broker = await startBroker({ host: '127.0.0.1', port: 0, dataDir, config: overrides, logger: quiet })
  const t: TestBroker = {
    get broker () { return broker },
    dataDir,
    get bootstrap () { return `127.0.0.1:${broker.boundPort}` },
    async restart (next = config) {
      const port = broker.boundPort
      await broker.close()
      broker = await startBroker({ host: '127.0.0.1', port, dataDir, config: { 'log.flush.durable': false, ...next }, logger: quiet })
      return broker
    },
    async stop () {
      await broker.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
  return t
}
