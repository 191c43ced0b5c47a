// Pipeline metadata (owner, ticket, description, last known config) and the change history,
// kept as two JSON files in <dataDir>/platform/, each rewritten atomically. Writes are serialised
// through one queue so concurrent requests never interleave a read-modify-write.
import { join } from 'node:path'
import { readJsonOr, writeJsonAtomic } from './atomic-file.ts'
import type { ConfigChange, ConfigMap } from './config-diff.ts'

export interface PipelineMeta {
  name: string
  owner: string
  ticket: string
  description: string
  createdAt: string
  updatedAt: string
  /** Last connector config we saw or wrote, used to detect changes made around the console. */
  config?: ConfigMap
}

export const HistoryAction = {
  created: 'created',
  updated: 'updated',
  metadata: 'metadata',
  deleted: 'deleted',
  paused: 'paused',
  resumed: 'resumed',
  stopped: 'stopped',
  restarted: 'restarted',
  taskRestarted: 'task-restarted',
  offsetsAltered: 'offsets-altered',
  offsetsReset: 'offsets-reset',
  discovered: 'discovered',
  changedOutside: 'changed-outside-console',
  removedOutside: 'removed-outside-console',
} as const
export type HistoryAction = typeof HistoryAction[keyof typeof HistoryAction]

export interface HistoryEntry {
  id: number
  pipeline: string
  at: string
  /** Who made the change, when known (X-Tributary-User header, else the owner field). */
  user: string | null
  action: HistoryAction
  diff: ConfigChange[]
  detail?: Record<string, unknown>
}

interface PipelinesFile { version: 1, pipelines: Record<string, PipelineMeta> }
interface HistoryFile { version: 1, nextId: number, entries: HistoryEntry[] }

export interface PipelineStoreOptions {
  dataDir: string
  /** Entries kept per pipeline; older ones are dropped. */
  historyLimitPerPipeline?: number
  clock?: () => Date
}

export class PipelineStore {
  #metaPath: string
  #historyPath: string
  #meta: PipelinesFile = { version: 1, pipelines: {} }
  #history: HistoryFile = { version: 1, nextId: 1, entries: [] }
  #queue: Promise<void> = Promise.resolve()
  #limit: number
  #clock: () => Date

  private constructor (options: PipelineStoreOptions) {
    const dir = join(options.dataDir, 'platform')
    this.#metaPath = join(dir, 'pipelines.json')
    this.#historyPath = join(dir, 'history.json')
    this.#limit = options.historyLimitPerPipeline ?? 500
    this.#clock = options.clock ?? (() => new Date())
  }

  static async open (options: PipelineStoreOptions): Promise<PipelineStore> {
    if (typeof options?.dataDir !== 'string' || options.dataDir === '') throw new TypeError('PipelineStore needs a dataDir')
    const store = new PipelineStore(options)
    store.#meta = await readJsonOr<PipelinesFile>(store.#metaPath, { version: 1, pipelines: {} })
    store.#history = await readJsonOr<HistoryFile>(store.#historyPath, { version: 1, nextId: 1, entries: [] })
    return store
  }

  get (name: string): PipelineMeta | undefined {
    return Object.hasOwn(this.#meta.pipelines, name) ? this.#meta.pipelines[name] : undefined
  }

  list (): PipelineMeta[] { return Object.values(this.#meta.pipelines) }

  history (name?: string): HistoryEntry[] {
    const entries = name === undefined ? this.#history.entries : this.#history.entries.filter(e => e.pipeline === name)
    return [...entries].reverse()
  }

  /** Creates or updates metadata; fields left undefined keep their value. */
  upsert (name: string, patch: Partial<Omit<PipelineMeta, 'name' | 'createdAt' | 'updatedAt'>>): Promise<PipelineMeta> {
    return this.#write(async () => {
      const now = this.#clock().toISOString()
      const previous = this.get(name)
      const next: PipelineMeta = {
        name,
        owner: patch.owner ?? previous?.owner ?? '',
        ticket: patch.ticket ?? previous?.ticket ?? '',
        description: patch.description ?? previous?.description ?? '',
        createdAt: previous?.createdAt ?? now,
        updatedAt: now,
      }
      const config = Object.hasOwn(patch, 'config') ? patch.config : previous?.config
      if (config !== undefined) next.config = config
      this.#meta.pipelines[name] = next
      await writeJsonAtomic(this.#metaPath, this.#meta)
      return next
    })
  }

  remove (name: string): Promise<void> {
    return this.#write(async () => {
      if (!Object.hasOwn(this.#meta.pipelines, name)) return
      delete this.#meta.pipelines[name]
      await writeJsonAtomic(this.#metaPath, this.#meta)
    })
  }

  record (entry: Omit<HistoryEntry, 'id' | 'at'>): Promise<HistoryEntry> {
    return this.#write(async () => {
      const full: HistoryEntry = { id: this.#history.nextId++, at: this.#clock().toISOString(), ...entry }
      this.#history.entries.push(full)
      const mine = this.#history.entries.filter(e => e.pipeline === entry.pipeline)
      if (mine.length > this.#limit) {
        const drop = new Set(mine.slice(0, mine.length - this.#limit).map(e => e.id))
        this.#history.entries = this.#history.entries.filter(e => !drop.has(e.id))
      }
      await writeJsonAtomic(this.#historyPath, this.#history)
      return full
    })
  }

  #write<T> (op: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(op)
    this.#queue = run.then(() => undefined, () => undefined)
    return run
  }
}
