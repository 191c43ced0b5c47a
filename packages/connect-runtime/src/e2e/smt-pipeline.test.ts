// A JSON-with-schema source pipeline through InsertField, ReplaceField, MaskField, Cast,
// TimestampRouter, RegexRouter and a Filter gated by a predicate: the bytes on the topic are the
// ones Kafka Connect would write for the same records and config.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Consumer } from '@platformatic/kafka'
import { ConnectHeaders, SchemaBuilder, SourceRecord, Struct } from '@tributary/connect-api'
import { startTestKafka } from '../test-support/test-kafka.ts'
import { sourceScripts, testPlugins } from '../test-support/test-connectors.ts'
import { eventually, startTestWorker } from '../test-support/test-worker.ts'

const TS = Date.UTC(2024, 0, 2, 10, 30)

function people (): SourceRecord[] {
  const schema = SchemaBuilder.struct().name('person')
    .field('id', SchemaBuilder.int32().build())
    .field('name', SchemaBuilder.string().build())
    .field('age', SchemaBuilder.int32().build())
    .field('ssn', SchemaBuilder.string().build())
    .field('internal', SchemaBuilder.string().optional().build())
    .build()
  const rows: Array<[number, string, number, string, boolean]> = [[1, 'Ann', 42, '123-45-6789', false], [2, 'Bob', 17, '987-65-4321', true], [3, 'Cy', 30, '555-55-5555', false]]
  return rows.map(([id, name, age, ssn, skip], i) => new SourceRecord({
    sourcePartition: { table: 'people' },
    sourceOffset: { row: i + 1 },
    topic: 'people',
    valueSchema: schema,
    value: new Struct(schema).put('id', id).put('name', name).put('age', age).put('ssn', ssn).put('internal', 'x'),
    timestamp: TS,
    headers: skip ? new ConnectHeaders().add('skip', 'yes') : new ConnectHeaders(),
  }))
}

test('SMT chain with a predicate-gated Filter produces what Kafka Connect produces', async (t) => {
  const kafka = await startTestKafka(t)
  if (kafka === null) return
  t.after(() => kafka.stop())
  sourceScripts.set('people', people)
  const w = await startTestWorker(kafka.bootstrap, { plugins: testPlugins })
  t.after(() => w.stop())
  const created = await w.http('POST', '/connectors', {
    name: 'people-source',
    config: {
      'connector.class': 'test.ScriptedSourceConnector',
      script: 'people',
      'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
      transforms: 'insert,replace,mask,cast,skipFlagged,byDay,rename',
      'transforms.insert.type': 'org.apache.kafka.connect.transforms.InsertField$Value',
      'transforms.insert.static.field': 'origin',
      'transforms.insert.static.value': 'tributary',
      'transforms.insert.topic.field': 'src_topic',
      'transforms.replace.type': 'org.apache.kafka.connect.transforms.ReplaceField$Value',
      'transforms.replace.exclude': 'internal',
      'transforms.replace.renames': 'name:full_name',
      'transforms.mask.type': 'org.apache.kafka.connect.transforms.MaskField$Value',
      'transforms.mask.fields': 'ssn',
      'transforms.cast.type': 'org.apache.kafka.connect.transforms.Cast$Value',
      'transforms.cast.spec': 'age:string',
      'transforms.skipFlagged.type': 'org.apache.kafka.connect.transforms.Filter',
      'transforms.skipFlagged.predicate': 'flagged',
      'transforms.byDay.type': 'org.apache.kafka.connect.transforms.TimestampRouter',
      'transforms.byDay.topic.format': '${topic}-${timestamp}',
      'transforms.byDay.timestamp.format': 'yyyyMMdd',
      'transforms.rename.type': 'org.apache.kafka.connect.transforms.RegexRouter',
      'transforms.rename.regex': '(.*)-(\\d{8})',
      'transforms.rename.replacement': '$1_day_$2',
      predicates: 'flagged',
      'predicates.flagged.type': 'org.apache.kafka.connect.transforms.predicates.HasHeaderKey',
      'predicates.flagged.name': 'skip',
    },
  })
  assert.equal(created.status, 201, JSON.stringify(created.body))

  const consumer = new Consumer({ groupId: 'smt-reader', clientId: 'smt-reader', bootstrapBrokers: [kafka.bootstrap], autocommit: false })
  t.after(() => consumer.close(true))
  const topic = 'people_day_20240102'
  await eventually(async () => (await w.http('GET', '/connectors/people-source/topics')).body['people-source'].topics.includes(topic), 30000, 'routed topic in use')
  const stream = await consumer.consume({ topics: [topic], mode: 'earliest' })
  const got: Array<{ key?: Buffer, value?: Buffer, timestamp: bigint }> = []
  stream.on('data', (m) => { got.push(m) })
  await eventually(() => got.length >= 2, 60000, 'two records on the routed topic')
  await stream.close()

  const schema = {
    type: 'struct',
    fields: [
      { type: 'int32', optional: false, field: 'id' },
      { type: 'string', optional: false, field: 'full_name' },
      { type: 'string', optional: false, field: 'age' },
      { type: 'string', optional: false, field: 'ssn' },
      { type: 'string', optional: true, field: 'src_topic' },
      { type: 'string', optional: true, field: 'origin' },
    ],
    optional: false,
    name: 'person',
  }
  const expected = [[1, 'Ann', '42'], [3, 'Cy', '30']].map(([id, name, age]) => JSON.stringify({ schema, payload: { id, full_name: name, age, ssn: '', src_topic: 'people', origin: 'tributary' } }))
  assert.deepEqual(got.map((m) => m.value?.toString()), expected)
  assert.ok(got.every((m) => m.key === undefined || m.key === null || m.key.length === 0), 'null keys stay null')
  assert.deepEqual(got.map((m) => Number(m.timestamp)), [TS, TS])
  // Offsets of every record, the filtered one included, are committed.
  await eventually(async () => {
    const o = (await w.http('GET', '/connectors/people-source/offsets')).body.offsets
    return o.length === 1 && o[0].offset.row === 3
  }, 10000, 'source offset row 3')
})
