// A broker in its own process, so tests can kill -9 it. Prints {"port": n} once listening.
// Usage: node broker-process.ts <dataDir> <port> [json config overrides]

import pino from 'pino'
import { startBroker } from '../../broker.ts'

const [dataDir, port, config] = process.argv.slice(2)
const broker = await startBroker({
  host: '127.0.0.1',
  port: Number(port),
  dataDir,
  config: config ? JSON.parse(config) : {},
  logger: pino({ level: 'silent' }),
})
process.stdout.write(JSON.stringify({ port: broker.port }) + '\n')
