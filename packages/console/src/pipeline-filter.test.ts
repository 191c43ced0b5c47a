import { test } from 'node:test'
import assert from 'node:assert/strict'
import { matchesQuery } from './pipeline-filter.ts'
import type { PipelineSummary } from './api/types.ts'

const p = (over: Partial<PipelineSummary>): PipelineSummary => ({
  name: 'clicks-to-hdfs', type: 'sink', plugin: 'HdfsSinkConnector', state: 'RUNNING', tasks: [], topics: ['ad-clicks'],
  owner: 'cory', ticket: 'ADS-12', description: null, updatedAt: null, inRate: 0, outRate: 0, errors: 0, dlq: 0, lag: 0, lagStatus: 'OK', ...over,
})

test('free words match name, owner, ticket, plugin and topics, case-insensitively', () => {
  assert.ok(matchesQuery(p({}), 'CLICKS'))
  assert.ok(matchesQuery(p({}), 'ads-12'))
  assert.ok(matchesQuery(p({}), 'ad-clicks hdfs'))
  assert.ok(!matchesQuery(p({}), 'mongo'))
})

test('field:value narrows to one field', () => {
  assert.ok(matchesQuery(p({}), 'owner:cor'))
  assert.ok(!matchesQuery(p({}), 'owner:ads'))
  assert.ok(matchesQuery(p({}), 'state:running topic:ad-'))
  assert.ok(!matchesQuery(p({ state: 'PAUSED' }), 'state:running'))
  assert.ok(!matchesQuery(p({ owner: null }), 'owner:cory'))
})

test('an empty query matches everything', () => {
  assert.ok(matchesQuery(p({}), '   '))
})
