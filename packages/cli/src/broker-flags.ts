// The flags shared by `tributary broker` and `tributary start`, and how they become
// startBroker options. Flags only override what the user actually passed, so a --config
// file's listeners / log.dirs stay in force otherwise.

import { InvalidArgumentError } from 'commander'
import type { Command } from 'commander'
import type { StartBrokerOptions } from '@tributary/broker'

export interface BrokerFlags {
  port?: number
  host?: string
  dataDir?: string
  config?: string
  override: string[]
}

function parsePort (value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port number (0-65535)')
  return n
}

function collect (value: string, previous: string[]): string[] {
  if (!value.includes('=')) throw new InvalidArgumentError('must be key=value')
  return [...previous, value]
}

export function addBrokerFlags (command: Command): Command {
  return command
    .option('--port <port>', 'port to listen on (default 9092, 0 = random)', parsePort)
    .option('--host <host>', 'address to bind (default 127.0.0.1)')
    .option('--data-dir <dir>', 'data directory (default ./data)')
    .option('--config <file>', 'a Kafka server.properties file')
    .option('--override <key=value>', 'set a broker setting (repeatable), e.g. --override num.partitions=3', collect, [])
}

export function brokerOptionsFromFlags (flags: BrokerFlags): StartBrokerOptions {
  const overrides: Record<string, string> = {}
  for (const pair of flags.override) {
    const i = pair.indexOf('=')
    overrides[pair.slice(0, i).trim()] = pair.slice(i + 1)
  }
  return {
    port: flags.port,
    host: flags.host,
    dataDir: flags.dataDir,
    configFile: flags.config,
    config: overrides,
  }
}
