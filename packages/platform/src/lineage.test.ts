import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildLineage } from './lineage.ts'
import type { LineagePipeline } from './lineage.ts'

const source: LineagePipeline = { name: 'src', type: 'source', config: { 'connector.class': 'FileStreamSource', file: '/tmp/in.txt', topic: 'raw' }, topics: ['raw'] }
const sink: LineagePipeline = { name: 'snk', type: 'sink', config: { 'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector', file: '/tmp/out.txt', topics: 'raw' }, topics: ['raw'] }
const other: LineagePipeline = { name: 'jdbc', type: 'sink', config: { 'connector.class': 'JdbcSinkConnector', 'connection.url': 'jdbc:postgresql://u:secret@db/x', topics: 'orders' }, topics: [] }

const edgeSet = (g: ReturnType<typeof buildLineage>) => new Set(g.edges.map(e => `${e.from} -> ${e.to}`))

test('file → source → topic → sink → file', () => {
  const g = buildLineage([source, sink])
  const edges = edgeSet(g)
  assert.ok(edges.has('file:/tmp/in.txt>in -> connector:src'))
  assert.ok(edges.has('connector:src -> topic:raw'))
  assert.ok(edges.has('topic:raw -> connector:snk'))
  assert.ok(edges.has('connector:snk -> file:/tmp/out.txt>out'))
  assert.deepEqual(g.nodes.map(n => n.column).sort(), [0, 1, 2, 3, 4])
})

test('topic usage wins over config, so a RegexRouter rename shows the real topic', () => {
  const renamed = { ...source, config: { ...source.config, transforms: 'r', 'transforms.r.type': 'org.apache.kafka.connect.transforms.RegexRouter' }, topics: ['raw-v2'] }
  const g = buildLineage([renamed])
  assert.ok(edgeSet(g).has('connector:src -> topic:raw-v2'))
  assert.ok(!g.nodes.some(n => n.id === 'topic:raw'))
  assert.equal(g.edges.find(e => e.to === 'topic:raw-v2')?.observed, true)
})

test('declared topics stand in until the connector has used one, marked not observed', () => {
  const g = buildLineage([other])
  const e = g.edges.find(x => x.from === 'topic:orders')
  assert.equal(e?.observed, false)
  const system = g.nodes.find(n => n.kind === 'system')
  assert.ok(system && !system.label.includes('secret'), 'credentials never shown')
})

test('focus on a topic keeps its producers and consumers and nothing unrelated', () => {
  const g = buildLineage([source, sink, other], { topic: 'raw' })
  const ids = new Set(g.nodes.map(n => n.id))
  assert.ok(ids.has('connector:src') && ids.has('connector:snk') && ids.has('file:/tmp/in.txt>in'))
  assert.ok(!ids.has('connector:jdbc'))
})

test('focus on a pipeline that does not exist is an empty graph', () => {
  assert.deepEqual(buildLineage([source], { pipeline: 'nope' }), { nodes: [], edges: [] })
})

test('a sink\'s dead letter queue topic is drawn as a dlq edge back into the topics', () => {
  const withDlq = { ...sink, config: { ...sink.config, 'errors.tolerance': 'all', 'errors.deadletterqueue.topic.name': 'raw-dlq' } }
  const g = buildLineage([source, withDlq])
  const e = g.edges.find(x => x.from === 'connector:snk' && x.to === 'topic:raw-dlq')
  assert.equal(e?.dlq, true)
  assert.equal(g.nodes.find(n => n.id === 'topic:raw-dlq')?.column, 2)
  // focused on the source topic, the sink's DLQ is downstream and stays
  assert.ok(buildLineage([source, withDlq], { topic: 'raw' }).nodes.some(n => n.id === 'topic:raw-dlq'))
})
