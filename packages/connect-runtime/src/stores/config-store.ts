// Connector configs, target states and task configs: what the herder persists. The standalone
// implementation is a JSON file; a distributed one will be the compacted config topic with the
// same records (connector-<c>, target-state-<c>, task-<c>-<n> + commit-<c>).

export const TargetStates = { STARTED: 'STARTED', PAUSED: 'PAUSED', STOPPED: 'STOPPED' } as const
export type TargetState = typeof TargetStates[keyof typeof TargetStates]

export interface ConnectorRecord {
  config: Record<string, string>
  targetState: TargetState
  taskConfigs: Array<Record<string, string>>
}

export interface ConfigStore {
  snapshot (): ReadonlyMap<string, ConnectorRecord>
  get (name: string): ConnectorRecord | undefined
  putConnectorConfig (name: string, config: Record<string, string>, targetState?: TargetState): Promise<void>
  putTargetState (name: string, state: TargetState): Promise<void>
  putTaskConfigs (name: string, configs: Array<Record<string, string>>): Promise<void>
  remove (name: string): Promise<void>
}
