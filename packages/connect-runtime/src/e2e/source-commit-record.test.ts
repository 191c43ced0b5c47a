// SourceTask.commitRecord is called once per record Kafka acknowledged, in poll order, with the
// record as polled and the topic it went to, also now that a batch being sent keeps its records
// only for tasks that override commitRecord.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { SourceRecord } from '@tributary/connect-api'
import { startTestKafka } from '../test-support/test-kafka.ts'
import { committedRecords, sourceScripts, testPlugins } from '../test-support/test-connectors.ts'
import { eventually, startTestWorker } from '../test-support/test-worker.ts'

test('commitRecord gets every acknowledged record in order, with its topic', async (t) => {
  const kafka = await startTestKafka(t)
  if (kafka === null) return
  t.after(() => kafka.stop())
  const n = 2500
  sourceScripts.set('committing', () => Array.from({ length: n }, (_, i) => new SourceRecord({
    sourcePartition: { p: 'one' },
    sourceOffset: { i },
    topic: i % 2 === 0 ? 'commit-even' : 'commit-odd',
    value: `v${i}`,
  })))
  const w = await startTestWorker(kafka.bootstrap, { plugins: testPlugins, props: { 'value.converter': 'org.apache.kafka.connect.storage.StringConverter' } })
  t.after(() => w.stop())
  const created = await w.http('POST', '/connectors', { name: 'committing-source', config: { 'connector.class': 'test.CommittingSourceConnector', script: 'committing' } })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const calls = await eventually(() => { const c = committedRecords.get('committing'); return c !== undefined && c.length >= n ? c : undefined }, 60_000, `${n} commitRecord calls`)
  assert.equal(calls.length, n)
  calls.forEach(({ record, metadata }, i) => {
    assert.equal(record.value, `v${i}`)
    assert.equal(metadata?.topic, i % 2 === 0 ? 'commit-even' : 'commit-odd')
  })
  const topics = await eventually(async () => { const b = (await w.http('GET', '/connectors/committing-source/topics')).body; return b?.['committing-source']?.topics?.length === 2 ? b['committing-source'].topics : undefined }, 30_000, 'both topics recorded as active')
  assert.deepEqual([...topics].sort(), ['commit-even', 'commit-odd'])
})
