// Parity with real Apache Kafka Connect: every case runs through Kafka's own JsonConverter, SMTs and
// predicates (java/ConnectParity.java on Kafka's jars from Maven Central) and through ours, and the
// outputs must match: topic, key and value bytes, headers — or the same exception class and message.
// Schemaless values are compared as parsed JSON with sorted keys (Kafka builds them in HashMaps).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SinkRecord, SourceRecord, ConnectHeaders } from '@tributary/connect-api'
import type { ConnectRecord } from '@tributary/connect-api'
import type { Transformation, Predicate } from '@tributary/connect-api'
import { JsonConverter, SimpleHeaderConverter } from '@tributary/converters'
import { ensurePeerArtifacts, skipUnless } from '@tributary/testkit'
import { transformationPlugins, predicatePlugins } from './transform-plugins.ts'
import { parityCases } from './kafka-parity-cases.ts'
import type { ParityCase } from './kafka-parity-cases.ts'

interface Outcome {
  topic?: string
  key?: string | null
  value?: string | null
  headers?: Array<[string, string | null]>
  dropped?: boolean
  error?: string
}

function runOurs(c: ParityCase): Outcome {
  try {
    const keyConverter = new JsonConverter()
    keyConverter.configure(c.converter ?? {}, true)
    const valueConverter = new JsonConverter()
    valueConverter.configure(c.converter ?? {}, false)
    const headerConverter = new SimpleHeaderConverter()
    const bytes = (s: string | null | undefined): Buffer | null => (s === null || s === undefined ? null : Buffer.from(s))
    const key = keyConverter.toConnectData(c.topic, null, bytes(c.key))
    const value = valueConverter.toConnectData(c.topic, null, bytes(c.value))
    const headers = new ConnectHeaders()
    for (const [name, text] of c.headers ?? []) {
      const h = headerConverter.toConnectHeader(c.topic, name, bytes(text))
      headers.add(name, h.value, h.schema)
    }
    const common = {
      topic: c.topic, kafkaPartition: c.partition ?? 0, timestamp: c.timestamp === undefined ? 1_705_314_600_000 : c.timestamp,
      keySchema: key.schema, key: key.value, valueSchema: value.schema, value: value.value, headers,
    }
    let record: ConnectRecord | null = c.source
      ? new SourceRecord({ ...common, sourcePartition: { file: 'f' }, sourceOffset: { position: 1 } })
      : new SinkRecord({ ...common, kafkaOffset: c.offset ?? 7, timestampType: 'CreateTime' })
    const config = c.config
    const list = (v: string | undefined): string[] => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean)
    const own = (prefix: string): Record<string, string> =>
      Object.fromEntries(Object.entries(config).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]))
    const predicates = new Map<string, Predicate>()
    for (const alias of list(config.predicates)) {
      const props = own(`predicates.${alias}.`)
      const d = predicatePlugins.find((p) => p.className === props.type)!
      delete props.type
      const p = d.create()
      p.configure(props)
      predicates.set(alias, p)
    }
    for (const alias of list(config.transforms)) {
      const props = own(`transforms.${alias}.`)
      const d = transformationPlugins.find((p) => p.className === props.type)
      assert.ok(d, `no transformation ${props.type}`)
      const { predicate, negate } = props
      delete props.type
      delete props.predicate
      delete props.negate
      const t: Transformation = d.create()
      t.configure(props)
      if (predicate !== undefined && predicates.get(predicate)!.test(record) === (negate === 'true')) continue
      record = t.apply(record) as ConnectRecord | null
      if (record === null) return { dropped: true }
    }
    const text = (b: Uint8Array | null): string | null => (b === null ? null : Buffer.from(b).toString('utf8'))
    return {
      topic: record.topic,
      key: text(keyConverter.fromConnectData(record.topic, null, record.keySchema, record.key)),
      value: text(valueConverter.fromConnectData(record.topic, null, record.valueSchema, record.value)),
      headers: record.headers.toArray().map((h) => [h.key, text(headerConverter.fromConnectHeader(record!.topic, h.key, h.schema, h.value))]),
    }
  } catch (err) {
    const e = err as Error & { kafkaClassName?: string }
    // the oracle's stdout turns a lone surrogate into '?' (a JVM encoding artifact, not Kafka behaviour)
    return { error: `${e.kafkaClassName ?? e.constructor.name}: ${e.message}`.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '?') }
  }
}

/**
 * Float/double text: we print the shortest text that reads back as the same value, as Java 19+
 * does; Java 17 (the JVM here) sometimes prints more digits (2.22850227E9 for 2.2285023E9). Such
 * pairs count as equal when every number token denotes the same float32/float64 value.
 */
