// A Connect MAP value is either a JS Map (any key type) or a plain object (string keys) —
// JsonConverter produces plain objects; both are accepted everywhere. Helpers below keep the
// "kind" of a map when a transform rebuilds it.

export type MapValue = Map<unknown, unknown> | Record<string, unknown>

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

export function isMapValue(value: unknown): value is MapValue {
  return value instanceof Map || isPlainObject(value)
}

export function mapEntries(value: MapValue): Array<[unknown, unknown]> {
  return value instanceof Map ? [...value.entries()] : Object.entries(value)
}

export function mapGet(value: MapValue, key: string): unknown {
  if (value instanceof Map) return value.get(key)
  return Object.hasOwn(value, key) ? value[key] : undefined
}

export function mapHas(value: MapValue, key: string): boolean {
  return value instanceof Map ? value.has(key) : Object.hasOwn(value, key)
}

/** A new map of the same kind as `like` (Map or plain object) holding `entries`. */
export function mapFromEntries(entries: Iterable<readonly [unknown, unknown]>, like?: MapValue): MapValue {
  if (like instanceof Map) return new Map(entries)
  const out: Record<string, unknown> = {}
  for (const [k, v] of entries) {
    // defineProperty: a key named "__proto__" stays an own data property
    Object.defineProperty(out, String(k), { value: v, enumerable: true, writable: true, configurable: true })
  }
  return out
}

/** Java-ish class name of a value, for Kafka's "found: <class>" messages. */
export function describeValueClass(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value !== 'object') return typeof value
  if (isPlainObject(value)) return 'Object'
  return (value as object).constructor?.name ?? 'Object'
}
