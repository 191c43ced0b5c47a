// Connector files given to connect-standalone, read as Kafka's ConnectStandalone reads them
// (tried in order): a flat JSON string map with `name`, a JSON CreateConnectorRequest
// (`config.name` must equal `name`; `initial_state` honoured), or a Java properties file with `name`.
import type { TargetState } from '../stores/config-store.ts'
import { parseJavaProperties } from './java-properties.ts'

export interface ConnectorFileEntry { name: string, config: Record<string, string>, initialState?: TargetState }

const STATES: Record<string, TargetState> = { RUNNING: 'STARTED', PAUSED: 'PAUSED', STOPPED: 'STOPPED' }

export function parseConnectorFile (path: string, text: string): ConnectorFileEntry {
  let json: unknown
  try { json = JSON.parse(text) } catch { json = undefined }
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    const obj = json as Record<string, unknown>
    if (obj.config !== null && typeof obj.config === 'object' && !Array.isArray(obj.config)) {
      const name = typeof obj.name === 'string' ? obj.name.trim() : ''
      const config = stringMap(obj.config as Record<string, unknown>)
      if (config.name !== undefined && config.name !== name) {
        throw new Error(`Connector name configuration (${config.name}) doesn't match connector name in the URL (${name})`)
      }
      config.name = name
      const s = obj.initial_state
      const initialState = typeof s === 'string' ? STATES[s.toUpperCase()] : undefined
      if (typeof s === 'string' && initialState === undefined) throw new Error(`Invalid initial_state ${s} in ${path}`)
      return initialState === undefined ? { name, config } : { name, config, initialState }
    }
    const config = stringMap(obj)
    if (config.name === undefined) throw new Error(`Connector configuration at '${path}' is missing the mandatory 'name' property`)
    return { name: config.name, config }
  }
  const props = parseJavaProperties(text)
  if (props.name === undefined) throw new Error(`Connector configuration at '${path}' is missing the mandatory 'name' property`)
  return { name: props.name, config: props }
}

function stringMap (o: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined) out[k] = typeof v === 'object' ? JSON.stringify(v) : String(v)
  return out
}
