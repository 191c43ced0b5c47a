// `tributary start`: everything Tributary has, in dependency order. Today that is the
// broker; the Connect worker and console add their starters to `services` (each gets the
// parsed flags and the services started before it).

import { Command } from 'commander'
import type { Logger } from 'pino'
import { addBrokerFlags } from '../broker-flags.ts'
import type { BrokerFlags } from '../broker-flags.ts'
import type { RunningService } from '../service-runner.ts'
import { runUntilSignal } from '../service-runner.ts'
import { startBrokerService } from './broker.ts'

export type StartFlags = BrokerFlags

type ServiceStarter = (flags: StartFlags, logger: Logger, started: readonly RunningService[]) => Promise<RunningService>

const services: ServiceStarter[] = [
  (flags, logger) => startBrokerService(flags, logger),
]

export function startCommand (logger: Logger): Command {
  return addBrokerFlags(new Command('start'))
    .description('run everything: the broker (and, as they land, the Connect worker and console)')
    .action(async (flags: StartFlags) => {
      await runUntilSignal(logger, async () => {
        const started: RunningService[] = []
        try {
          for (const starter of services) started.push(await starter(flags, logger, started))
        } catch (err) {
          for (const s of started.reverse()) await s.close().catch(() => {})
          throw err
        }
        return started
      })
    })
}
