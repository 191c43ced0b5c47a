// Request bodies bound the way Kafka Connect's Jackson binding does: config maps are
// Map<String,String> (numbers and booleans coerced to strings, nulls kept for validation to
// reject), and anything that does not bind is a 500 carrying Jackson-like wording.
import { ConnectRestError } from '../connect-rest-error.ts'

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

function tokenOf (v: unknown): string {
  if (Array.isArray(v)) return 'Array value (token `JsonToken.START_ARRAY`)'
  if (isObject(v)) return 'Object value (token `JsonToken.START_OBJECT`)'
  if (typeof v === 'string') return 'String value (token `JsonToken.VALUE_STRING`)'
  if (typeof v === 'number') return `${Number.isInteger(v) ? 'Integer' : 'Floating-point'} value (token \`JsonToken.VALUE_NUMBER_${Number.isInteger(v) ? 'INT' : 'FLOAT'}\`)`
  return 'value'
}

export function bindError (message: string): ConnectRestError {
  return new ConnectRestError('INTERNAL', message)
}

export function bindConfigMap (body: unknown): Record<string, string | null> {
  if (body === null || body === undefined) return {}
  if (!isObject(body)) {
    throw bindError(`Cannot deserialize value of type \`java.util.HashMap<java.lang.String,java.lang.String>\` from ${tokenOf(body)}`)
  }
  const out: Record<string, string | null> = {}
  for (const [k, v] of Object.entries(body)) {
    if (v === null) out[k] = null
    else if (typeof v === 'string') out[k] = v
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v)
    else throw bindError(`Cannot deserialize value of type \`java.lang.String\` from ${tokenOf(v)}`)
  }
  return out
}

/** Binds a JSON object to an entity with the given known fields; unknown fields fail like Jackson. */
export function bindEntity (body: unknown, javaClass: string, fields: readonly string[]): Record<string, unknown> {
  if (!isObject(body)) {
    throw bindError(`Cannot deserialize value of type \`${javaClass}\` from ${tokenOf(body)}`)
  }
  for (const k of Object.keys(body)) {
    if (!fields.includes(k)) {
      throw bindError(`Unrecognized field "${k}" (class ${javaClass}), not marked as ignorable (${fields.length} known properties: ${fields.map((f) => `"${f}"`).join(', ')})`)
    }
  }
  return body
}

export function isPlainObject (v: unknown): v is Record<string, unknown> { return isObject(v) }

/** Jersey binds a Boolean query parameter with Boolean.valueOf: "true" in any case, else false. */
export function queryBoolean (v: unknown): boolean {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' && s.toLowerCase() === 'true'
}
