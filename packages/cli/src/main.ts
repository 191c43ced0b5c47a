// The `tributary` command. Each subcommand lives in commands/<name>.ts.

import { Command } from 'commander'
import pino from 'pino'
import { brokerCommand } from './commands/broker.ts'
import { startCommand } from './commands/start.ts'
import { connectStandaloneCommand } from './commands/connect-standalone.ts'

const logger = pino({ name: 'tributary', level: process.env.LOG_LEVEL ?? 'info' })

const program = new Command('tributary')
  .description('Tributary: an embedded Kafka-compatible broker, a Kafka Connect worker and a pipeline console')
  .addCommand(brokerCommand(logger))
  .addCommand(startCommand(logger))
  .addCommand(connectStandaloneCommand(logger))

await program.parseAsync(process.argv)
