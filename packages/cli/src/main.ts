// The `tributary` command. Each subcommand lives in commands/<name>.ts and is imported only when
// it is the one being run (or for the top-level help): `tributary broker` then never loads the
// Connect runtime, the console or the Kafka client, and `connect-standalone` never loads the broker.

import { Command } from 'commander'
import pino from 'pino'
import type { Logger } from 'pino'

const logger = pino({ name: 'tributary', level: process.env.LOG_LEVEL ?? 'info' })

const commands: Record<string, () => Promise<(logger: Logger) => Command>> = {
  broker: async () => (await import('./commands/broker.ts')).brokerCommand,
  start: async () => (await import('./commands/start.ts')).startCommand,
  'connect-standalone': async () => (await import('./commands/connect-standalone.ts')).connectStandaloneCommand,
}

const program = new Command('tributary')
  .description('Tributary: an embedded Kafka-compatible broker, a Kafka Connect worker and a pipeline console')
const chosen = process.argv[2]
const needed = chosen !== undefined && chosen in commands ? [chosen] : Object.keys(commands)
for (const name of needed) program.addCommand((await commands[name]())(logger))

await program.parseAsync(process.argv)
