// JSON text in and out. Reading keeps what JSON.parse would lose: integers beyond 2^53 and the
// exact digits of decimals come back as ExactNumber (only when the text may need it, so the
// common case stays a plain JSON.parse). Writing quotes strings exactly as JSON.stringify does.
import { DataError } from '@tributary/connect-api'

/** A JSON number whose exact text matters: an unsafe integer, or a fraction/exponent form. */
export class ExactNumber {
  readonly text: string
  constructor(text: string) {
    this.text = text
  }

  /** Distinct from any string or number in cache keys built with JSON.stringify. */
  toJSON(): string {
    return `\u0000number:${this.text}`
  }

  get isIntegral(): boolean {
    return /^-?\d+$/.test(this.text)
  }
}

export type JsonNode = null | boolean | number | string | ExactNumber | JsonNode[] | { [key: string]: JsonNode }

const SAFE_INT = /^-?\d{1,15}$/

/** True when a plain JSON.parse may have rounded an integer (one beyond ±2^53 is in the tree). */
function hasUnsafeInteger(node: unknown): boolean {
  if (typeof node === 'number') return Number.isInteger(node) && !Number.isSafeInteger(node)
  if (node === null || typeof node !== 'object') return false
  if (Array.isArray(node)) {
    for (const v of node) if (hasUnsafeInteger(v)) return true
    return false
  }
  for (const k in node) if (hasUnsafeInteger((node as Record<string, unknown>)[k])) return true
  return false
}

interface ReviverContext {
  source?: string
}

function exactReviver(_key: string, value: unknown, context?: ReviverContext): unknown {
  if (typeof value === 'number' && context?.source !== undefined && !SAFE_INT.test(context.source)) {
    return new ExactNumber(context.source)
  }
  return value
}

export interface ParsedJson {
  node: JsonNode
  /** True when numbers may be ExactNumber; false means the tree is plain JSON.parse output. */
  exact: boolean
}

export function bytesToText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
}

/** Parses JSON text; throws DataError with Kafka's message on malformed input. */
/**
 * `exact`: true forces the digit-preserving parse, false skips it (the caller knows no int64 or
 * decimal can be in the text), undefined looks at the text.
 */
export function parseJsonText(text: string, exactMode?: boolean): ParsedJson {
  try {
    if (exactMode === true) return { node: JSON.parse(text, exactReviver as (k: string, v: unknown) => unknown) as JsonNode, exact: true }
    // the common case: one plain parse; parse again keeping digits only when something was rounded
    const node = JSON.parse(text) as JsonNode
    if (exactMode === false || !(text.includes('connect.data.Decimal') || hasUnsafeInteger(node))) return { node, exact: false }
    return { node: JSON.parse(text, exactReviver as (k: string, v: unknown) => unknown) as JsonNode, exact: true }
  } catch (err) {
    throw new DataError('Converting byte[] to Kafka Connect data failed due to serialization error: ', { cause: err })
  }
}

export function parseJson(bytes: Uint8Array): JsonNode {
  return parseJsonText(bytesToText(bytes)).node
}

// Characters where Jackson and JSON.stringify write different escapes: controls with hex letters
// (Jackson's hex is upper-case) and surrogates (Jackson escapes every UTF-16 surrogate, even in pairs).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const JACKSON_SPECIAL = /[\u0000-\u001f\ud800-\udfff]/
const SHORT_ESCAPES: Readonly<Record<number, string>> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' }

/** A JSON string literal exactly as Jackson (Kafka's JsonConverter) writes it. */
export function quoteJson(s: string): string {
  if (!JACKSON_SPECIAL.test(s)) return JSON.stringify(s)
  let out = '"'
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 34) out += '\\"'
    else if (c === 92) out += '\\\\'
    else if (c < 32 || (c >= 0xd800 && c <= 0xdfff)) out += SHORT_ESCAPES[c] ?? `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`
    else out += s[i]
  }
  return `${out}"`
}

/** The JSON node type name Kafka prints in messages (Jackson's JsonNodeType). */
export function nodeTypeName(node: JsonNode | undefined): string {
  if (node === null || node === undefined) return 'NULL'
  if (Array.isArray(node)) return 'ARRAY'
  if (node instanceof ExactNumber || typeof node === 'number') return 'NUMBER'
  if (typeof node === 'boolean') return 'BOOLEAN'
  if (typeof node === 'string') return 'STRING'
  return 'OBJECT'
}

export function isJsonObject(node: JsonNode | undefined): node is { [key: string]: JsonNode } {
  return node !== null && typeof node === 'object' && !Array.isArray(node) && !(node instanceof ExactNumber)
}
