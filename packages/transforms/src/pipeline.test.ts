// A sink-side pipeline as Kafka Connect runs it: JSON bytes → JsonConverter → SMT chain (with a
// predicate-guarded Filter) → JsonConverter, checked byte for byte against what Kafka produces.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { SinkRecord, SourceRecord, Schema } from '@tributary/connect-api'
import type { Transformation, Predicate } from '@tributary/connect-api'
import { JsonConverter } from '@tributary/converters'
import { transformationPlugins, predicatePlugins } from './transform-plugins.ts'

function create<T extends { configure(c: Record<string, unknown>): void }>(list: ReadonlyArray<{ className: string; aliases: readonly string[]; create(): unknown }>, name: string, config: Record<string, unknown>): T {
  const d = list.find((p) => p.className === name || p.aliases.includes(name))
  assert.ok(d, `plugin ${name}`)
  const plugin = d.create() as T
  plugin.configure(config)
  return plugin
}

const input = '{"schema":{"type":"struct","fields":[{"type":"int32","optional":false,"field":"id"},{"type":"string","optional":true,"field":"name"},' +
  '{"type":"string","optional":true,"field":"ssn"},{"type":"string","optional":true,"field":"internal"},{"type":"string","optional":false,"field":"amount"}],' +
  '"optional":false,"name":"order"},"payload":{"id":1,"name":"kim","ssn":"123-45","internal":"x","amount":"12.5"}}'

const expected = '{"schema":{"type":"struct","fields":[{"type":"int64","optional":false,"field":"id"},{"type":"string","optional":true,"field":"customer"},' +
  '{"type":"string","optional":true,"field":"ssn"},{"type":"double","optional":false,"field":"amount"},{"type":"string","optional":true,"field":"src_topic"},' +
  '{"type":"int64","optional":true,"field":"src_offset"}],"optional":false,"name":"order"},' +
  '"payload":{"id":1,"customer":"kim","ssn":"","amount":12.5,"src_topic":"orders","src_offset":7}}'

test('JSON-with-schema records through InsertField, ReplaceField, MaskField, Cast, routers and a predicated Filter', async () => {
  const converter = new JsonConverter()
  converter.configure({}, false)
  const isSkip = create<Predicate>(predicatePlugins, 'org.apache.kafka.connect.transforms.predicates.TopicNameMatches', { pattern: 'skip-.*' })
  const chain: Array<{ smt: Transformation; predicate?: Predicate; negate?: boolean }> = [
    { smt: create(transformationPlugins, 'Filter', {}), predicate: isSkip },
    { smt: create(transformationPlugins, 'org.apache.kafka.connect.transforms.InsertField$Value', { 'topic.field': 'src_topic', 'offset.field': 'src_offset' }) },
    { smt: create(transformationPlugins, 'org.apache.kafka.connect.transforms.ReplaceField$Value', { exclude: 'internal', renames: 'name:customer' }) },
    { smt: create(transformationPlugins, 'org.apache.kafka.connect.transforms.MaskField$Value', { fields: 'ssn' }) },
    { smt: create(transformationPlugins, 'org.apache.kafka.connect.transforms.Cast$Value', { spec: 'amount:float64,id:int64' }) },
    { smt: create(transformationPlugins, 'TimestampRouter', { 'topic.format': '${topic}-${timestamp}', 'timestamp.format': 'yyyyMM' }) },
    { smt: create(transformationPlugins, 'RegexRouter', { regex: 'orders-(.*)', replacement: 'archive-$1' }) },
  ]
  const run = async (topic: string): Promise<SinkRecord | null> => {
    const { schema, value } = converter.toConnectData(topic, null, Buffer.from(input))
    let record: SinkRecord | null = new SinkRecord({ topic, kafkaPartition: 0, kafkaOffset: 7, valueSchema: schema, value, timestamp: Date.UTC(2024, 0, 15), timestampType: 'CreateTime' })
    for (const { smt, predicate, negate } of chain) {
      if (record === null) break
      if (predicate && (await predicate.test(record)) === Boolean(negate)) continue
      record = await smt.apply(record) as SinkRecord | null
    }
    return record
  }
  const out = await run('orders')
  assert.ok(out)
  assert.equal(out.topic, 'archive-202401')
  assert.equal(out.originalTopic, 'orders')
  assert.equal(Buffer.from(converter.fromConnectData(out.topic, out.headers, out.valueSchema, out.value)!).toString(), expected)
  assert.equal(await run('skip-me'), null)
})

test('every Kafka SMT and predicate class name is registered, with Key/Value variants', () => {
  const names = new Set(transformationPlugins.map((p) => p.className))
  for (const kv of ['Cast', 'ExtractField', 'Flatten', 'HeaderFrom', 'HoistField', 'InsertField', 'MaskField', 'ReplaceField', 'SetSchemaMetadata', 'TimestampConverter']) {
    assert.ok(names.has(`org.apache.kafka.connect.transforms.${kv}$Key`), kv)
    assert.ok(names.has(`org.apache.kafka.connect.transforms.${kv}$Value`), kv)
  }
  for (const single of ['DropHeaders', 'Filter', 'InsertHeader', 'RegexRouter', 'TimestampRouter', 'ValueToKey']) {
    const d = transformationPlugins.find((p) => p.className === `org.apache.kafka.connect.transforms.${single}`)
    assert.deepEqual(d?.aliases, [single])
  }
  assert.equal(transformationPlugins.length, 26)
  assert.deepEqual(predicatePlugins.map((p) => p.className), [
    'org.apache.kafka.connect.transforms.predicates.HasHeaderKey',
    'org.apache.kafka.connect.transforms.predicates.RecordIsTombstone',
    'org.apache.kafka.connect.transforms.predicates.TopicNameMatches',
  ])
  for (const p of [...transformationPlugins, ...predicatePlugins]) {
    assert.ok(p.config().configKeys instanceof Map, p.className)
    assert.ok(['transformation', 'predicate'].includes(p.type))
  }
})

test('the connect.html example: FileStreamSource lines through HoistField and InsertField', () => {
  const converter = new JsonConverter()
  converter.configure({ 'schemas.enable': 'false' }, false)
  const makeMap = create<Transformation>(transformationPlugins, 'org.apache.kafka.connect.transforms.HoistField$Value', { field: 'line' })
  const insertSource = create<Transformation>(transformationPlugins, 'org.apache.kafka.connect.transforms.InsertField$Value', { 'static.field': 'data_source', 'static.value': 'test-file-source' })
  const lines = ['foo', 'bar', 'hello world'].map((line) => {
    let r = new SourceRecord({ topic: 'connect-test', valueSchema: Schema.STRING_SCHEMA, value: line, sourcePartition: { filename: 'test.txt' }, sourceOffset: { position: 0 } })
    r = makeMap.apply(r) as SourceRecord
    r = insertSource.apply(r) as SourceRecord
    return Buffer.from(converter.fromConnectData(r.topic, r.headers, r.valueSchema, r.value)!).toString()
  })
  assert.deepEqual(lines, [
    '{"line":"foo","data_source":"test-file-source"}',
    '{"line":"bar","data_source":"test-file-source"}',
    '{"line":"hello world","data_source":"test-file-source"}',
  ])
})
