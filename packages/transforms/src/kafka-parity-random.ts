// Random (seeded, so reproducible) JsonConverter envelopes for kafka-parity.test.ts: nested structs,
// arrays, maps with string and int keys, optional fields and nulls, defaults, logical types, and
// numbers across the whole range (float/double formatting is where Java and JS differ most).

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function randomEnvelopes(count: number, seed = 42): string[] {
  const rnd = mulberry32(seed)
  const int = (n: number): number => Math.floor(rnd() * n)
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]
  const double = (): number => {
    switch (int(6)) {
      case 0: return (rnd() - 0.5) * 10 ** (int(40) - 20)
      case 1: return int(1000) / 8
      case 2: return Number((rnd() * 1000).toFixed(int(6)))
      case 3: return (rnd() - 0.5) * 1e300
      case 4: return pick([0, -0, 1, 0.1, 1e7, 9999999.999, 0.001, 0.0009999, 1e21, 123456789012345680000])
      default: return rnd() * 2 ** int(64)
    }
  }
  const text = (): string => pick(['', 'plain', 'é ☃ 𝄞', 'quote " and \\\\ slash', 'line\\nbreak\\ttab', '\\u0001\\u001f', '\u0001\u001f\u007f\b\f', '\ud800 lone', '</script>', 'x'.repeat(int(50))])
  const bytes = (): string => Buffer.from(Array.from({ length: int(12) }, () => int(256))).toString('base64')

  // returns [schema json, value generator]
  const gen = (depth: number): [Record<string, Json>, () => Json] => {
    const optional = rnd() < 0.3
    const wrap = (schema: Record<string, Json>, value: () => Json, def?: () => Json): [Record<string, Json>, () => Json] => {
      const s: Record<string, Json> = { ...schema, optional }
      if (def && rnd() < 0.15) s.default = def()
      return [s, () => (optional && rnd() < 0.25 ? null : value())]
    }
    const kind = depth > 2 ? int(12) : int(16)
    switch (kind) {
      case 0: return wrap({ type: 'boolean' }, () => rnd() < 0.5, () => true)
      case 1: return wrap({ type: 'int8' }, () => int(256) - 128, () => 7)
      case 2: return wrap({ type: 'int16' }, () => int(65536) - 32768)
      case 3: return wrap({ type: 'int32' }, () => int(2 ** 32) - 2 ** 31, () => -1)
      case 4: return wrap({ type: 'int64' }, () => Math.floor((rnd() - 0.5) * 2 ** 52))
      case 5: return wrap({ type: 'float' }, () => Math.fround(double()), () => 0.5)
      case 6: return wrap({ type: 'double' }, double, () => 2.5)
      case 7: return wrap({ type: 'string' }, text, () => 'dflt')
      case 8: return wrap({ type: 'bytes' }, bytes)
      case 9: return wrap({ type: 'int32', name: 'org.apache.kafka.connect.data.Date', version: 1 }, () => int(40000) - 10000)
      case 10: return wrap({ type: 'int64', name: 'org.apache.kafka.connect.data.Timestamp', version: 1 }, () => Math.floor((rnd() - 0.3) * 4e12))
      case 11: return wrap({ type: 'bytes', name: 'org.apache.kafka.connect.data.Decimal', version: 1, parameters: { scale: String(int(6)) } }, () => Buffer.from([1 + int(200), int(256)]).toString('base64'))
      case 12: {
        const [items, value] = gen(depth + 1)
        return wrap({ type: 'array', items }, () => Array.from({ length: int(4) }, value))
      }
      case 13: {
        const [values, value] = gen(depth + 1)
        return wrap({ type: 'map', keys: { type: 'string', optional: false }, values }, () => Object.fromEntries(Array.from({ length: int(4) }, (_, i) => [`k${i}`, value()])))
      }
      case 14: {
        const [values, value] = gen(depth + 1)
        return wrap({ type: 'map', keys: { type: 'int32', optional: false }, values }, () => Array.from({ length: int(4) }, (_, i) => [i * 3, value()]))
      }
      default: {
        const fields = Array.from({ length: 1 + int(4) }, (_, i) => {
          const [schema, value] = gen(depth + 1)
          return { name: `f${i}`, schema: { ...schema, field: `f${i}` }, value }
        })
        return wrap({ type: 'struct', fields: fields.map((f) => f.schema), name: rnd() < 0.5 ? `S${depth}` : null }, () =>
          Object.fromEntries(fields.map((f) => [f.name, f.value()])))
      }
    }
  }
  return Array.from({ length: count }, () => {
    const [schema, value] = gen(0)
    if (schema.name === null) delete schema.name
    return JSON.stringify({ schema, payload: value() })
  })
}
