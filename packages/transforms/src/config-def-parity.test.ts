// ConfigDef (connect-api) against Kafka's own ConfigDef: the same definition, the same props, and
// per key the same parsed value (as REST renders it) and the same error messages — Kafka's lenient
// parsing (trimmed strings, any-case booleans, comma lists, numeric strings) and its wording.
// Lives here because this package holds the Kafka oracles (java/); it tests @tributary/connect-api.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  ConfigDef, Range, ValidString, CaseInsensitiveValidString, ValidList, NonEmptyString, NonEmptyStringWithoutControlChars, configValueToString,
} from '@tributary/connect-api'
import { ensurePeerArtifacts, skipUnless } from '@tributary/testkit'

function definition(): ConfigDef {
  const low = { importance: 'LOW', documentation: '' } as const
  return new ConfigDef()
    .define({ name: 'b', type: 'BOOLEAN', defaultValue: false, ...low })
    .define({ name: 's', type: 'STRING', defaultValue: 'x', ...low })
    .define({ name: 'i', type: 'INT', defaultValue: 1, validator: Range.atLeast(0), ...low })
    .define({ name: 'sh', type: 'SHORT', defaultValue: 1, ...low })
    .define({ name: 'l', type: 'LONG', defaultValue: 1, ...low })
    .define({ name: 'd', type: 'DOUBLE', defaultValue: 1, ...low })
    .define({ name: 'li', type: 'LIST', defaultValue: '', ...low })
    .define({ name: 'p', type: 'PASSWORD', defaultValue: null, ...low })
    .define({ name: 'r', type: 'STRING', validator: NonEmptyString, importance: 'HIGH', documentation: '' })
    .define({ name: 'vs', type: 'STRING', defaultValue: 'a', validator: ValidString.in('a', 'b'), ...low })
    .define({ name: 'ci', type: 'STRING', defaultValue: 'A', validator: CaseInsensitiveValidString.in('A', 'B'), ...low })
    .define({ name: 'vl', type: 'LIST', defaultValue: 'a', validator: ValidList.in('a', 'b'), ...low })
    .define({ name: 'rb', type: 'INT', defaultValue: 5, validator: Range.between(1, 10), ...low })
    .define({ name: 'nc', type: 'STRING', defaultValue: 'n', validator: NonEmptyStringWithoutControlChars, ...low })
    .define({ name: 'ri', type: 'INT', validator: Range.atLeast(1), importance: 'HIGH', documentation: '' })
}

const inputs: Array<Record<string, string>> = [
  {},
  { r: 'ok', ri: '3' },
  { b: ' TRUE ', s: '  spaced  ', i: ' 7 ', sh: '-12', l: '9000000000', d: '2.5', li: 'a, b ,c', p: 'secret', r: 'x', ri: '1' },
  { b: 'yes', i: 'seven', sh: '40000', l: '1.5', d: 'abc', r: '', ri: '0' },
  { b: 'False', i: '+5', sh: ' 0 ', l: '-0', d: '1e3', li: 'a,,b', ri: '2147483648' },
  { i: '5.0', d: 'NaN', li: 'a,', ri: '-1' },
  { d: '1.5f', li: ',a', vs: 'c', ci: 'b', vl: 'a,c', rb: '11', nc: '' },
  { d: '0x10', li: '  ', vs: ' b ', ci: 'c', vl: '', rb: '0', nc: 'bad\u0001name' },
  { d: '-Infinity', li: 'x , y', vs: 'A', vl: 'b, a', rb: '10', nc: ' ' },
  { i: '2147483647', sh: '32767', l: '-9223372036854775808', d: '.5', b: 'TRUE', p: '  padded  ' },
]

async function runKafka(): Promise<Array<Record<string, { value: string | null; errors: string[] }>>> {
  const { classpath } = await ensurePeerArtifacts('connect')
  const classes = mkdtempSync(join(tmpdir(), 'tributary-configdef-parity-'))
  try {
    const source = fileURLToPath(new URL('../java/ConfigDefParity.java', import.meta.url))
    const javac = spawnSync('javac', ['-nowarn', '-d', classes, '-cp', classpath, source], { encoding: 'utf8' })
    assert.equal(javac.status, 0, javac.stderr)
    const child = spawn('java', ['-Xmx128m', '-cp', `${classes}:${classpath}`, 'ConfigDefParity'], { stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString() })
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
    const done = new Promise<number | null>((resolve) => child.on('exit', resolve))
    child.stdin.end(inputs.map((i) => JSON.stringify(i)).join('\n') + '\n')
    assert.equal(await done, 0, stderr)
    return stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, { value: string | null; errors: string[] }>)
  } finally {
    rmSync(classes, { recursive: true, force: true })
  }
}

test('ConfigDef parses and validates exactly as Kafka\'s ConfigDef', { timeout: 300_000 }, async (t) => {
  if (!skipUnless(t, ['java', 'maven'])) return
  const kafka = await runKafka()
  const def = definition()
  const mismatches: string[] = []
  inputs.forEach((props, i) => {
    for (const v of def.validate(props)) {
      const type = def.configKeys.get(v.name)!.type
      const ours = { value: configValueToString(v.value, type), errors: v.errorMessages }
      const theirs = kafka[i][v.name]
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) mismatches.push(`${JSON.stringify(props)} ${v.name}\n  kafka: ${JSON.stringify(theirs)}\n  ours:  ${JSON.stringify(ours)}`)
    }
  })
  assert.deepEqual(mismatches, [], `\n${mismatches.join('\n')}`)
})
