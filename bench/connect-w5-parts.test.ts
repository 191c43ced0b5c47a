// The W5 harness's own parts, checked without a broker: the input is what it claims (exact line
// size, valid JSON, the same bytes every time), the sampler reads a real process tree, the profile
// summary attributes time as documented.  node --test bench/connect-w5-parts.test.ts
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { areaOf, summarizeProfile } from './connect-cpu-profile-summary.ts'
import { ensureInputFile, inputLine, sha256File } from './connect-input-file.ts'
import { ProcessTreeSampler } from './connect-process-sampler.ts'
import { parseW5Options } from './connect-w5-options.ts'

test('input lines are JSON of exactly line-bytes bytes, identical on every generation', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'w5-input-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  const input = await ensureInputFile(dir, 500, 1024)
  const text = await readFile(input.path, 'utf8')
  assert.equal(Buffer.byteLength(text), 500 * 1024)
  const lines = text.split('\n').slice(0, -1)
  assert.equal(lines.length, 500)
  lines.forEach((line, i) => {
    assert.equal(Buffer.byteLength(line), 1023)
    assert.equal(JSON.parse(line).id, i)
  })
  assert.equal(new Set(lines.map((l) => JSON.parse(l).payload)).size, 500, 'payloads differ between lines')
  const again = await ensureInputFile(join(dir, 'again'), 500, 1024)
  assert.equal(await sha256File(again.path), await sha256File(input.path))
  assert.throws(() => inputLine(0, 64), /too small/)
})

test('the sampler sees a child process tree: RSS, VmHWM and CPU time', async (t) => {
  // A parent that starts a child which allocates ~60 MiB and spins, so both memory and CPU show.
  const script = `const { spawn } = require('node:child_process');
    spawn(process.execPath, ['-e', 'const b = Buffer.alloc(60 * 1024 * 1024, 1); const end = Date.now() + 1500; while (Date.now() < end); setTimeout(() => b, 60000)'], { stdio: 'ignore' });
    setTimeout(() => {}, 60000)`
  const parent = spawn(process.execPath, ['-e', script], { stdio: 'ignore', detached: true })
  t.after(() => { try { process.kill(-parent.pid!, 'SIGKILL') } catch { /* gone */ } })
  const sampler = new ProcessTreeSampler(parent.pid!)
  sampler.start(50)
  await sleep(2500)
  const usage = sampler.stop()
  assert.equal(usage.processes, 2)
  assert.ok(usage.hwmRssBytes > 60 * 1024 * 1024, `VmHWM sum ${usage.hwmRssBytes}`)
  assert.ok(usage.sampledPeakRssBytes > 60 * 1024 * 1024, `sampled ${usage.sampledPeakRssBytes}`)
  assert.ok(usage.cpuMs > 50, `cpu ${usage.cpuMs} ms`) // a spin loop, but the machine may be shared
  assert.ok(usage.runQueueWaitMs >= 0 && Number.isFinite(usage.runQueueWaitMs), `run-queue wait ${usage.runQueueWaitMs}`)
})

test('profile summary: self time by side, area and function; idle kept apart', () => {
  const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 })
  const summary = summarizeProfile({
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 4, 5, 6] },
      { id: 2, callFrame: frame('poll', 'file:///w/packages/connectors/file/src/file-stream-source-task.ts'), children: [3] },
      { id: 3, callFrame: frame('concat', 'node:buffer') },
      { id: 4, callFrame: frame('put', 'file:///w/packages/connectors/file/src/file-stream-sink-task.ts') },
      { id: 5, callFrame: frame('(garbage collector)', '') },
      { id: 6, callFrame: frame('(idle)', '') },
    ],
    samples: [3, 3, 4, 5, 6],
    timeDeltas: [1000, 1000, 1000, 1000, 5000],
    startTime: 0,
    endTime: 9000,
  })
  assert.equal(summary.totalMs, 4)
  assert.equal(summary.idleMs, 5)
  assert.deepEqual(summary.bySide.map((s) => [s.name, s.ms]), [['source: file read → convert → produce', 2], ['sink: fetch → convert → file write', 1], ['garbage collector', 1]])
  assert.equal(summary.byArea[0].name, 'node:buffer')
  assert.equal(areaOf('file:///w/node_modules/@platformatic/kafka/dist/x.js', 'f'), '@platformatic/kafka')
  assert.equal(areaOf('file:///w/packages/connect-runtime/src/x.ts', 'f'), '@tributary/connect-runtime')
})

test('options: defaults are the W5 definition; bad values are refused once, with the flag named', () => {
  const o = parseW5Options([])
  assert.ok(o !== 'help')
  assert.equal(o.lines, 1_000_000)
  assert.equal(o.lineBytes, 1024)
  assert.deepEqual(o.workers, ['tributary', 'kafka-connect'])
  assert.equal(o.converter, 'string')
  assert.throws(() => parseW5Options(['--lines', '0']), /--lines must be a positive integer/)
  assert.throws(() => parseW5Options(['--workers', 'tributary,flink']), /--workers must be one of/)
  assert.deepEqual((parseW5Options(['--java-heap=-Xms256m -Xmx512m']) as { javaHeap: string[] }).javaHeap, ['-Xms256m', '-Xmx512m'])
})
