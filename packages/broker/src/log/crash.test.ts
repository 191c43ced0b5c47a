import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { crashValueOf } from './crash-appender.ts'
import { openTestLog, readAll, recordsOf, tempPartitionDir } from './log-test-support.ts'

const appender = fileURLToPath(new URL('./crash-appender.ts', import.meta.url))

/** Runs the appender until it has acknowledged `killAfterAcks` batches, then SIGKILLs it. */
async function appendThenKill (dir: string, killAfterAcks: number, startAt: number): Promise<Map<number, number>> {
  const child = spawn(process.execPath, [appender, dir, '8', String(startAt)], { stdio: ['ignore', 'pipe', 'pipe'] })
  const acked = new Map<number, number>() // offset → n
  let stderr = ''
  child.stderr.on('data', (d) => { stderr += String(d) })
  let buffered = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      buffered += String(d)
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        const m = /^ack (\d+) (\d+)$/.exec(line)
        if (m !== null) acked.set(Number(m[1]), Number(m[2]))
      }
      if (acked.size >= killAfterAcks && child.exitCode === null && !child.killed) child.kill('SIGKILL')
    })
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve()
      else reject(new Error(`appender exited early (${code}): ${stderr}`))
    })
  })
  // Lines that arrived before the kill but after the threshold are acknowledged too.
  for (const line of buffered.split('\n')) {
    const m = /^ack (\d+) (\d+)$/.exec(line)
    if (m !== null) acked.set(Number(m[1]), Number(m[2]))
  }
  return acked
}

test('kill -9 during continuous durable appends loses no acknowledged batch', { timeout: 120_000 }, async (t) => {
  const dir = await tempPartitionDir(t)
  const allAcked = new Map<number, number>()
  let startAt = 0
  for (let round = 0; round < 3; round++) {
    const killAfter = 200 + Math.floor(Math.random() * 1500)
    const acked = await appendThenKill(dir, killAfter, startAt)
    assert.ok(acked.size >= killAfter)
    for (const [offset, n] of acked) allAcked.set(offset, n)
    startAt += 1_000_000

    const log = await openTestLog(dir, { segmentBytes: 64 * 1024, indexIntervalBytes: 1024 })
    try {
      assert.equal(log.recoveryReport.clean, false)
      const records = recordsOf(await readAll(log))
      const byOffset = new Map(records.map((r) => [r.offset, r]))
      // Offsets are dense and in order: nothing lost in the middle, no duplicates.
      records.forEach((r, i) => assert.equal(r.offset, i))
      for (const [offset, n] of allAcked) {
        const first = byOffset.get(offset)
        const second = byOffset.get(offset + 1)
        assert.ok(first !== undefined && second !== undefined, `acknowledged batch at ${offset} missing after round ${round}`)
        assert.equal(first.key, `key-${n}`)
        assert.equal(first.value, crashValueOf(n))
        assert.equal(second.key, `key-${n}b`)
        assert.equal(second.value, crashValueOf(n + 1))
      }
      assert.ok(log.logEndOffset() >= Math.max(...allAcked.keys()) + 2)
    } finally {
      await log.close()
    }
    // The next round's appender reopens this cleanly closed log and is killed mid-write again.
  }
})
