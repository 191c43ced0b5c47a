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
