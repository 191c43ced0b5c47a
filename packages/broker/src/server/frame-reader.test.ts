import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FrameReader, FrameTooLargeError } from './frame-reader.ts'

function frame (payload: Buffer): Buffer {
  const size = Buffer.alloc(4)
  size.writeInt32BE(payload.length)
  return Buffer.concat([size, payload])
}

test('frames split across and packed within chunks', () => {
  const r = new FrameReader(1024)
  const a = frame(Buffer.from('hello'))
  const b = frame(Buffer.from('world!'))
  const all = Buffer.concat([a, b])
  const out: string[] = []
  for (let i = 0; i < all.length; i += 3) out.push(...r.push(all.subarray(i, i + 3)).map(String))
  assert.deepEqual(out, ['hello', 'world!'])
  assert.deepEqual(r.push(Buffer.concat([a, b])).map(String), ['hello', 'world!'])
  assert.equal(r.buffered, 0)
})

test('an oversized or negative size prefix is refused before any allocation', () => {
  const r = new FrameReader(100)
  const prefix = Buffer.alloc(4)
  prefix.writeInt32BE(0x7fffffff)
  const before = process.memoryUsage().arrayBuffers
  assert.throws(() => r.push(prefix), FrameTooLargeError)
  assert.ok(process.memoryUsage().arrayBuffers - before < 1 << 20)
  const neg = Buffer.alloc(4)
  neg.writeInt32BE(-5)
  assert.throws(() => new FrameReader(100).push(neg), FrameTooLargeError)
})
