// Shapes returned by the platform API (/api/...) and the Kafka Connect REST API (/api/connect/...).
export type LagStatus = 'OK' | 'WARN' | 'STALL' | 'STOP' | 'ERR'

export interface TaskState { id: number, state: string, worker_id: string, trace?: string }

export interface ConnectorStatus {
  name: string
  connector: { state: string, worker_id: string, trace?: string }
  tasks: TaskState[]
  type: string
}

export interface PipelineSummary {
  name: string
  type: 'source' | 'sink' | 'unknown'
  plugin: string
  state: string
  tasks: TaskState[]
  topics: string[]
  owner: string | null
  ticket: string | null
  description: string | null
  updatedAt: string | null
  inRate: number
  outRate: number
  errors: number
  dlq: number
  lag: number | null
  lagStatus: LagStatus | null
}

export interface PartitionLagReport {
  topic: string
  partition: number
  committedOffset: number
  logEndOffset: number
  lag: number
  status: string
}

export interface LagReport {
  groupId: string
  status: LagStatus
  totalLag: number
  partitions: PartitionLagReport[]
  error?: string
}

export interface PipelineDetail extends PipelineSummary {
  config: Record<string, string>
  status: ConnectorStatus | null
  createdAt: string | null
  lagReport: LagReport | null
}

export interface ConfigChange { key: string, kind: 'added' | 'removed' | 'changed', before?: string, after?: string }

export interface HistoryEntry {
  id: number
  pipeline: string
  at: string
  user: string | null
  action: string
  diff: ConfigChange[]
  detail?: Record<string, unknown>
}

export interface Sample {
  t: number
  inRate: number
  outRate: number
  errors: number
  dlq: number
  lag: number | null
  lagStatus: LagStatus | null
  partitions: { topic: string, partition: number, lag: number }[]
}

export interface Series { intervalMs: number, samples: Sample[], lag: LagReport | null }

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

export interface ConfigInfos {
  name: string
  error_count: number
  groups: string[]
  configs: { definition: ConfigKeyInfo | null, value: { name: string, value: string | null, recommended_values: string[], errors: string[], visible: boolean } | null }[]
}

export interface LineageNode { id: string, kind: 'system' | 'source' | 'sink' | 'connector' | 'topic', label: string, column: number, state?: string, systemKind?: string }
export interface LineageEdge { from: string, to: string, observed: boolean, dlq?: boolean }
export interface LineageGraph { nodes: LineageNode[], edges: LineageEdge[] }

export interface Offsets { offsets: { partition: Record<string, unknown>, offset: Record<string, unknown> | null }[] }

export interface PlatformSample { t: number, inRate: number, outRate: number, lag: number }
export interface PlatformSeries { intervalMs: number, samples: PlatformSample[] }
