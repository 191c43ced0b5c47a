// Source offsets. Keys are Kafka's offset-topic keys: JSON `["<connector>", {<source partition>}]`;
// values are the offset map (null = reset). The standalone store keeps them in one JSON file
// (offset.storage.file.filename); a distributed store will keep the same keys in a compacted topic.

export type SourcePartition = Record<string, unknown>
export type SourceOffset = Record<string, unknown>

export interface OffsetStore {
  get (connector: string, partition: SourcePartition): SourceOffset | null
  /** Every partition this connector ever committed with a live (non-null) offset. */
  list (connector: string): Array<{ partition: SourcePartition, offset: SourceOffset }>
  /** Writes offsets (null = tombstone) and makes them durable before resolving. */
  set (connector: string, entries: Array<{ partition: SourcePartition, offset: SourceOffset | null }>): Promise<void>
}

export function offsetKey (connector: string, partition: SourcePartition): string {
  return JSON.stringify([connector, canonical(partition)])
}

/** Key order must not matter: {"a":1,"b":2} and {"b":2,"a":1} name the same partition. */
function canonical (value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(value).sort()) out[k] = canonical((value as Record<string, unknown>)[k])
  return out
}

/** Kafka's OffsetUtils.validateFormat: string keys, primitive values. */
export function validateOffsetFormat (what: 'partition' | 'offset', map: unknown): string | undefined {
  if (map === null || map === undefined) return undefined
  if (typeof map !== 'object' || Array.isArray(map)) return `Offsets may only use String keys`
  for (const [k, v] of Object.entries(map)) {
    if (v !== null && typeof v === 'object') {
      return `Offsets may only contain primitive types as values, but field ${k} contains ${Array.isArray(v) ? 'java.util.ArrayList' : 'java.util.HashMap'}`
    }
  }
  void what
  return undefined
}
