import { test } from 'node:test'
import assert from 'node:assert/strict'
import { evaluatePartition, groupStatus } from './lag-evaluator.ts'
import type { OffsetObservation } from './lag-evaluator.ts'
import { LagTracker } from './lag-tracker.ts'

const W = 5
const obs = (rows: [offset: number, lag: number][], committedEvery?: number): OffsetObservation[] =>
  rows.map(([offset, lag], i) => ({ offset, lag, observedAt: i * 1000, ...(committedEvery ? { committedAt: i * committedEvery } : {}) }))
const evaluate = (window: OffsetObservation[], consumerActive = true, now = 5000) =>
  evaluatePartition({ window, now, consumerActive, windowSize: W })

test('any zero lag in the window is OK for a consumer that still runs', () => {
  assert.equal(evaluate(obs([[10, 5], [10, 0], [10, 5], [10, 5], [10, 5]])), 'OK')
})

test('current lag zero is OK even for a stopped consumer', () => {
  assert.equal(evaluate(obs([[10, 5], [15, 0]]), false), 'OK')
})

test('a stopped consumer is STOP even if its lag was zero earlier in the window (checked first, as Burrow)', () => {
  assert.equal(evaluate(obs([[10, 0], [10, 0], [10, 3]]), false), 'STOP')
  // and by commit timestamps: commits at 0, 100, 200, nothing since, now 1000
  assert.equal(evaluatePartition({ window: obs([[10, 0], [11, 4], [12, 4]], 100), now: 1000, consumerActive: true, windowSize: W }), 'STOP')
  // two commits are not enough evidence for STOP by timestamps
  assert.equal(evaluatePartition({ window: obs([[10, 0], [11, 4]], 100), now: 1000, consumerActive: true, windowSize: W }), 'OK')
})

test('unknown lag (-1, no end offset yet) is OK', () => {
  assert.equal(evaluate(obs([[0, -1], [0, -1], [0, -1], [0, -1], [0, -1]])), 'OK')
})

test('offsets that do not move over a full window with lag > 0 are STALL', () => {
  assert.equal(evaluate(obs([[10, 5], [10, 5], [10, 6], [10, 7], [10, 7]])), 'STALL')
})

test('a window not yet full is not enough evidence to call STALL', () => {
  assert.equal(evaluate(obs([[10, 5], [10, 5], [10, 5]])), 'OK')
})

test('moving offsets with lag never decreasing are WARN (falling behind)', () => {
  assert.equal(evaluate(obs([[10, 5], [12, 5], [14, 6], [16, 8], [18, 8]])), 'WARN')
})

test('moving offsets with lag decreasing somewhere are OK (catching up)', () => {
  assert.equal(evaluate(obs([[10, 9], [12, 9], [14, 7], [16, 8], [18, 8]])), 'OK')
})

test('offsets going backwards are REWIND, reported as ERR for the group', () => {
  const status = evaluate(obs([[10, 5], [12, 5], [8, 9], [9, 9], [10, 9]]))
  assert.equal(status, 'REWIND')
  assert.equal(groupStatus([status, 'OK']), 'ERR')
})

test('no running consumer and lag > 0 is STOP when commit times are unknown', () => {
  assert.equal(evaluate(obs([[10, 5], [10, 5]]), false), 'STOP')
})

test('with commit timestamps, STOP when the last commit is older than the window span', () => {
  // commits at 0,100,200,300,400 -> span 400; now 1000 -> 600 since last commit > 400
  assert.equal(evaluatePartition({ window: obs([[10, 5], [11, 5], [12, 5], [13, 5], [14, 5]], 100), now: 1000, consumerActive: true, windowSize: W }), 'STOP')
  // now 700 -> 300 since last commit <= 400: the trend rules apply (lag fixed while moving: WARN)
  assert.equal(evaluatePartition({ window: obs([[10, 5], [11, 5], [12, 5], [13, 5], [14, 5]], 100), now: 700, consumerActive: true, windowSize: W }), 'WARN')
})

test('the group takes its worst partition: STOP > STALL > ERR > WARN > OK', () => {
  assert.equal(groupStatus([]), 'OK')
  assert.equal(groupStatus(['OK', 'WARN']), 'WARN')
  assert.equal(groupStatus(['WARN', 'REWIND']), 'ERR')
  assert.equal(groupStatus(['REWIND', 'STALL']), 'STALL')
  assert.equal(groupStatus(['STALL', 'STOP', 'OK']), 'STOP')
})

test('tracker slides the window and recovers to OK once lag returns to zero', () => {
  const tracker = new LagTracker(3)
  const p = (committedOffset: number, logEndOffset: number) => [{ topic: 't', partition: 0, committedOffset, logEndOffset, lag: logEndOffset - committedOffset }]
  tracker.observe('g', p(0, 10), 1, true)
  tracker.observe('g', p(0, 10), 2, true)
  assert.equal(tracker.observe('g', p(0, 12), 3, true).status, 'STALL')
  assert.equal(tracker.observe('g', p(12, 12), 4, true).status, 'OK')
  const report = tracker.observe('g', p(12, 12), 5, true)
  assert.equal(report.totalLag, 0)
  assert.equal(report.partitions[0].status, 'OK')
})

test('tracker reports ERR with the reason when the lag source fails', () => {
  const tracker = new LagTracker(3)
  const report = tracker.fail('g', 'broker unreachable', 10)
  assert.equal(report.status, 'ERR')
  assert.match(report.error ?? '', /unreachable/)
})

test('with commit timestamps the window holds one entry per commit, so sampling twice is no STOP', () => {
  const tracker = new LagTracker(5)
  const p = (committedOffset: number, logEndOffset: number, committedAt: number) => [{ topic: 't', partition: 0, committedOffset, logEndOffset, lag: logEndOffset - committedOffset, committedAt }]
  // commits every 10 s, samples every 5 s, always 3 records behind: a healthy consumer
  assert.equal(tracker.observe('g', p(10, 13, 0), 1000, true).status, 'OK')
  assert.equal(tracker.observe('g', p(10, 13, 0), 5000, true).status, 'OK')
  assert.equal(tracker.observe('g', p(20, 23, 10_000), 10_500, true).status, 'OK')
  assert.equal(tracker.observe('g', p(20, 23, 10_000), 15_000, true).status, 'OK')
  assert.equal(tracker.observe('g', p(30, 33, 20_000), 20_500, true).status, 'OK')
  // 9 s since the last of three commits spanning 20 s: within, OK
  assert.equal(tracker.observe('g', p(30, 35, 20_000), 29_000, true).status, 'OK')
  // 25 s without a commit > 20 s span, lag > 0: the consumer stopped committing
  assert.equal(tracker.observe('g', p(30, 40, 20_000), 45_000, true).status, 'STOP')
})

test('observations closer than the minimum spacing replace the last one (forced refreshes)', () => {
  const tracker = new LagTracker(3, 1000)
  const p = (committedOffset: number) => [{ topic: 't', partition: 0, committedOffset, logEndOffset: 100, lag: 100 - committedOffset }]
  tracker.observe('g', p(5), 0, true)
  tracker.observe('g', p(5), 100, true)
  // a burst of refreshes must not make a full window of "no movement" (STALL) in 200 ms
  assert.equal(tracker.observe('g', p(5), 200, true).status, 'OK')
  tracker.observe('g', p(5), 1200, true)
  assert.equal(tracker.observe('g', p(5), 2400, true).status, 'STALL')
})
