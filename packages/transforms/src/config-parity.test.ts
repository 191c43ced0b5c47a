// Config definitions as Kafka Connect publishes them (GET /connector-plugins/{p}/config and
// /config/validate): for every SMT, predicate and converter, our ConfigDef must list the same keys
// with the same type, default, importance, group, order, width and display name as Kafka's
// (documentation prose is our own), and validate() must report the same errors.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { configKeyInfo } from '@tributary/connect-api'
import type { PluginDescriptor, ConfigDef } from '@tributary/connect-api'
import { converterPlugins } from '@tributary/converters'
import { ensurePeerArtifacts, skipUnless } from '@tributary/testkit'
import { transformPlugins } from './transform-plugins.ts'

interface ConfigCase { className: string; props: Record<string, string> }

const PROPS: Record<string, Array<Record<string, string>>> = {
  Cast: [{}, { spec: 'a:int8' }, { spec: 'a:nope' }, { spec: '' }],
  ExtractField: [{}, { field: 'a', 'field.syntax.version': 'v3' }],
  TimestampConverter: [{ 'target.type': 'nope', 'unix.precision': 'days' }, { 'target.type': 'unix' }],
  InsertHeader: [{}],
  HeaderFrom: [{ operation: 'steal', fields: '', headers: 'a' }],
  MaskField: [{ fields: '' , replacement: '' }],
  RegexRouter: [{ regex: '(' }, {}],
  ReplaceField: [{ renames: 'a,b:c' }],
  SetSchemaMetadata: [{ 'schema.version': 'x' }],
  TopicNameMatches: [{ pattern: '' }, { pattern: '[' }],
  HasHeaderKey: [{}],
  JsonConverter: [{ 'schemas.enable': 'maybe', 'decimal.format': 'hex', 'schemas.cache.size': 'x' }, { 'converter.type': 'value' }],
  StringConverter: [{ 'converter.type': 'other' }],
}

function cases(): { list: ConfigCase[]; ours: Array<{ d: PluginDescriptor; props: Record<string, string> }> } {
  const list: ConfigCase[] = []
  const ours: Array<{ d: PluginDescriptor; props: Record<string, string> }> = []
  const seen = new Set<string>()
  for (const d of [...transformPlugins, ...converterPlugins]) {
    if (seen.has(d.className)) continue
    seen.add(d.className)
    const simple = d.className.slice(d.className.lastIndexOf('.') + 1).replace(/\$(Key|Value)$/, '')
    for (const props of PROPS[simple] ?? [{}]) {
      list.push({ className: d.className, props })
      ours.push({ d, props })
    }
  }
  return { list, ours }
}

function describeOurs(def: ConfigDef, props: Record<string, string>): unknown {
  const keys = [...def.configKeys.values()].map((k) => {
    const { documentation: _doc, ...rest } = configKeyInfo(k)
    return rest
  })
  const errors = Object.fromEntries(def.validate(props).map((v) => [v.name, v.errorMessages]))
  return { keys, errors }
}

/** Errors compared per key regardless of order (Kafka returns them from a HashMap); regex engine
 * messages differ between Java and JS, so only "Invalid regex:" itself is compared. */
function stable(result: unknown): string {
  const r = result as { keys?: unknown; errors?: Record<string, string[]>; error?: string }
  const errors = r.errors === undefined ? undefined : Object.fromEntries(Object.keys(r.errors).sort()
    .map((k) => [k, r.errors![k].map((m) => m.replace(/Invalid regex: [\s\S]*/, 'Invalid regex: …'))]))
  return JSON.stringify({ keys: r.keys, errors, error: r.error })
}

async function runKafka(list: ConfigCase[]): Promise<unknown[]> {
  const { classpath } = await ensurePeerArtifacts('connect')
  const classes = mkdtempSync(join(tmpdir(), 'tributary-config-parity-'))
  try {
    const source = fileURLToPath(new URL('../java/ConfigParity.java', import.meta.url))
    const javac = spawnSync('javac', ['-nowarn', '-d', classes, '-cp', classpath, source], { encoding: 'utf8' })
    assert.equal(javac.status, 0, javac.stderr)
    const child = spawn('java', ['-Xmx256m', '-cp', `${classes}:${classpath}`, 'ConfigParity'], { stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString() })
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
    const done = new Promise<number | null>((resolve) => child.on('exit', resolve))
    child.stdin.end(list.map((c) => JSON.stringify({ class: c.className, props: c.props })).join('\n') + '\n')
    assert.equal(await done, 0, stderr)
    return stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown)
  } finally {
    rmSync(classes, { recursive: true, force: true })
  }
}

test('config definitions and validation messages match Apache Kafka Connect 4.1', { timeout: 600_000 }, async (t) => {
  if (!skipUnless(t, ['java', 'maven'])) return
  const { list, ours } = cases()
  const kafka = await runKafka(list)
  const mismatches: string[] = []
  ours.forEach(({ d, props }, i) => {
    const mine = describeOurs(d.config(), props)
    const theirs = kafka[i] as { keys?: unknown[]; errors?: Record<string, string[]>; error?: string }
    // Kafka 4 removed ReplaceField's deprecated blacklist/whitelist; we still accept them (3.9 parity)
    if (theirs.keys && d.className.includes('ReplaceField')) {
      const m = mine as { keys: Array<{ name: string }>; errors: Record<string, string[]> }
      m.keys = m.keys.filter((k) => k.name !== 'blacklist' && k.name !== 'whitelist')
      delete m.errors.blacklist
      delete m.errors.whitelist
    }
    if (stable(mine) !== stable(theirs)) {
      mismatches.push(`${d.className} ${JSON.stringify(props)}\n  kafka: ${JSON.stringify(theirs)}\n  ours:  ${JSON.stringify(mine)}`)
    }
  })
  assert.deepEqual(mismatches, [], `\n${mismatches.join('\n')}`)
})
