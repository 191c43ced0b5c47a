// Structural equality of Connect values (Kafka compares with Objects.deepEquals).
// int64 values compare equal whether held as number or bigint.
import { isMapValue, mapEntries } from './map-value.ts'

export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === null || b === null || a === undefined || b === undefined) return false
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) {
    return typeof a === typeof b ? a === b : Number.isInteger(typeof a === 'number' ? a : b) && BigInt(a as number) === BigInt(b as number)
  }
  if (typeof a !== 'object' || typeof b !== 'object') return false
  if (a instanceof Date) return b instanceof Date && a.getTime() === b.getTime()
  if (a instanceof Uint8Array) return b instanceof Uint8Array && bytesEqual(a, b)
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => valuesEqual(v, b[i]))
  if (isMapValue(a)) {
    if (!isMapValue(b)) return false
    const ea = mapEntries(a)
    const eb = new Map(mapEntries(b))
    return ea.length === eb.size && ea.every(([k, v]) => eb.has(k) && valuesEqual(v, eb.get(k)))
  }
  const eq = (a as { equals?: (o: unknown) => boolean }).equals
  return typeof eq === 'function' ? eq.call(a, b) : false
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
