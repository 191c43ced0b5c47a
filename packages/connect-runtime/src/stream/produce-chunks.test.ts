import { test } from 'node:test'
import assert from 'node:assert/strict'
import { chunkBySize, estimatedRecordBytes, MAX_SEND_BYTES } from './produce-chunks.ts'

const msg = (valueBytes: number, i = 0): { topic: string, value: Buffer, key: Buffer } => ({ topic: 't', key: Buffer.from(String(i)), value: Buffer.alloc(valueBytes, 97) })

test('a poll batch of 2000 × 1 KiB records is cut into sends under the broker limit, order kept', () => {
  const messages = Array.from({ length: 2000 }, (_, i) => msg(1024, i))
  const chunks = chunkBySize(messages)
  assert.ok(chunks.length >= 3)
  for (const c of chunks) assert.ok(c.reduce((n, m) => n + estimatedRecordBytes(m), 0) <= MAX_SEND_BYTES)
  assert.deepEqual(chunks.flat(), messages)
})

test('small batches stay one send; an oversized record goes alone', () => {
  assert.equal(chunkBySize([msg(10), msg(10)]).length, 1)
  assert.deepEqual(chunkBySize([]), [])
  const big = msg(2_000_000)
  const chunks = chunkBySize([msg(10), big, msg(10)])
  assert.deepEqual(chunks.map((c) => c.length), [1, 1, 1])
  assert.equal(chunks[1][0], big)
})

test('headers count towards the size', () => {
  const plain = msg(100)
  const withHeaders = { ...plain, headers: new Map([[Buffer.from('h'), Buffer.alloc(500)]]) }
  assert.equal(estimatedRecordBytes(withHeaders) - estimatedRecordBytes(plain), 1 + 500 + 2)
})
