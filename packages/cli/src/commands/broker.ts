// `tributary broker`: the embedded Kafka-compatible broker alone.

import { Command } from 'commander'
import type { Logger } from 'pino'
import { startBroker } from '@tributary/broker'
import { addBrokerFlags, brokerOptionsFromFlags } from '../broker-flags.ts'
import type { BrokerFlags } from '../broker-flags.ts'
import type { RunningService } from '../service-runner.ts'
import { runUntilSignal } from '../service-runner.ts'

/** Starts the broker and prints the startup line; shared with `start`. */
export async function startBrokerService (flags: BrokerFlags, logger: Logger): Promise<RunningService> {
  const broker = await startBroker({ ...brokerOptionsFromFlags(flags), logger: logger.child({ service: 'broker' }) })
  process.stdout.write(`Tributary broker listening on ${broker.host}:${broker.port} (node ${broker.nodeId}, data dir ${broker.dataDir})\n`)
  return { name: 'broker', close: () => broker.close(), bootstrap: `${broker.host}:${broker.port}`, broker }
}

export function brokerCommand (logger: Logger): Command {
  return addBrokerFlags(new Command('broker'))
    .description('run the embedded Kafka-compatible broker alone')
    .action(async (flags: BrokerFlags) => {
      await runUntilSignal(logger, async () => [await startBrokerService(flags, logger)])
    })
}
