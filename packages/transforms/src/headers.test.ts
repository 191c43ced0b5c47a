import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Schema, SchemaBuilder, Struct, SourceRecord, ConnectHeaders, ConfigError, DataError } from '@tributary/connect-api'
import { DropHeaders } from './drop-headers.ts'
import { InsertHeader } from './insert-header.ts'
import { HeaderFrom } from './header-from.ts'

const rec = (init: { valueSchema?: Schema | null; value?: unknown; keySchema?: Schema | null; key?: unknown; headers?: ConnectHeaders }): SourceRecord =>
  new SourceRecord({ topic: 't', kafkaPartition: 0, ...init })

test('DropHeaders removes every header with a listed name and leaves the input alone', () => {
  const x = new DropHeaders()
  x.configure({ headers: 'a, b' })
  const headers = new ConnectHeaders().add('a', 1).add('keep', 2).add('a', 3).add('b', 4)
  const input = rec({ headers })
  const out = x.apply(input)
  assert.deepEqual(out.headers.toArray().map((h) => h.key), ['keep'])
  assert.equal(input.headers.size, 4)
  assert.throws(() => new DropHeaders().configure({ headers: '' }), /Invalid value \[\] for configuration headers: Empty list/)
})

test('InsertHeader adds a typed literal and keeps same-named headers', () => {
  const x = new InsertHeader()
  x.configure({ header: 'inserted', 'value.literal': 'inserted-value' })
  const out = x.apply(rec({ headers: new ConnectHeaders().add('inserted', 'old') }))
  assert.deepEqual(out.headers.allWithName('inserted').map((h) => h.value), ['old', 'inserted-value'])
  assert.equal(out.headers.lastWithName('inserted')?.schema, Schema.STRING_SCHEMA)
  x.configure({ header: 'n', 'value.literal': '42' })
  assert.equal(x.apply(rec({})).headers.lastWithName('n')?.schema, Schema.INT8_SCHEMA)
  assert.throws(() => new InsertHeader().configure({ header: 'x' }), /Missing required configuration "value.literal"/)
})

test('HeaderFrom$Value copy and move, with and without schema', () => {
  const schema = SchemaBuilder.struct().name('r').field('f1', Schema.STRING_SCHEMA).field('f2', Schema.INT32_SCHEMA).field('f3', Schema.BOOLEAN_SCHEMA).build()
  const value = new Struct(schema).put('f1', 'a').put('f2', 2).put('f3', true)
  const copy = new HeaderFrom.Value()
  copy.configure({ fields: 'f1,f2', headers: 'h1,h2', operation: 'copy' })
  const copied = copy.apply(rec({ valueSchema: schema, value }))
  assert.equal(copied.valueSchema, schema)
  assert.deepEqual(copied.headers.toArray().map((h) => [h.key, h.value, h.schema?.type]), [['h1', 'a', 'STRING'], ['h2', 2, 'INT32']])
  const move = new HeaderFrom.Value()
  move.configure({ fields: 'f1', headers: 'h1', operation: 'move' })
  const moved = move.apply(rec({ valueSchema: schema, value }))
  assert.deepEqual(moved.valueSchema?.fields.map((f) => f.name), ['f2', 'f3'])
  assert.equal(moved.valueSchema?.name, 'r')
  assert.equal((moved.value as Struct).get('f2'), 2)
  const schemaless = move.apply(rec({ value: { f1: 'a', f2: 2 } }))
  assert.deepEqual(schemaless.value, { f2: 2 })
  assert.equal(schemaless.headers.lastWithName('h1')?.value, 'a')
  assert.equal(schemaless.headers.lastWithName('h1')?.schema, null)
  const missing = copy.apply(rec({ value: { f2: 2 } }))
  assert.equal(missing.headers.lastWithName('h1')?.value, null)
})

test('HeaderFrom config and shape errors', () => {
  assert.throws(() => new HeaderFrom.Value().configure({ fields: 'a,b', headers: 'h', operation: 'copy' }),
    new ConfigError("'fields' config must have the same number of elements as 'headers' config."))
  assert.throws(() => new HeaderFrom.Value().configure({ fields: 'a', headers: 'h', operation: 'steal' }), /String must be one of: move, copy/)
  const x = new HeaderFrom.Key()
  x.configure({ fields: 'a', headers: 'h', operation: 'copy' })
  assert.throws(() => x.apply(rec({ key: 5 })), new DataError('Only Map objects supported in absence of schema for [header copy], found: java.lang.Long'))
})
