import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { crashKeyOf, crashLogConfig, crashValueOf } from './crash-appender.ts'
import { openTestLog, readAll, recordsOf, tempPartitionDir } from './log-test-support.ts'

const appender = fileURLToPath(new URL('./crash-appender.ts', import.meta.url))

/** Runs the appender until it has acknowledged `killAfterAcks` batches, then SIGKILLs it. */
async function appendThenKill (dir: string, killAfterAcks: number, startAt: number, compact: boolean): Promise<Map<number, number>> {
  const args = [appender, dir, '8', String(startAt), ...(compact ? ['compact'] : [])]
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  const acked = new Map<number, number>() // offset → n
  let stderr = ''
  child.stderr.on('data', (d) => { stderr += String(d) })
  let buffered = ''
  const take = (lines: string[]): void => {
    for (const line of lines) {
      const m = /^ack (\d+) (\d+)$/.exec(line)
      if (m !== null) acked.set(Number(m[1]), Number(m[2]))
    }
  }
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      buffered += String(d)
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      take(lines)
      if (acked.size >= killAfterAcks && child.exitCode === null && !child.killed) child.kill('SIGKILL')
    })
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve()
      else reject(new Error(`appender exited early (${code}): ${stderr}`))
    })
  })
  take(buffered.split('\n')) // acknowledged before the kill landed
  return acked
}

test('kill -9 during continuous durable appends loses no acknowledged batch', { timeout: 120_000 }, async (t) => {
  const dir = await tempPartitionDir(t)
  const allAcked = new Map<number, number>()
  for (let round = 0; round < 3; round++) {
    const killAfter = 200 + Math.floor(Math.random() * 1500)
    const acked = await appendThenKill(dir, killAfter, round * 1_000_000, false)
    assert.ok(acked.size >= killAfter)
    for (const [offset, n] of acked) allAcked.set(offset, n)

    // Each round reopens a log whose writer was killed mid-write (the appender reopens this
    // cleanly closed log and is killed again in the next round).
    const log = await openTestLog(dir, crashLogConfig(false))
    try {
      assert.equal(log.recoveryReport.clean, false)
      const records = recordsOf(await readAll(log))
      records.forEach((r, i) => assert.equal(r.offset, i, 'offsets dense and in order'))
      const byOffset = new Map(records.map((r) => [r.offset, r]))
      for (const [offset, n] of allAcked) {
        const record = byOffset.get(offset)
        assert.ok(record !== undefined, `acknowledged batch at ${offset} missing after round ${round}`)
        assert.equal(record.key, crashKeyOf(n, false))
        assert.equal(record.value, crashValueOf(n))
      }
      assert.ok(log.logEndOffset() > Math.max(...allAcked.keys()))
    } finally {
      await log.close()
    }
  }
})

test('kill -9 during appends with compaction running keeps the latest acknowledged value of every key', { timeout: 120_000 }, async (t) => {
  const dir = await tempPartitionDir(t)
  const latestAcked = new Map<string, { offset: number; n: number }>()
  for (let round = 0; round < 3; round++) {
    const acked = await appendThenKill(dir, 1000 + Math.floor(Math.random() * 2000), round * 1_000_000, true)
    for (const [offset, n] of acked) {
      const key = crashKeyOf(n, true)
      const seen = latestAcked.get(key)
      if (seen === undefined || seen.offset < offset) latestAcked.set(key, { offset, n })
    }
    const log = await openTestLog(dir, crashLogConfig(true))
    try {
      const records = recordsOf(await readAll(log))
      const offsets = records.map((r) => r.offset)
      assert.deepEqual(offsets, [...new Set(offsets)].sort((a, b) => a - b), 'offsets unique and in order')
      assert.ok(records.length < log.logEndOffset(), 'compaction ran in the killed process')
      const byOffset = new Map(records.map((r) => [r.offset, r]))
      for (const [key, { offset, n }] of latestAcked) {
        // The latest acknowledged value of a key is never compacted away by an older one.
        const record = byOffset.get(offset)
        const newer = records.some((r) => r.key === key && r.offset > offset)
        assert.ok(record !== undefined || newer, `latest acknowledged value of ${key} (offset ${offset}) lost in round ${round}`)
        if (record !== undefined) assert.equal(record.value, crashValueOf(n))
      }
    } finally {
      await log.close()
    }
  }
})
