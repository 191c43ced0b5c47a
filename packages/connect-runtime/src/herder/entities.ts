// Kafka Connect's REST entities (R/rest/entities), as plain JSON shapes.

export interface ServerInfo { version: string, commit: string, kafka_cluster_id: string | null }
export interface ConnectorTaskId { connector: string, task: number }
export type ConnectorType = 'source' | 'sink' | 'unknown'
export interface ConnectorInfo {
  name: string
  config: Record<string, string>
  tasks: ConnectorTaskId[]
  type: ConnectorType
}
export interface TaskInfo { id: ConnectorTaskId, config: Record<string, string> }

export const States = {
  UNASSIGNED: 'UNASSIGNED',
  RUNNING: 'RUNNING',
  PAUSED: 'PAUSED',
  FAILED: 'FAILED',
  RESTARTING: 'RESTARTING',
  STOPPED: 'STOPPED',
} as const
export type State = typeof States[keyof typeof States]

export interface AbstractState { state: State, worker_id: string, trace?: string }
export interface TaskState extends AbstractState { id: number }
export interface ConnectorStateInfo {
  name: string
  connector: AbstractState
  tasks: TaskState[]
  type: ConnectorType
}

export interface ConnectorOffset { partition: Record<string, unknown>, offset: Record<string, unknown> | null }
export interface ConnectorOffsets { offsets: ConnectorOffset[] }

export interface PluginInfo { class: string, type: string, version?: string }

export interface ConfigKeyInfo {
  name: string
  type: string
  required: boolean
  default_value: string | null
  importance: string
  documentation: string
  group: string | null
  order: number
  width: string
  display_name: string
  dependents: string[]
}
export interface ConfigValueInfo {
  name: string
  value: string | null
  recommended_values: string[]
  errors: string[]
  visible: boolean
}
export interface ConfigInfos {
  name: string
  error_count: number
  groups: string[]
  configs: Array<{ definition: ConfigKeyInfo | null, value: ConfigValueInfo | null }>
}

export interface LoggerLevel { level: string, last_modified: number | null }
export interface WorkerHealth { status: 'healthy' | 'starting' | 'unhealthy', message: string }
