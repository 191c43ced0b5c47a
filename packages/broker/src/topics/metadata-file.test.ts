import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { METADATA_FILE, readMetadataFile, writeMetadataFile } from './metadata-file.ts'
import { topicNameProblem } from './topic-name.ts'

test('metadata round-trips and a flipped byte is detected', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'trib-meta-'))
  try {
    assert.equal(await readMetadataFile(dir), null)
    const meta = { clusterId: 'abc', topics: [{ name: 't', id: 'ff'.repeat(16), partitions: 3, configs: { 'retention.ms': '5' } }] }
    await writeMetadataFile(dir, meta)
    assert.deepEqual(await readMetadataFile(dir), meta)
    const bytes = await readFile(join(dir, METADATA_FILE))
    bytes[bytes.length - 3] ^= 0x01
    await writeFile(join(dir, METADATA_FILE), bytes)
    await assert.rejects(readMetadataFile(dir), /corrupt/)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

test('topic name rules', () => {
  assert.equal(topicNameProblem('orders.v1_x-2'), undefined)
  for (const bad of ['', '.', '..', 'a b', 'a/b', 'x'.repeat(250), 'ü']) assert.ok(topicNameProblem(bad) !== undefined, bad)
})
