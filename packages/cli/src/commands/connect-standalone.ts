// `tributary connect-standalone worker.properties [connector.properties|connector.json ...]`, as
// Kafka's connect-standalone.sh: the worker reads its properties file, then creates (or replaces)
// each connector given on the command line before reporting healthy. A connector that cannot be
// created stops the worker with exit code 3.
import { readFile } from 'node:fs/promises'
import { Command } from 'commander'
import type { Logger } from 'pino'
import { parseConnectorFile, parseJavaProperties, startConnectWorker, type ConnectorFileEntry } from '@tributary/connect-runtime'
import { runUntilSignal } from '../service-runner.ts'

export function connectStandaloneCommand (logger: Logger): Command {
  return new Command('connect-standalone')
    .description('run a standalone Kafka Connect worker (worker.properties, then connector files)')
    .argument('<worker.properties>', 'worker configuration (bootstrap.servers, key.converter, value.converter, offset.storage.file.filename, listeners …)')
    .argument('[connectors...]', 'connector configurations: .properties or .json')
    .action(async (workerFile: string, connectorFiles: string[]) => {
      let connectorFailed = false
      await runUntilSignal(logger, async () => {
        const workerProps = parseJavaProperties(await readFile(workerFile, 'utf8'))
        const connectors: ConnectorFileEntry[] = []
        for (const f of connectorFiles) connectors.push(parseConnectorFile(f, await readFile(f, 'utf8')))
        let worker
        try {
          worker = await startConnectWorker({ workerProps, log: logger.child({ service: 'connect' }), connectors })
        } catch (err) {
          connectorFailed = connectors.length > 0 && !/configuration|Invalid value|Missing required/.test((err as Error).message)
          throw err
        }
        process.stdout.write(`Tributary Connect worker (standalone) REST API on ${worker.url}\n`)
        return [{ name: 'connect', close: () => worker.stop() }]
      })
      if (connectorFailed) process.exitCode = 3
    })
}
