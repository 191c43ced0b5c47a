// KIP-821 field paths (ExtractField's field.syntax.version): V1 is one top-level name; V2 is a
// dotted path where a backtick-quoted segment may contain dots and a backslash escapes a backtick.
import { ConfigError, mapGet } from '@tributary/connect-api'
import type { MapValue } from '@tributary/connect-api'
import { requireMapOrNull } from './requirements.ts'
import type { Schema, Field, Struct } from '@tributary/connect-api'

export const FieldSyntaxVersion = { V1: 'V1', V2: 'V2' } as const
export type FieldSyntaxVersion = (typeof FieldSyntaxVersion)[keyof typeof FieldSyntaxVersion]

export class SingleFieldPath {
  readonly path: string
  readonly steps: readonly string[]

  constructor(path: string, version: FieldSyntaxVersion) {
    this.path = path
    this.steps = version === 'V1' ? [path] : parseV2(path)
  }

  /** The field the path names, or undefined. */
  fieldFrom(schema: Schema): Field | undefined {
    let current: Schema = schema
    let field: Field | undefined
    for (const step of this.steps) {
      field = current.field(step) // throws on a non-struct, as Kafka's Schema.field does
      if (field === undefined) return undefined
      current = field.schema
    }
    return field
  }

  valueFromStruct(struct: Struct, withDefault = true): unknown {
    let current: unknown = struct
    for (const step of this.steps) {
      if (current === null || current === undefined) return null
      const s = current as Struct
      if (s.schema.field(step) === undefined) return null
      current = withDefault ? s.get(step) : s.getWithoutDefault(step)
    }
    return current ?? null
  }

  /** Kafka's SingleFieldPath.valueFrom(Map): intermediate steps must be maps (or null). */
  valueFromMap(map: MapValue): unknown {
    let current: MapValue = map
    for (let i = 0; i < this.steps.length - 1; i++) {
      const next = requireMapOrNull(mapGet(current, this.steps[i]) ?? null, 'nested field access')
      if (next === null) return null
      current = next
    }
    return mapGet(current, this.steps[this.steps.length - 1]) ?? null
  }
}

function parseV2(path: string): string[] {
  const steps: string[] = []
  let i = 0
  while (i <= path.length) {
    if (path[i] === '`') {
      let name = ''
      let j = i + 1
      let closed = false
      while (j < path.length) {
        if (path[j] === '\\' && path[j + 1] === '`') { name += '`'; j += 2; continue }
        if (path[j] === '`' && (j + 1 === path.length || path[j + 1] === '.')) { closed = true; break }
        name += path[j++]
      }
      if (closed) {
        steps.push(name)
        i = j + 2
        continue
      }
    }
    const dot = path.indexOf('.', i)
    const end = dot === -1 ? path.length : dot
    steps.push(path.slice(i, end))
    i = end + 1
    if (dot === -1) break
  }
  if (steps.some((s) => s === '')) throw ConfigError.invalid('field', path, 'Empty path element')
  return steps
}
