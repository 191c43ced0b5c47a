// `tributary start`: everything Tributary has, in dependency order: the embedded broker
// (unless --bootstrap-servers names another Kafka), then the Connect worker with the console on
// its REST port. A new service appends its starter to `services` (each gets the parsed flags
// and the services started before it).

import { Command, InvalidArgumentError } from 'commander'
import type { Logger } from 'pino'
import { addBrokerFlags } from '../broker-flags.ts'
import type { BrokerFlags } from '../broker-flags.ts'
import type { RunningService } from '../service-runner.ts'
import { runUntilSignal } from '../service-runner.ts'
import { startBrokerService } from './broker.ts'
import { connectRestPlugins, startConnectWorkerService, type WorkerStartFlags } from './connect-worker-service.ts'
import { consoleRestPlugin } from './console-service.ts'

export type StartFlags = BrokerFlags & WorkerStartFlags & { brokerPort?: number }

type ServiceStarter = (flags: StartFlags, logger: Logger, started: readonly RunningService[]) => Promise<RunningService>

const services: ServiceStarter[] = [
  // With --bootstrap-servers the worker uses that Kafka and no embedded broker is started.
  (flags, logger) => flags.bootstrapServers !== undefined
    ? Promise.resolve({ name: 'external-kafka', close: async () => {} })
    : startBrokerService({ ...flags, port: flags.brokerPort ?? flags.port }, logger),
  (flags, logger, started) => startConnectWorkerService(flags, logger, started),
]

function parsePortFlag (value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port number (0-65535)')
  return n
}

export function startCommand (logger: Logger): Command {
  return addBrokerFlags(new Command('start'))
    .option('--broker-port <port>', 'embedded broker port (same as --port; default 9092)', parsePortFlag)
    .option('--rest-port <port>', 'Connect REST API port (default 8083, 0 = random)', parsePortFlag)
    .option('--bootstrap-servers <host:port>', 'run the worker against this Kafka instead of the embedded broker')
    .option('--worker-config <file>', 'extra Connect worker properties (worker.properties keys)')
    .description('run everything: the broker and the Connect worker and the console (/ui on the REST port)')
    .action(async (flags: StartFlags) => {
      // The console's /ui and /api routes share the worker's REST port.
      if (!connectRestPlugins.includes(consoleRestPlugin)) connectRestPlugins.push(consoleRestPlugin)
      await runUntilSignal(logger, async () => {
        const started: RunningService[] = []
        try {
          for (const starter of services) started.push(await starter(flags, logger, started))
          const rest = started.find((s) => s.name === 'connect')?.url
          if (rest !== undefined) process.stdout.write(`Tributary console on ${rest.replace(/\/$/, '')}/ui/\n`)
        } catch (err) {
          for (const s of started.reverse()) await s.close().catch(() => {})
          throw err
        }
        return started
      })
    })
}
