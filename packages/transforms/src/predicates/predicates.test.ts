import { test } from 'node:test'
import assert from 'node:assert/strict'
import { SourceRecord, ConnectHeaders, ConfigError } from '@tributary/connect-api'
import { TopicNameMatches } from './topic-name-matches.ts'
import { HasHeaderKey } from './has-header-key.ts'
import { RecordIsTombstone } from './record-is-tombstone.ts'

test('TopicNameMatches is a full match of a Java regex', () => {
  const p = new TopicNameMatches()
  p.configure({ pattern: 'my-prefix-.*' })
  assert.equal(p.test(new SourceRecord({ topic: 'my-prefix-foo' })), true)
  assert.equal(p.test(new SourceRecord({ topic: 'x-my-prefix-foo' })), false)
  const foo = new TopicNameMatches()
  foo.configure({ pattern: 'foo' })
  assert.equal(foo.test(new SourceRecord({ topic: 'foobar' })), false)
  assert.throws(() => new TopicNameMatches().configure({ pattern: '' }), new ConfigError('Invalid value  for configuration pattern: String must be non-empty'))
  assert.throws(() => new TopicNameMatches().configure({ pattern: '[' }), /Invalid value \[ for configuration pattern: Invalid regex/)
  assert.throws(() => new TopicNameMatches().configure({}), /Missing required configuration "pattern"/)
})

test('HasHeaderKey looks for at least one header with the name', () => {
  const p = new HasHeaderKey()
  p.configure({ name: 'foo' })
  assert.equal(p.test(new SourceRecord({ topic: 't', headers: new ConnectHeaders().add('foo', null) })), true)
  assert.equal(p.test(new SourceRecord({ topic: 't', headers: new ConnectHeaders().add('bar', 1) })), false)
  assert.equal(p.test(new SourceRecord({ topic: 't' })), false)
  assert.throws(() => new HasHeaderKey().configure({ name: '' }), /String must be non-empty/)
})

test('RecordIsTombstone is true only for null values', () => {
  const p = new RecordIsTombstone()
  p.configure()
  assert.equal(p.test(new SourceRecord({ topic: 't', value: null })), true)
  assert.equal(p.test(new SourceRecord({ topic: 't', value: '' })), false)
  assert.equal(p.test(new SourceRecord({ topic: 't', key: 'k', value: 0 })), false)
})
