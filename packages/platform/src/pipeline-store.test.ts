import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PipelineStore, HistoryAction } from './pipeline-store.ts'

test('metadata and history survive reopening the data dir', async t => {
  const dir = await mkdtemp(join(tmpdir(), 'platform-store-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  const a = await PipelineStore.open({ dataDir: dir })
  await a.upsert('p', { owner: 'cory', ticket: 'ADS-1', description: 'clicks to hdfs', config: { topics: 't' } })
  await a.record({ pipeline: 'p', user: 'cory', action: HistoryAction.created, diff: [] })
  await a.upsert('p', { ticket: 'ADS-2' })
  const b = await PipelineStore.open({ dataDir: dir })
  assert.equal(b.get('p')?.owner, 'cory')
  assert.equal(b.get('p')?.ticket, 'ADS-2')
  assert.deepEqual(b.get('p')?.config, { topics: 't' })
  assert.equal(b.history('p')[0].action, HistoryAction.created)
  // no temp files left behind by the atomic writes
  assert.deepEqual((await readdir(join(dir, 'platform'))).sort(), ['history.json', 'pipelines.json'])
  JSON.parse(await readFile(join(dir, 'platform', 'pipelines.json'), 'utf8'))
})

test('concurrent writes are serialised, none lost', async t => {
  const dir = await mkdtemp(join(tmpdir(), 'platform-store-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  const s = await PipelineStore.open({ dataDir: dir })
  await Promise.all(Array.from({ length: 20 }, (_, i) => s.upsert(`p${i}`, { owner: 'o', ticket: 't', description: 'd' })))
  const again = await PipelineStore.open({ dataDir: dir })
  assert.equal(again.list().length, 20)
})

test('history is capped per pipeline and newest first', async t => {
  const dir = await mkdtemp(join(tmpdir(), 'platform-store-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  const s = await PipelineStore.open({ dataDir: dir, historyLimitPerPipeline: 3 })
  for (let i = 0; i < 5; i++) await s.record({ pipeline: 'p', user: null, action: HistoryAction.paused, diff: [], detail: { i } })
  await s.record({ pipeline: 'q', user: null, action: HistoryAction.paused, diff: [] })
  assert.deepEqual(s.history('p').map(e => e.detail?.i), [4, 3, 2])
  assert.equal(s.history('q').length, 1)
})

test('config can be cleared explicitly while owner stays', async t => {
  const dir = await mkdtemp(join(tmpdir(), 'platform-store-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  const s = await PipelineStore.open({ dataDir: dir })
  await s.upsert('p', { owner: 'o', config: { a: '1' } })
  await s.upsert('p', { config: undefined })
  assert.equal(s.get('p')?.config, undefined)
  assert.equal(s.get('p')?.owner, 'o')
})
