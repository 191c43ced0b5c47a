// Standalone config store: connectors survive a restart because every change rewrites one JSON
// file (temp → fsync → rename) before the call resolves.
import { readFileIfExists, writeFileAtomic } from './atomic-file.ts'
import type { ConfigStore, ConnectorRecord, TargetState } from './config-store.ts'

export class FileConfigStore implements ConfigStore {
  readonly #path: string | undefined
  readonly #connectors = new Map<string, ConnectorRecord>()
  #writing: Promise<void> = Promise.resolve()

  /** path undefined = memory only (Kafka's MemoryConfigBackingStore). */
  constructor (path: string | undefined) {
    this.#path = path
    const text = path === undefined ? undefined : readFileIfExists(path)
    if (text !== undefined && text.trim() !== '') {
      const parsed = JSON.parse(text) as { connectors: Record<string, ConnectorRecord> }
      for (const [name, rec] of Object.entries(parsed.connectors)) this.#connectors.set(name, rec)
    }
  }

  snapshot (): ReadonlyMap<string, ConnectorRecord> { return this.#connectors }
  get (name: string): ConnectorRecord | undefined { return this.#connectors.get(name) }

  async putConnectorConfig (name: string, config: Record<string, string>, targetState?: TargetState): Promise<void> {
    const prev = this.#connectors.get(name)
    this.#connectors.set(name, {
      config: { ...config },
      targetState: targetState ?? prev?.targetState ?? 'STARTED',
      taskConfigs: prev?.taskConfigs ?? [],
    })
    await this.#persist()
  }

  async putTargetState (name: string, state: TargetState): Promise<void> {
    const rec = this.#connectors.get(name)
    if (rec === undefined) return
    rec.targetState = state
    await this.#persist()
  }

  async putTaskConfigs (name: string, configs: Array<Record<string, string>>): Promise<void> {
    const rec = this.#connectors.get(name)
    if (rec === undefined) return
    rec.taskConfigs = configs.map((c) => ({ ...c }))
    await this.#persist()
  }

  async remove (name: string): Promise<void> {
    this.#connectors.delete(name)
    await this.#persist()
  }

  async #persist (): Promise<void> {
    if (this.#path === undefined) return
    const path = this.#path
    const text = JSON.stringify({ connectors: Object.fromEntries(this.#connectors) }, null, 1)
    this.#writing = this.#writing.then(() => writeFileAtomic(path, text))
    await this.#writing
  }
}
