import { test } from 'node:test'
import assert from 'node:assert/strict'
import { RingBuffer } from './ring-buffer.ts'

test('keeps the newest items up to capacity, oldest first', () => {
  const r = new RingBuffer<number>(3)
  assert.deepEqual(r.toArray(), [])
  for (let i = 1; i <= 5; i++) r.push(i)
  assert.deepEqual(r.toArray(), [3, 4, 5])
  assert.equal(r.last(), 5)
  assert.equal(r.size, 3)
})

test('rejects a capacity that is not a positive integer', () => {
  assert.throws(() => new RingBuffer(0), RangeError)
})
