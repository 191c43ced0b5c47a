// Stand-in for `tributary connect-standalone worker.properties connector.properties…`, used by the
// W5 bench only while packages/cli does not have that command yet: the same assembly call
// (startConnectWorker) and one herder call per connector file, stopped cleanly on SIGTERM.
import { readFile } from 'node:fs/promises'
import { pino } from 'pino'
import { parseJavaProperties } from '../packages/connect-runtime/src/config/java-properties.ts'
import { startConnectWorker } from '../packages/connect-runtime/src/connect-worker.ts'

const [workerFile, ...connectorFiles] = process.argv.slice(2)
if (workerFile === undefined) {
  process.stderr.write('usage: connect-tributary-standalone.ts worker.properties [connector.properties ...]\n')
  process.exit(2)
}

const log = pino({ level: process.env.LOG_LEVEL ?? 'info' })
const worker = await startConnectWorker({ workerProps: parseJavaProperties(await readFile(workerFile, 'utf8')), log })
for (const file of connectorFiles) {
  const config = parseJavaProperties(await readFile(file, 'utf8'))
  await worker.herder.putConnectorConfig(config.name, config, { allowReplace: false })
}

let stopping = false
const stop = (): void => {
  if (stopping) process.exit(1)
  stopping = true
  worker.stop().then(() => process.exit(0), (error: unknown) => {
    log.error({ err: error }, 'clean shutdown failed')
    process.exit(1)
  })
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
