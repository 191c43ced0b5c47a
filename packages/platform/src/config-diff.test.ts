import { test } from 'node:test'
import assert from 'node:assert/strict'
import { configsEqual, diffConfigs } from './config-diff.ts'

test('added, removed and changed keys, sorted by key', () => {
  assert.deepEqual(diffConfigs({ a: '1', b: '2', c: '3' }, { a: '1', b: '20', d: '4' }), [
    { key: 'b', kind: 'changed', before: '2', after: '20' },
    { key: 'c', kind: 'removed', before: '3' },
    { key: 'd', kind: 'added', after: '4' },
  ])
})

test('secrets are masked in the diff', () => {
  const d = diffConfigs({ 'connection.password': 'old' }, { 'connection.password': 'new', 'api.key': 'k' })
  assert.ok(!JSON.stringify(d).includes('old') && !JSON.stringify(d).includes('new"') && !JSON.stringify(d).includes('"k"'))
  assert.equal(d.length, 2)
})

test('configsEqual ignores key order and notices a missing key', () => {
  assert.equal(configsEqual({ a: '1', b: '2' }, { b: '2', a: '1' }), true)
  assert.equal(configsEqual({ a: '1' }, { a: '1', b: '' }), false)
  assert.equal(configsEqual(null, {}), true)
})
