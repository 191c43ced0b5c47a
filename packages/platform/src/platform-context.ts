// What every route module receives: the Connect client, the metadata store and the monitor.
import type { ConnectClient } from './connect-client.ts'
import type { PipelineStore } from './pipeline-store.ts'
import type { PipelineMonitor } from './pipeline-monitor.ts'

export interface PlatformContext {
  connect: ConnectClient
  store: PipelineStore
  monitor: PipelineMonitor
}
