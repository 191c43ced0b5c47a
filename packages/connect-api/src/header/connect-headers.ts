// Record headers as Connect sees them: an ordered list of (key, schema, value); keys may repeat.
// Mutable, so a transform changes `record.headers.duplicate()`, never the input's headers.
import type { Schema } from '../model/schema.ts'
import { validateValue } from '../model/validate-value.ts'
import { valuesEqual } from '../model/values-equal.ts'
import { javaToString } from '../model/java-to-string.ts'

export interface Header {
  readonly key: string
  readonly schema: Schema | null
  readonly value: unknown
}

export class ConnectHeaders implements Iterable<Header> {
  #list: Header[]

  constructor(headers?: Iterable<Header>) {
    this.#list = headers ? [...headers].map((h) => ({ key: h.key, schema: h.schema ?? null, value: h.value ?? null })) : []
  }

  get size(): number {
    return this.#list.length
  }

  isEmpty(): boolean {
    return this.#list.length === 0
  }

  /** Appends a header; a non-null schema is checked against the value. */
  add(key: string, value: unknown, schema: Schema | null = null): this {
    if (schema !== null) validateValue(schema, value)
    this.#list.push({ key, schema, value: value ?? null })
    return this
  }

  addHeader(header: Header): this {
    return this.add(header.key, header.value, header.schema)
  }

  allWithName(key: string): Header[] {
    return this.#list.filter((h) => h.key === key)
  }

  lastWithName(key: string): Header | undefined {
    return this.#list.findLast((h) => h.key === key)
  }

  /** Removes every header with this key. */
  remove(key: string): this {
    this.#list = this.#list.filter((h) => h.key !== key)
    return this
  }

  /** Keeps only the last header of each key (or of the given key). */
  retainLatest(key?: string): this {
    const seen = new Set<string>()
    const kept: Header[] = []
    for (let i = this.#list.length - 1; i >= 0; i--) {
      const h = this.#list[i]
      if ((key === undefined || h.key === key) && seen.has(h.key)) continue
      seen.add(h.key)
      kept.push(h)
    }
    this.#list = kept.reverse()
    return this
  }

  clear(): this {
    this.#list = []
    return this
  }

  duplicate(): ConnectHeaders {
    return new ConnectHeaders(this.#list)
  }

  toArray(): Header[] {
    return [...this.#list]
  }

  [Symbol.iterator](): Iterator<Header> {
    return this.#list[Symbol.iterator]()
  }

  /** Kafka's form: `ConnectHeaders(headers=[ConnectHeader(key=a, value=1, schema=Schema{INT8})])`. */
  toString(): string {
    const list = this.#list.map((h) => `ConnectHeader(key=${h.key}, value=${javaToString(h.value, h.schema)}, schema=${String(h.schema)})`)
    return `ConnectHeaders(headers=${list.length === 0 ? '' : `[${list.join(', ')}]`})`
  }

  equals(other: unknown): boolean {
    if (!(other instanceof ConnectHeaders) || other.size !== this.size) return false
    const theirs = other.#list
    return this.#list.every((h, i) => {
      const o = theirs[i]
      return h.key === o.key && valuesEqual(h.value, o.value) && (h.schema === null ? o.schema === null : h.schema.equals(o.schema))
    })
  }
}
