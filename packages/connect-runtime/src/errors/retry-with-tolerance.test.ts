import { test } from 'node:test'
import assert from 'node:assert/strict'
import { DataError, RetriableError } from '@tributary/connect-api'
import { parseErrorHandlingConfig } from './error-handling-config.ts'
import { RetryWithToleranceOperator, SKIPPED, ToleranceExceededError } from './retry-with-tolerance.ts'
import { Stages, type ErrorContext } from './stages.ts'

function operator (config: Record<string, string>) {
  let now = 0
  const sleeps: number[] = []
  const reported: ErrorContext[] = []
  const op = new RetryWithToleranceOperator(parseErrorHandlingConfig(config), {
    reporters: [{ report: async (c) => { reported.push(c) } }],
    now: () => now,
    sleep: async (ms) => { sleeps.push(ms); now += ms },
    random: () => 0.5,
  })
  return { op, sleeps, reported }
}

test('a successful operation is returned synchronously', () => {
  const { op } = operator({})
  assert.equal(op.execute({ stage: Stages.VALUE_CONVERTER, executingClass: 'X' }, () => 42), 42)
})

test('tolerance=all skips converter and transform failures and reports them', async () => {
  const { op, reported } = operator({ 'errors.tolerance': 'all' })
  const r = await op.execute({ stage: Stages.VALUE_CONVERTER, executingClass: 'X' }, () => { throw new DataError('bad') })
  assert.equal(r, SKIPPED)
  assert.equal(reported.length, 1)
  assert.equal(reported[0].stage, 'VALUE_CONVERTER')
})

test('tolerance=none fails with "Tolerance exceeded", still reporting', async () => {
  const { op, reported } = operator({})
  await assert.rejects(async () => op.execute({ stage: Stages.TRANSFORMATION, executingClass: 'X' }, () => { throw new DataError('bad') }),
    (err: unknown) => err instanceof ToleranceExceededError && err.message === 'Tolerance exceeded in error handler' && (err.cause as Error).message === 'bad')
  assert.equal(reported.length, 1)
})

test('a non-retriable error in put is not tolerated even with tolerance=all', async () => {
  const { op } = operator({ 'errors.tolerance': 'all' })
  await assert.rejects(async () => op.execute({ stage: Stages.TASK_PUT, executingClass: 'X' }, () => { throw new Error('disk full') }), /Unhandled exception in error handler/)
})

test('retriable errors are retried with 300ms·2^n backoff until errors.retry.timeout', async () => {
  const { op, sleeps } = operator({ 'errors.retry.timeout': '5000', 'errors.retry.delay.max.ms': '1000', 'errors.tolerance': 'all' })
  let calls = 0
  const r = await op.execute({ stage: Stages.TASK_POLL, executingClass: 'X' }, () => { calls++; throw new RetriableError('later') })
  // 300, 600, then capped: jitter 0.5·1000 = 500 each, until 5000 ms are used up.
  assert.deepEqual(sleeps.slice(0, 4), [300, 600, 500, 500])
  assert.equal(sleeps.reduce((a, b) => a + b, 0), 5000)
  assert.equal(calls, sleeps.length + 1)
  assert.equal(r, SKIPPED)
})

test('a retriable error that clears up returns the value', async () => {
  const { op } = operator({ 'errors.retry.timeout': '-1' })
  let calls = 0
  const r = await op.execute({ stage: Stages.TASK_POLL, executingClass: 'X' }, () => { if (++calls < 4) throw new RetriableError('x'); return 'ok' })
  assert.equal(r, 'ok')
})
