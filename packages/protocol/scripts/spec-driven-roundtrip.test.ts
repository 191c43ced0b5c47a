// Every request and response of every API in the specs, at every valid version: a sample
// object with a non-default value in every field (arrays of two, nested structs, tagged
// fields) and one with null in every nullable field are encoded, decoded and compared
// field by field against the spec, and re-encoded to identical bytes. This checks the
// generator itself, independently of the generated code it produced.

import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { codecs } from '../src/generated/registry.ts'
import { Reader } from '../src/reader.ts'
import { Writer } from '../src/writer.ts'
import { DEFAULT_SPEC_DIR, parseRange, stripComments } from './generate.ts'
import type { FieldSpec, MessageSpec, Range } from './generate.ts'

type Mode = 'values' | 'nulls'

const inRange = (v: number, r: Range): boolean => v >= r.min && v <= r.max
const lower = (s: string): string => s[0].toLowerCase() + s.slice(1)

class Sampler {
  readonly #common: Map<string, FieldSpec[]>
  constructor (spec: MessageSpec) {
    this.#common = new Map((spec.commonStructs ?? []).map(c => [c.name, c.fields]))
  }

  fieldsOf (f: FieldSpec): FieldSpec[] | null {
    const base = f.type.replace(/^\[\]/, '')
    if (/^[a-z]/.test(base)) return null
    return f.fields ?? this.#common.get(base) ?? assert.fail(`unknown struct ${base}`)
  }

  primitive (type: string, name: string, i: number): unknown {
    switch (type) {
      case 'int8': return 7 + i
      case 'int16': return 300 + i
      case 'uint16': return 65000 + i
      case 'int32': return 70000 + i
      case 'uint32': return 4000000000 + i
      case 'int64': return 2 ** 40 + 3 + i
      case 'float64': return 1.5 + i
      case 'bool': return true
      case 'uuid': return (i + 1).toString(16).padStart(2, '0').repeat(16)
      case 'string': return `${name}-${i}-é`
      case 'bytes': return Buffer.from([1, 2, 3, i])
      case 'records': return Buffer.from(`records-${i}`)
    }
    return assert.fail(`unknown type ${type}`)
  }

  struct (fields: FieldSpec[], v: number, mode: Mode): Record<string, unknown> {
    const o: Record<string, unknown> = {}
    for (const f of fields) {
      const nullableNow = f.nullableVersions !== undefined && inRange(v, parseRange(f.nullableVersions))
      if (mode === 'nulls' && nullableNow) { o[lower(f.name)] = null; continue }
      const sub = this.fieldsOf(f)
      if (f.type.startsWith('[]')) {
        const elem = f.type.slice(2)
        o[lower(f.name)] = [0, 1].map(i => sub !== null ? this.struct(sub, v, mode) : this.primitive(elem, f.name, i))
      } else {
        o[lower(f.name)] = sub !== null ? this.struct(sub, v, mode) : this.primitive(f.type, f.name, 0)
      }
    }
    return o
  }

  /** Asserts that decoded matches sample on every field present in version v. */
  compare (fields: FieldSpec[], sample: any, decoded: any, v: number, path: string): void {
    for (const f of fields) {
      if (!inRange(v, parseRange(f.versions))) continue
      const key = lower(f.name)
      const want = sample[key]
      const got = decoded[key]
      const at = `${path}.${key}`
      const sub = this.fieldsOf(f)
      if (want === null || sub === null) { assert.deepEqual(got, want, at); continue }
      if (f.type.startsWith('[]')) {
        assert.equal(got.length, want.length, at)
        want.forEach((w: any, i: number) => this.compare(sub, w, got[i], v, `${at}[${i}]`))
      } else {
        this.compare(sub, want, got, v, at)
      }
    }
  }
}

function loadSpecs (): MessageSpec[] {
  return readdirSync(DEFAULT_SPEC_DIR).filter(f => f.endsWith('.json')).sort()
    .map(f => JSON.parse(stripComments(readFileSync(join(DEFAULT_SPEC_DIR, f), 'utf8'))) as MessageSpec)
    .filter(s => s.apiKey !== undefined && (s.type === 'request' || s.type === 'response'))
}

test('every message of every API round-trips field by field at every version', (t) => {
  if (!existsSync(DEFAULT_SPEC_DIR)) {
    if (process.env.CI === 'true') assert.fail(`spec dir missing: ${DEFAULT_SPEC_DIR}`)
    t.skip('skipped: ../shared missing')
    return
  }
  let checked = 0
  for (const spec of loadSpecs()) {
    const codec = codecs[spec.apiKey!]
    const encode = spec.type === 'request' ? codec.encodeRequest : codec.encodeResponse
    const decode = spec.type === 'request' ? codec.decodeRequest : codec.decodeResponse
    const sampler = new Sampler(spec)
    const valid = parseRange(spec.validVersions)
    for (let v = valid.min; v <= valid.max; v++) {
      for (const mode of ['values', 'nulls'] as const) {
        const where = `${spec.name} v${v} (${mode})`
        const sample = sampler.struct(spec.fields, v, mode)
        const w = new Writer()
        encode(w, v, sample)
        const bytes = w.toBuffer()
        const r = new Reader(bytes)
        const decoded = decode(r, v)
        assert.equal(r.remaining, 0, `${where}: decoder consumed every byte`)
        sampler.compare(spec.fields, sample, decoded, v, where)
        const again = new Writer()
        encode(again, v, decoded)
        assert.deepEqual(again.toBuffer(), bytes, `${where}: re-encodes identically`)
        checked++
      }
    }
  }
  assert.ok(checked > 1000, `checked ${checked} message versions`)
})