function sameExceptFloatDigits(a: string | null | undefined, b: string | null | undefined): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return a === b
  const NUMBER = /-?\d+(?:\.\d+)?(?:E-?\d+)?/g
  if (a.replace(NUMBER, '#') !== b.replace(NUMBER, '#')) return false
  const na = a.match(NUMBER) ?? []
  const nb = b.match(NUMBER) ?? []
  const digits = (t: string): number => t.replace(/E.*$/, '').replace(/[^\d]/g, '').replace(/^0+/, '').length
  const floatText = (t: string): boolean => digits(t) <= 9
  return na.length === nb.length && na.every((x, i) => x === nb[i] || Number(x) === Number(nb[i]) ||
    (floatText(x) && floatText(nb[i]) && Math.fround(Number(x)) === Math.fround(Number(nb[i]))))
}

/** Schemaless payloads come from Kafka's HashMaps: compare them with sorted keys. */
function normalise(text: string | null | undefined, schemaless: boolean): unknown {
  if (text === null || text === undefined) return text
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys)
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]))
    return v
  }
  const parsed = JSON.parse(text) as { schema?: unknown; payload?: unknown }
  return !schemaless && parsed !== null && typeof parsed === 'object' && 'schema' in parsed && parsed.schema !== null ? text : sortKeys(parsed)
}

async function runKafka(cases: readonly ParityCase[]): Promise<Outcome[]> {
  const { classpath } = await ensurePeerArtifacts('connect')
  const classes = mkdtempSync(join(tmpdir(), 'tributary-parity-'))
  try {
    const source = fileURLToPath(new URL('../java/ConnectParity.java', import.meta.url))
    const javac = spawnSync('javac', ['-nowarn', '-d', classes, '-cp', classpath, source], { encoding: 'utf8' })
    assert.equal(javac.status, 0, javac.stderr)
    const child = spawn('java', ['-Xmx256m', '-cp', `${classes}:${classpath}`, 'ConnectParity'], { stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString() })
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
    const done = new Promise<number | null>((resolve) => child.on('exit', resolve))
    const line = (c: ParityCase): string => JSON.stringify({
      topic: c.topic, partition: c.partition ?? 0, offset: c.offset ?? 7, timestamp: c.timestamp === undefined ? 1_705_314_600_000 : c.timestamp,
      key: c.key ?? null, value: c.value ?? null, headers: c.headers ?? [], config: c.config, converter: c.converter ?? {}, source: c.source ?? false,
    })
    child.stdin.end(cases.map(line).join('\n') + '\n')
    const code = await done
    assert.equal(code, 0, stderr)
    return stdout.trim().split('\n').map((l) => JSON.parse(l) as Outcome)
  } finally {
    rmSync(classes, { recursive: true, force: true })
  }
}

test('SMTs, predicates and JsonConverter match Apache Kafka Connect 4.1 case by case', { timeout: 600_000 }, async (t) => {
  if (!skipUnless(t, ['java', 'maven'])) return
  const kafka = await runKafka(parityCases)
  assert.equal(kafka.length, parityCases.length)
  const mismatches: string[] = []
  parityCases.forEach((c, i) => {
    const ours = runOurs(c)
    const theirs = kafka[i]
    const schemaless = c.converter?.['schemas.enable'] === 'false'
    const same = JSON.stringify([ours.topic, normalise(ours.key, schemaless), normalise(ours.value, schemaless), ours.headers, ours.dropped, ours.error]) ===
      JSON.stringify([theirs.topic, normalise(theirs.key, schemaless), normalise(theirs.value, schemaless), theirs.headers, theirs.dropped, theirs.error])
    const floatDigitsOnly = !same && ours.topic === theirs.topic && sameExceptFloatDigits(ours.value, theirs.value) && sameExceptFloatDigits(ours.key, theirs.key) &&
      JSON.stringify([ours.headers, ours.dropped, ours.error]) === JSON.stringify([theirs.headers, theirs.dropped, theirs.error])
    if (!same && !floatDigitsOnly) {
      // show only the parts that differ
      const keys = (['topic', 'key', 'value', 'headers', 'dropped', 'error'] as const).filter((k) => JSON.stringify(ours[k]) !== JSON.stringify(theirs[k]))
      const pick = (o: Outcome): string => JSON.stringify(Object.fromEntries(keys.map((k) => [k, o[k]])))
      mismatches.push(`${c.name}\n  kafka: ${pick(theirs)}\n  ours:  ${pick(ours)}`)
    }
  })
  assert.deepEqual(mismatches, [], `\n${mismatches.join('\n')}`)
})
