// Invariant: no transform mutates the record it is given (value, key, nested maps/structs, headers).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Schema, SchemaBuilder, Struct, SinkRecord, ConnectHeaders, ConnectTimestamp, javaToString } from '@tributary/connect-api'
import type { Transformation } from '@tributary/connect-api'
import { transformationPlugins } from './transform-plugins.ts'

const configs: Record<string, Record<string, string>> = {
  Cast: { spec: 'a:string' },
  DropHeaders: { headers: 'h' },
  ExtractField: { field: 'a' },
  Filter: {},
  Flatten: {},
  HeaderFrom: { fields: 'a', headers: 'ha', operation: 'move' },
  HoistField: { field: 'wrap' },
  InsertField: { 'topic.field': 'topic', 'offset.field': 'offset' },
  InsertHeader: { header: 'h', 'value.literal': '1' },
  MaskField: { fields: 'a' },
  RegexRouter: { regex: '(.*)', replacement: 'x-$1' },
  ReplaceField: { exclude: 'a', renames: 'b:bb' },
  SetSchemaMetadata: { 'schema.name': 'renamed' },
  TimestampConverter: { field: 'ts', 'target.type': 'unix' },
  TimestampRouter: {},
  ValueToKey: { fields: 'a' },
}

const inner = SchemaBuilder.struct().field('x', Schema.INT32_SCHEMA).build()
const schema = SchemaBuilder.struct().name('r')
  .field('a', Schema.INT32_SCHEMA).field('b', Schema.STRING_SCHEMA).field('ts', ConnectTimestamp.SCHEMA).field('n', inner).build()

function records(): SinkRecord[] {
  const headers = (): ConnectHeaders => new ConnectHeaders().add('h', 'v')
  const struct = new Struct(schema).put('a', 1).put('b', 'two').put('ts', new Date(5)).put('n', new Struct(inner).put('x', 3))
  const base = { topic: 't', kafkaPartition: 0, kafkaOffset: 9, timestamp: 1000 }
  return [
    new SinkRecord({ ...base, keySchema: schema, key: struct, valueSchema: schema, value: struct, headers: headers() }),
    new SinkRecord({ ...base, key: { a: 1, b: 'two', ts: 5, n: { x: 3 } }, value: { a: 1, b: 'two', ts: 5, n: { x: 3 } }, headers: headers() }),
  ]
}

function snapshot(r: SinkRecord): string {
  return JSON.stringify([r.topic, r.kafkaPartition, r.timestamp, javaToString(r.key, r.keySchema), javaToString(r.value, r.valueSchema),
    r.keySchema?.toString(), r.valueSchema?.toString(), r.headers.toArray().map((h) => `${h.key}=${String(h.value)}`)])
}

for (const d of transformationPlugins) {
  test(`${d.className} leaves its input untouched`, () => {
    const simple = d.className.slice(d.className.lastIndexOf('.') + 1).replace(/\$(Key|Value)$/, '')
    const t = d.create() as Transformation
    t.configure(configs[simple])
    for (const r of records()) {
      const before = snapshot(r)
      try {
        t.apply(r)
      } catch {
        // some shapes are rejected (e.g. SetSchemaMetadata without a schema); purity still holds
      }
      assert.equal(snapshot(r), before)
    }
  })
}
