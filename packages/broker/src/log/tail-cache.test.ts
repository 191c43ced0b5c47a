// The tail cache keeps the newest batches within its byte budget and nothing more: evicted batches
// must become garbage at once (they used to stay referenced until 1024 evictions piled up, which
// made the broker's RSS grow with the volume produced).

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { TailCache } from './tail-cache.ts'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const BATCH = 1024

function fill (cache: TailCache, count: number): Array<WeakRef<Buffer>> {
  const refs: Array<WeakRef<Buffer>> = []
  for (let i = 0; i < count; i++) {
    const batch = Buffer.alloc(BATCH, i)
    cache.add(i, i, batch)
    refs.push(new WeakRef(batch))
  }
  return refs
}

test('evicted batches are released, the budget is kept, reads see only what is cached', async () => {
  const cache = new TailCache(10 * BATCH)
  const refs = fill(cache, 40)
  // WeakRef targets stay alive until the current job ends.
  await new Promise((resolve) => setImmediate(resolve))
  gc()
  const alive = refs.map((ref) => ref.deref() !== undefined)
  assert.deepEqual(alive.slice(0, 30), Array(30).fill(false), 'the 30 evicted batches were collected')
  assert.deepEqual(alive.slice(30), Array(10).fill(true), 'the 10 newest are held')
  assert.equal(cache.read(29, 1 << 20, 40), null, 'an evicted offset is a miss')
  const hit = cache.read(30, 1 << 20, 40)
  assert.equal(hit?.length, 10)
  assert.deepEqual(hit?.map((b) => b[0]), [30, 31, 32, 33, 34, 35, 36, 37, 38, 39])
})
