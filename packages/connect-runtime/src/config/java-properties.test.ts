import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseJavaProperties } from './java-properties.ts'

test('parses separators, comments, continuations and escapes as java.util.Properties', () => {
  const text = [
    '# comment',
    '! also comment',
    'bootstrap.servers=localhost:9092',
    'key.converter : org.apache.kafka.connect.json.JsonConverter',
    'name local-file-source',
    'list=a,\\',
    '    b,\\',
    '    c',
    'path=C\\:\\\\dir\\tx',
    'uni=\\u00e9t\\u00e9',
    'empty=',
    '  spaced.key   =   value with spaces  ',
  ].join('\n')
  assert.deepEqual(parseJavaProperties(text), {
    'bootstrap.servers': 'localhost:9092',
    'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
    name: 'local-file-source',
    list: 'a,b,c',
    path: 'C:\\dir\tx',
    uni: 'été',
    empty: '',
    'spaced.key': 'value with spaces  ',
  })
})
