import { test } from 'node:test'
import assert from 'node:assert/strict'
import { SubmittedOffsets } from './submitted-offsets.ts'

const rec = (pos: number) => ({ sourcePartition: { filename: 'f' }, sourceOffset: { position: pos } })

test('offsets become committable only when every earlier batch was acknowledged', () => {
  const s = new SubmittedOffsets('c')
  const a = s.submit([rec(1), rec(2)])
  const b = s.submit([rec(3)])
  b.ack()
  assert.deepEqual(s.take(), [], 'b acked before a: nothing committable yet')
  a.ack()
  assert.deepEqual(s.take(), [{ partition: { filename: 'f' }, offset: { position: 3 } }])
  assert.deepEqual(s.take(), [])
  s.restore([{ partition: { filename: 'f' }, offset: { position: 3 } }])
  assert.deepEqual(s.take(), [{ partition: { filename: 'f' }, offset: { position: 3 } }])
})

test('interleaved partitions, and equal partitions given as different objects, keep the last offset of each', () => {
  const s = new SubmittedOffsets('c')
  const a = { filename: 'a' }
  const b = { filename: 'b' }
  const at = (partition: Record<string, unknown>, pos: number) => ({ sourcePartition: partition, sourceOffset: { position: pos } })
  s.submit([at(a, 1), at(b, 10), at(a, 2), at({ filename: 'b' }, 11), at(a, 3), { sourcePartition: null, sourceOffset: null }]).ack()
  s.submit([at({ filename: 'a', x: 1 }, 5), at({ x: 1, filename: 'a' }, 6)]).ack()
  assert.deepEqual(s.take(), [
    { partition: a, offset: { position: 3 } },
    { partition: { filename: 'b' }, offset: { position: 11 } },
    { partition: { x: 1, filename: 'a' }, offset: { position: 6 } },
  ])
})
