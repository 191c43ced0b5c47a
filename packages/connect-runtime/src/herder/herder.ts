// The control plane as the REST layer sees it: one call per route. Standalone and (later)
// distributed herders implement the same interface over different stores.
import type { TargetState } from '../stores/config-store.ts'
import type {
  ConfigInfos, ConfigKeyInfo, ConnectorInfo, ConnectorOffsets, ConnectorStateInfo, PluginInfo,
  ServerInfo, TaskInfo, TaskState, WorkerHealth,
} from './entities.ts'

export interface PutConfigResult { created: boolean, info: ConnectorInfo }

export interface Herder {
  serverInfo (): ServerInfo
  health (): { httpStatus: number, body: WorkerHealth }
  connectors (): string[]
  connectorInfo (name: string): ConnectorInfo
  connectorConfig (name: string): Record<string, string>
  putConnectorConfig (name: string, config: Record<string, string>, opts: { allowReplace: boolean, initialState?: TargetState }): Promise<PutConfigResult>
  patchConnectorConfig (name: string, patch: Record<string, string | null>): Promise<ConnectorInfo>
  deleteConnector (name: string): Promise<void>
  connectorStatus (name: string): ConnectorStateInfo
  taskInfos (name: string): TaskInfo[]
  taskStatus (name: string, task: number): TaskState
  /** Legacy restart (no params): null; KIP-745 restart: the status with RESTARTING marks. */
  restartConnector (name: string, opts: { includeTasks: boolean, onlyFailed: boolean } | null): Promise<ConnectorStateInfo | null>
  restartTask (name: string, task: number): Promise<void>
  pause (name: string): Promise<void>
  resume (name: string): Promise<void>
  stop (name: string): Promise<void>
  offsets (name: string): Promise<ConnectorOffsets>
  alterOffsets (name: string, offsets: ConnectorOffsets['offsets']): Promise<string>
  resetOffsets (name: string): Promise<string>
  activeTopics (name: string): string[]
  resetActiveTopics (name: string): void
  plugins (connectorsOnly: boolean): PluginInfo[]
  pluginConfig (plugin: string): ConfigKeyInfo[]
  validate (pluginType: string, config: Record<string, string>): Promise<ConfigInfos>
}
