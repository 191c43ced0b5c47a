// Fails when src/generated/ differs from what scripts/generate.ts produces from the specs,
// i.e. when someone edited generated code by hand or changed the generator without rerunning it.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { DEFAULT_OUT_DIR, DEFAULT_SPEC_DIR } from './generate.ts'

const script = fileURLToPath(new URL('./generate.ts', import.meta.url))

test('committed generated codecs match a fresh generation', (t) => {
  if (!existsSync(DEFAULT_SPEC_DIR)) {
    if (process.env.CI === 'true') assert.fail(`spec dir missing: ${DEFAULT_SPEC_DIR}`)
    t.skip('skipped: ../shared missing')
    return
  }
  const outDir = mkdtempSync(join(tmpdir(), 'tributary-generated-'))
  try {
    execFileSync(process.execPath, [script, DEFAULT_SPEC_DIR, outDir], { stdio: 'pipe' })
    const fresh = readdirSync(outDir).sort()
    const committed = readdirSync(DEFAULT_OUT_DIR).filter(f => f.endsWith('.ts')).sort()
    assert.deepEqual(committed, fresh, 'set of generated files differs; run npm run generate -w @tributary/protocol')
    for (const name of fresh) {
      assert.equal(readFileSync(join(DEFAULT_OUT_DIR, name), 'utf8'), readFileSync(join(outDir, name), 'utf8'),
        `${name} is stale; run npm run generate -w @tributary/protocol`)
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
})
