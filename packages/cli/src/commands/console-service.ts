// The console (@tributary/platform serving the built @tributary/console) on the Connect worker's
// REST port: `tributary start` mounts it so /ui and /api/... answer next to the Connect REST API.
// Lag comes from the embedded broker's group coordinator, or from an external Kafka's admin API.
import { createConsolePlugin, createKafkaOffsetSource } from '@tributary/platform'
import type { BrokerWithGroups } from '@tributary/platform'
import type { ConnectRestPluginFactory } from './connect-worker-service.ts'

export const consoleRestPlugin: ConnectRestPluginFactory = async (ctx) => createConsolePlugin({
  dataDir: ctx.dataDir,
  registry: ctx.registry,
  ...(ctx.broker !== undefined
    ? { broker: ctx.broker as BrokerWithGroups }
    : { offsets: await createKafkaOffsetSource({ bootstrapServers: ctx.bootstrapServers.split(',').map((s) => s.trim()) }) }),
})
