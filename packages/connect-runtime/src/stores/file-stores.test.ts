import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FileConfigStore } from './file-config-store.ts'
import { FileOffsetStore } from './file-offset-store.ts'

test('offsets survive a reopen, key order does not matter, null removes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'offs-'))
  const path = join(dir, 'connect.offsets')
  const a = new FileOffsetStore(path)
  await a.set('src', [{ partition: { filename: 'x', b: 1 }, offset: { position: 30 } }])
  await a.set('other', [{ partition: { filename: 'y' }, offset: { position: 1 } }])
  const b = new FileOffsetStore(path)
  assert.deepEqual(b.get('src', { b: 1, filename: 'x' }), { position: 30 })
  assert.deepEqual(b.list('src'), [{ partition: { b: 1, filename: 'x' }, offset: { position: 30 } }])
  await b.set('src', [{ partition: { filename: 'x', b: 1 }, offset: null }])
  assert.deepEqual(new FileOffsetStore(path).list('src'), [])
  assert.deepEqual(readdirSync(dir), ['connect.offsets'])
})

test('connector configs, target states and task configs survive a reopen', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cfgs-'))
  const path = join(dir, 'connect.configs')
  const a = new FileConfigStore(path)
  await a.putConnectorConfig('c1', { name: 'c1', 'connector.class': 'FileStreamSource' }, 'PAUSED')
  await a.putTaskConfigs('c1', [{ 'task.class': 'x' }])
  await a.putConnectorConfig('c2', { name: 'c2' })
  await a.putTargetState('c2', 'STOPPED')
  await a.remove('c2')
  const b = new FileConfigStore(path)
  assert.deepEqual([...b.snapshot().keys()], ['c1'])
  assert.deepEqual(b.get('c1'), { config: { name: 'c1', 'connector.class': 'FileStreamSource' }, targetState: 'PAUSED', taskConfigs: [{ 'task.class': 'x' }] })
})
