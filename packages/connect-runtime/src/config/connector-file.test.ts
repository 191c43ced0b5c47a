import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseConnectorFile } from './connector-file.ts'

test('connector files: flat JSON, CreateConnectorRequest JSON, properties', () => {
  assert.deepEqual(parseConnectorFile('a.json', '{"name":"a","connector.class":"FileStreamSource","tasks.max":1}'), { name: 'a', config: { name: 'a', 'connector.class': 'FileStreamSource', 'tasks.max': '1' } })
  assert.deepEqual(parseConnectorFile('b.json', '{"name":"b","config":{"connector.class":"FileStreamSink"},"initial_state":"paused"}'), { name: 'b', config: { 'connector.class': 'FileStreamSink', name: 'b' }, initialState: 'PAUSED' })
  assert.deepEqual(parseConnectorFile('c.properties', 'name=c\nconnector.class=FileStreamSource\nfile=test.txt\ntopic=connect-test\n'), { name: 'c', config: { name: 'c', 'connector.class': 'FileStreamSource', file: 'test.txt', topic: 'connect-test' } })
  assert.throws(() => parseConnectorFile('d.properties', 'connector.class=x\n'), /missing the mandatory 'name' property/)
  assert.throws(() => parseConnectorFile('e.json', '{"name":"e","config":{"name":"f"}}'), /doesn't match/)
})
