import assert from 'node:assert/strict'
import { test } from 'node:test'
import pino from 'pino'
import { MaintenanceScheduler } from './maintenance-scheduler.ts'

test('runs every interval, never overlapping, survives failures, stop waits for a running pass', async () => {
  let runs = 0
  let active = 0
  let maxActive = 0
  const scheduler = new MaintenanceScheduler({
    intervalMs: 10,
    logger: pino({ level: 'silent' }),
    run: async () => {
      runs++
      active++
      maxActive = Math.max(maxActive, active)
      await new Promise((r) => setTimeout(r, 15))
      active--
      if (runs === 2) throw new Error('one bad pass')
    },
  })
  scheduler.start()
  await new Promise((r) => setTimeout(r, 200))
  await scheduler.stop()
  assert.ok(runs >= 4, `ran ${runs} times`)
  assert.equal(maxActive, 1)
  assert.equal(active, 0, 'stop waited for the running pass')
  const after = runs
  await new Promise((r) => setTimeout(r, 50))
  assert.equal(runs, after, 'no runs after stop')
})
