// One fetch wrapper: every failure names the call that failed and Connect's or the platform's
// message, e.g. "POST /api/pipelines failed (400): Connector configuration is invalid …".
import type { ConfigInfos, ConfigKeyInfo, HistoryEntry, LineageGraph, Offsets, PipelineDetail, PipelineSummary, PlatformSeries, PluginInfo, Series } from './types.ts'

export class ApiError extends Error {
  readonly status: number
  constructor (message: string, status: number) {
    super(message)
    this.name = 'ApiError'
    this.status = status
  }
}

const USER_KEY = 'tributary.user'
export const currentUser = (): string => localStorage.getItem(USER_KEY) ?? ''
export const setCurrentUser = (user: string): void => { localStorage.setItem(USER_KEY, user) }

async function call<T> (method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {}
  if (body !== undefined) headers['content-type'] = 'application/json'
  const user = currentUser()
  if (user !== '') headers['x-tributary-user'] = user
  let res: Response
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  } catch (err) {
    throw new ApiError(`${method} ${path} failed: the server could not be reached (${(err as Error).message})`, 0)
  }
  const text = await res.text()
  let parsed: unknown = null
  try { parsed = text === '' ? null : JSON.parse(text) } catch { parsed = text }
  if (!res.ok) {
    const message = parsed !== null && typeof parsed === 'object' && 'message' in parsed ? String((parsed as { message: unknown }).message) : (text || res.statusText)
    // The platform already prefixes Connect failures with the call; keep the outer call too.
    throw new ApiError(`${method} ${path} failed (${res.status}): ${message}`, res.status)
  }
  return parsed as T
}

const enc = encodeURIComponent
export interface MetaInput { owner: string, ticket: string, description: string }

export const api = {
  pipelines: () => call<PipelineSummary[]>('GET', '/api/pipelines'),
  pipeline: (name: string) => call<PipelineDetail>('GET', `/api/pipelines/${enc(name)}`),
  history: (name: string) => call<HistoryEntry[]>('GET', `/api/pipelines/${enc(name)}/history`),
  allHistory: () => call<HistoryEntry[]>('GET', '/api/history'),
  series: (name: string) => call<Series>('GET', `/api/pipelines/${enc(name)}/series`),
  platformSeries: () => call<PlatformSeries>('GET', '/api/overview/series'),
  create: (name: string, config: Record<string, string>, meta: MetaInput) => call('POST', '/api/pipelines', { name, config, ...meta }),
  update: (name: string, config: Record<string, string>, meta: MetaInput) => call('PUT', `/api/pipelines/${enc(name)}`, { config, ...meta }),
  remove: (name: string) => call('DELETE', `/api/pipelines/${enc(name)}`),
  action: (name: string, action: string) => call('POST', `/api/pipelines/${enc(name)}/actions/${action}`),
  bulkAction: (names: string[], action: string) => call<{ results: { name: string, ok: boolean, message?: string }[] }>('POST', '/api/pipelines/actions', { names, action }),
  restartTask: (name: string, task: number) => call('POST', `/api/pipelines/${enc(name)}/tasks/${task}/restart`),
  offsets: (name: string) => call<Offsets>('GET', `/api/pipelines/${enc(name)}/offsets`),
  alterOffsets: (name: string, offsets: Offsets) => call<{ message: string }>('PATCH', `/api/pipelines/${enc(name)}/offsets`, offsets),
  resetOffsets: (name: string) => call<{ message: string }>('DELETE', `/api/pipelines/${enc(name)}/offsets`),
  lineage: (focus: { pipeline?: string, topic?: string }) => {
    const q = new URLSearchParams(focus as Record<string, string>).toString()
    return call<LineageGraph>('GET', `/api/lineage${q ? `?${q}` : ''}`)
  },
  refresh: () => call('POST', '/api/refresh'),
  plugins: () => call<PluginInfo[]>('GET', '/api/connect/connector-plugins'),
  pluginConfig: (plugin: string) => call<ConfigKeyInfo[]>('GET', `/api/connect/connector-plugins/${enc(plugin)}/config`),
  validate: (plugin: string, config: Record<string, string>) => call<ConfigInfos>('PUT', `/api/connect/connector-plugins/${enc(plugin)}/config/validate`, config),
}
