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

const LONG_DIGITS = /\d{16}/
const SAFE_INT = /^-?\d{1,15}$/

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
export function parseJsonText(text: string, forceExact = false): ParsedJson {
  const exact = forceExact || LONG_DIGITS.test(text) || text.includes('connect.data.Decimal')
  try {
    const node = (exact ? JSON.parse(text, exactReviver as (k: string, v: unknown) => unknown) : JSON.parse(text)) as JsonNode
    return { node, exact }
  } catch (err) {
    throw new DataError('Converting byte[] to Kafka Connect data failed due to serialization error: ', { cause: err })
  }
}

export function parseJson(bytes: Uint8Array): JsonNode {
  return parseJsonText(bytesToText(bytes)).node
}

export function quoteJson(s: string): string {
  return JSON.stringify(s)
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
