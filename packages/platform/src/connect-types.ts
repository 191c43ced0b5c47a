// The Kafka Connect REST shapes the platform reads (kafka-connect-spec.md §1.2).
export type ConnectorType = 'source' | 'sink' | 'unknown'

export interface TaskState {
  id: number
  state: string
  worker_id: string
  trace?: string
}

export interface ConnectorStateInfo {
  name: string
  connector: { state: string, worker_id: string, trace?: string }
  tasks: TaskState[]
  type: ConnectorType
}

export interface ConnectorInfo {
  name: string
  config: Record<string, string>
  tasks: { connector: string, task: number }[]
  type: ConnectorType
}

export type ExpandedConnectors = Record<string, { status?: ConnectorStateInfo, info?: ConnectorInfo }>

export type ActiveTopics = Record<string, { topics: string[] }>
