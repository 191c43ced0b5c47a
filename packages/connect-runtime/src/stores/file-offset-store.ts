// Standalone offset store: one JSON file of [key, value] pairs, rewritten temp → fsync → rename on
// every set(). The file is small (one entry per source partition), so whole-file rewrites are cheap.
import { readFileIfExists, writeFileAtomic } from './atomic-file.ts'
import { offsetKey, type OffsetStore, type SourceOffset, type SourcePartition } from './offset-store.ts'

export class FileOffsetStore implements OffsetStore {
  readonly #path: string
  readonly #data = new Map<string, SourceOffset>()
  #writing: Promise<void> = Promise.resolve()

  constructor (path: string) {
    this.#path = path
    const text = readFileIfExists(path)
    if (text !== undefined && text.trim() !== '') {
      const parsed = JSON.parse(text) as { entries: Array<[string, SourceOffset]> }
      for (const [k, v] of parsed.entries) this.#data.set(k, v)
    }
  }

  get (connector: string, partition: SourcePartition): SourceOffset | null {
    return this.#data.get(offsetKey(connector, partition)) ?? null
  }

  list (connector: string): Array<{ partition: SourcePartition, offset: SourceOffset }> {
    const out: Array<{ partition: SourcePartition, offset: SourceOffset }> = []
    for (const [k, offset] of this.#data) {
      const key = JSON.parse(k) as unknown
      // Keys of unexpected shape are ignored, as Kafka does.
      if (!Array.isArray(key) || key.length !== 2 || key[0] !== connector) continue
      if (key[1] === null || typeof key[1] !== 'object') continue
      out.push({ partition: key[1] as SourcePartition, offset })
    }
    return out
  }

  async set (connector: string, entries: Array<{ partition: SourcePartition, offset: SourceOffset | null }>): Promise<void> {
    for (const { partition, offset } of entries) {
      const k = offsetKey(connector, partition)
      if (offset === null) this.#data.delete(k)
      else this.#data.set(k, offset)
    }
    const snapshot = JSON.stringify({ entries: [...this.#data] })
    // Serialize writers so an older snapshot never lands after a newer one.
    this.#writing = this.#writing.then(() => writeFileAtomic(this.#path, snapshot))
    await this.#writing
  }
}
