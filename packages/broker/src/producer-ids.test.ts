import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { ProducerIdAllocator } from './producer-ids.ts'

test('producer ids are never reused across restarts', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'trib-pids-'))
  try {
    const seen = new Set<number>()
    for (let run = 0; run < 3; run++) {
      const alloc = await ProducerIdAllocator.open(dir, { blockSize: 4 })
      const ids = await Promise.all(Array.from({ length: 6 }, () => alloc.allocate()))
      for (const id of ids) {
        assert.ok(!seen.has(id), `id ${id} reused`)
        seen.add(id)
      }
    }
    assert.equal(seen.size, 18)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

test('a corrupt producer id file refuses to start', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'trib-pids-'))
  try {
    await (await ProducerIdAllocator.open(dir)).allocate()
    await writeFile(join(dir, 'producer-ids'), Buffer.from('TRPI garbage garbage'))
    await assert.rejects(ProducerIdAllocator.open(dir), /corrupt/)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
