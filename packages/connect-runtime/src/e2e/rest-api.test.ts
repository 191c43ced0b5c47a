// The REST contract against a running worker: bad input answered as Kafka Connect answers it,
// lifecycle status codes and states, CORS, plugins, validation, loggers — the worker stays up.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startTestKafka } from '../test-support/test-kafka.ts'
import { testPlugins } from '../test-support/test-connectors.ts'
import { eventually, startTestWorker, type TestWorker } from '../test-support/test-worker.ts'

test('Connect REST API parity', async (t) => {
  const kafka = await startTestKafka(t)
  if (kafka === null) return
  t.after(() => kafka.stop())
  const w: TestWorker = await startTestWorker(kafka.bootstrap, {
    plugins: testPlugins,
    props: { 'access.control.allow.origin': 'http://console.example', 'access.control.allow.methods': 'GET,POST,PUT,DELETE,PATCH' },
  })
  t.after(() => w.stop())
  const src = join(w.dir, 'in.txt')
  await writeFile(src, 'a\nb\n')
  const fileSource = (name: string, extra: Record<string, string> = {}): Record<string, unknown> => ({ name, config: { 'connector.class': 'FileStreamSource', file: src, topic: `t-${name}`, ...extra } })

  await t.test('root, health', async () => {
    const root = await w.http('GET', '/')
    assert.equal(root.status, 200)
    assert.equal(root.body.version, '3.9.0')
    assert.equal(typeof root.body.kafka_cluster_id, 'string')
    assert.deepEqual((await w.http('GET', '/health')).body, { status: 'healthy', message: 'Worker has completed startup and is ready to handle requests.' })
  })

  await t.test('malformed and unbindable JSON bodies are 500s', async () => {
    const bad = await w.http('POST', '/connectors', '{"name": "x", "config": {')
    assert.equal(bad.status, 500)
    assert.equal(bad.body.error_code, 500)
    const arr = await w.http('POST', '/connectors', [])
    assert.equal(arr.status, 500)
    assert.match(arr.body.message, /^Cannot deserialize value of type/)
    const unknownField = await w.http('POST', '/connectors', { name: 'x', config: {}, bogus: 1 })
    assert.equal(unknownField.status, 500)
    assert.match(unknownField.body.message, /^Unrecognized field "bogus"/)
    const notJson = await fetch(w.url + '/connectors', { method: 'POST', body: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    assert.equal(notJson.status, 415)
  })

  await t.test('unknown plugin, missing required key, null value, name mismatch', async () => {
    const unknown = await w.http('POST', '/connectors', { name: 'u', config: { 'connector.class': 'com.example.Nope' } })
    assert.equal(unknown.status, 500)
    assert.match(unknown.body.message, /^Failed to find any class that implements Connector and which name matches com\.example\.Nope, available connectors are: /)
    assert.deepEqual((await w.http('GET', '/connector-plugins/Nope/config')).body, { error_code: 404, message: 'Unknown plugin Nope.' })
    const missing = await w.http('POST', '/connectors', { name: 'm', config: { 'connector.class': 'FileStreamSource', file: src } })
    assert.equal(missing.status, 400)
    assert.equal(missing.body.message, 'Connector configuration is invalid and contains the following 1 error(s):\nMissing required configuration "topic" which has no default value.\nYou can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`')
    const noClass = await w.http('POST', '/connectors', { name: 'n', config: { file: src } })
    assert.deepEqual(noClass.body, { error_code: 400, message: `Connector config {file=${src}, name=n} contains no connector type` })
    const nul = await w.http('PUT', '/connectors/nul/config', { 'connector.class': 'FileStreamSource', topic: 't', file: null })
    assert.equal(nul.status, 400)
    assert.match(nul.body.message, /Null value can not be supplied as the configuration value\./)
    const mismatch = await w.http('PUT', '/connectors/a/config', { name: 'b', 'connector.class': 'FileStreamSource', topic: 't' })
    assert.deepEqual(mismatch.body, { error_code: 400, message: "Connector name configuration (b) doesn't match connector name in the URL (a)" })
    const creation = await w.http('POST', '/connectors', { name: 'tc', config: { 'connector.class': 'FileStreamSource', topic: 't', 'topic.creation.default.partitions': '0' } })
    assert.equal(creation.body.message, 'Connector configuration is invalid and contains the following 2 error(s):\nMissing required configuration "topic.creation.default.replication.factor" which has no default value.\nInvalid value 0 for configuration topic.creation.default.partitions: Number of partitions must be positive, or -1 to use the broker\'s default\nYou can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`')
    const sinkTopics = await w.http('POST', '/connectors', { name: 's', config: { 'connector.class': 'FileStreamSink' } })
    assert.equal(sinkTopics.status, 400)
    assert.match(sinkTopics.body.message, /contains the following 2 error\(s\):\nMust configure one of topics or topics.regex\nMust configure one of topics or topics.regex\n/)
  })

  await t.test('create, duplicate, info, config, tasks, expand, PATCH config', async () => {
    const created = await w.http('POST', '/connectors', { ...fileSource('one'), config: { ...fileSource('one').config as object, 'tasks.max': 1 } })
    assert.equal(created.status, 201)
    assert.equal(created.body.config['tasks.max'], '1')
    const dup = await w.http('POST', '/connectors', fileSource('one'))
    assert.deepEqual(dup.body, { error_code: 409, message: 'Connector one already exists' })
    assert.equal(dup.status, 409)
    const tasks = await w.http('GET', '/connectors/one/tasks')
    assert.deepEqual(tasks.body, [{ id: { connector: 'one', task: 0 }, config: { file: src, topic: 't-one', 'batch.size': '2000', 'task.class': 'org.apache.kafka.connect.file.FileStreamSourceTask' } }])
    const expanded = await eventually(async () => {
      const r = await w.http('GET', '/connectors?expand=status&expand=info')
      return r.body.one?.status?.tasks?.[0]?.state === 'RUNNING' ? r.body : null
    })
    assert.equal(expanded.one.info.type, 'source')
    assert.deepEqual((await w.http('GET', '/connectors?expand=bogus')).body.one, {})
    assert.deepEqual((await w.http('GET', '/connectors/')).body, ['one'])
    assert.equal(expanded.one.status.connector.state, 'RUNNING')
    const patched = await w.http('PATCH', '/connectors/one/config', { 'batch.size': '10', 'tasks.max': null })
    assert.equal(patched.status, 200)
    assert.equal(patched.body.config['batch.size'], '10')
    assert.equal('tasks.max' in patched.body.config, false)
    assert.deepEqual((await w.http('PATCH', '/connectors/nope/config', { a: 'b' })).body, { error_code: 404, message: 'Connector nope not found' })
    const put = await w.http('PUT', '/connectors/two/config', { 'connector.class': 'FileStreamSource', file: src, topic: 't-two' })
    assert.equal(put.status, 201)
    assert.equal((await w.http('PUT', '/connectors/two/config', { 'connector.class': 'FileStreamSource', file: src, topic: 't-two', 'batch.size': '5' })).status, 200)
    assert.deepEqual((await w.http('GET', '/connectors/nope/status')).body, { error_code: 404, message: 'No status found for connector nope' })
    assert.deepEqual((await w.http('GET', '/connectors/one/tasks/7/status')).body, { error_code: 404, message: 'No status found for task one-7' })
    assert.deepEqual((await w.http('GET', '/connectors/nope/topics')).body, { nope: { topics: [] } })
  })

  await t.test('pause, resume, stop, restart status codes and states', async () => {
    assert.equal((await w.http('PUT', '/connectors/one/pause')).status, 202)
    await eventually(async () => {
      const s = (await w.http('GET', '/connectors/one/status')).body
      return s.connector.state === 'PAUSED' && s.tasks.length === 1 && s.tasks[0].state === 'PAUSED'
    }, 10000, 'PAUSED')
    assert.equal((await w.http('PUT', '/connectors/one/resume')).status, 202)
    await eventually(async () => (await w.http('GET', '/connectors/one/status')).body.tasks[0]?.state === 'RUNNING', 10000, 'RUNNING')
    assert.equal((await w.http('PUT', '/connectors/one/stop')).status, 204)
    assert.equal((await w.http('PUT', '/connectors/one/stop')).status, 204)
    const stopped = (await w.http('GET', '/connectors/one/status')).body
    assert.deepEqual([stopped.connector.state, stopped.tasks], ['STOPPED', []])
    assert.deepEqual((await w.http('GET', '/connectors/one')).body.tasks, [])
    assert.deepEqual((await w.http('GET', '/connectors/one/tasks')).body, [])
    assert.deepEqual((await w.http('PUT', '/connectors/nope/pause')).body, { error_code: 404, message: 'Unknown connector nope' })
    assert.equal((await w.http('PUT', '/connectors/one/resume')).status, 202)
    await eventually(async () => (await w.http('GET', '/connectors/one/status')).body.tasks[0]?.state === 'RUNNING', 10000, 'RUNNING again')
    assert.equal((await w.http('POST', '/connectors/one/restart')).status, 204)
    assert.equal((await w.http('POST', '/connectors/one/restart?includeTasks=false&onlyFailed=false')).status, 204)
    const plan = await w.http('POST', '/connectors/one/restart?includeTasks=true&onlyFailed=false')
    assert.equal(plan.status, 202)
    assert.equal(plan.body.connector.state, 'RESTARTING')
    assert.deepEqual(plan.body.tasks.map((x: { state: string }) => x.state), ['RESTARTING'])
    const noop = await w.http('POST', '/connectors/one/restart?includeTasks=true&onlyFailed=true')
    assert.equal(noop.status, 202)
    assert.notEqual(noop.body.connector.state, 'RESTARTING')
    assert.deepEqual((await w.http('POST', '/connectors/nope/restart?includeTasks=true')).body, { error_code: 404, message: 'Unknown connector: nope' })
    assert.equal((await w.http('POST', '/connectors/one/tasks/0/restart')).status, 204)
    assert.deepEqual((await w.http('POST', '/connectors/one/tasks/3/restart')).body, { error_code: 404, message: 'Unknown task: one-3' })
    await eventually(async () => (await w.http('GET', '/connectors/one/status')).body.tasks[0]?.state === 'RUNNING', 10000, 'RUNNING after restarts')
  })

  await t.test('initial_state PAUSED and STOPPED create no tasks', async () => {
    const p = await w.http('POST', '/connectors', { ...fileSource('paused'), initial_state: 'paused' })
    assert.equal(p.status, 201)
    assert.deepEqual(p.body.tasks, [])
    const ps = (await w.http('GET', '/connectors/paused/status')).body
    assert.deepEqual([ps.connector.state, ps.tasks], ['PAUSED', []])
    const s = await w.http('POST', '/connectors', { ...fileSource('stopped'), initial_state: 'STOPPED' })
    assert.equal(s.status, 201)
    assert.equal((await w.http('GET', '/connectors/stopped/status')).body.connector.state, 'STOPPED')
    const bad = await w.http('POST', '/connectors', { ...fileSource('weird'), initial_state: 'SLEEPING' })
    assert.equal(bad.status, 500)
  })

  await t.test('a connector that throws in start fails alone; a task that throws fails alone', async () => {
    const c = await w.http('POST', '/connectors', { name: 'boom', config: { 'connector.class': 'test.ThrowingStartConnector' } })
    assert.equal(c.status, 201)
    const st = (await w.http('GET', '/connectors/boom/status')).body
    assert.equal(st.connector.state, 'FAILED')
    assert.match(st.connector.trace, /^org\.apache\.kafka\.connect\.errors\.ConnectException: This connector always fails in start\(\)/)
    assert.deepEqual(st.tasks, [])
    const tt = await w.http('POST', '/connectors', { name: 'taskboom', config: { 'connector.class': 'test.ThrowingTaskConnector' } })
    assert.equal(tt.status, 201)
    const ts = await eventually(async () => {
      const s = (await w.http('GET', '/connectors/taskboom/status')).body
      return s.tasks[0]?.state === 'FAILED' ? s : null
    }, 10000, 'task FAILED')
    assert.equal(ts.connector.state, 'RUNNING')
    assert.match(ts.tasks[0].trace, /This task always fails in start\(\)/)
    const failedOnly = await w.http('POST', '/connectors/taskboom/restart?includeTasks=true&onlyFailed=true')
    assert.deepEqual([failedOnly.body.connector.state, failedOnly.body.tasks[0].state], ['RUNNING', 'RESTARTING'])
    // The worker and the other connectors carry on.
    assert.equal((await w.http('GET', '/')).status, 200)
    assert.equal((await w.http('GET', '/connectors/one/status')).body.connector.state, 'RUNNING')
    assert.equal((await w.http('PUT', '/connectors/boom/stop')).status, 204)
    assert.equal((await w.http('GET', '/connectors/boom/status')).body.connector.state, 'STOPPED')
  })

  await t.test('source offsets: PATCH only when stopped, then reset', async () => {
    const running = await w.http('PATCH', '/connectors/two/offsets', { offsets: [{ partition: { filename: src }, offset: { position: 2 } }] })
    assert.equal(running.status, 400)
    assert.equal((await w.http('PUT', '/connectors/paused/stop')).status, 204)
    assert.deepEqual((await w.http('PATCH', '/connectors/paused/offsets', {})).body, { error_code: 400, message: 'Partitions / offsets need to be provided for an alter offsets request' })
    const altered = await w.http('PATCH', '/connectors/paused/offsets', { offsets: [{ partition: { filename: src }, offset: { position: 2 } }] })
    assert.deepEqual(altered.body, { message: 'The offsets for this connector have been altered successfully' })
    assert.deepEqual((await w.http('GET', '/connectors/paused/offsets')).body, { offsets: [{ partition: { filename: src }, offset: { position: 2 } }] })
    const badPos = await w.http('PATCH', '/connectors/paused/offsets', { offsets: [{ partition: { filename: src }, offset: { position: 'x' } }] })
    assert.equal(badPos.status, 500)
    assert.equal(badPos.body.message, "The value for the 'position' key in the offset is expected to be a Long value")
    assert.deepEqual((await w.http('DELETE', '/connectors/paused/offsets')).body, { message: 'The offsets for this connector have been reset successfully' })
    assert.deepEqual((await w.http('GET', '/connectors/paused/offsets')).body, { offsets: [] })
    assert.deepEqual((await w.http('DELETE', '/connectors/paused/offsets')).body, { message: 'The offsets for this connector have been reset successfully' })
  })

  await t.test('plugins, plugin config, validate', async () => {
    const plugins = (await w.http('GET', '/connector-plugins')).body
    assert.deepEqual(plugins.filter((p: { class: string }) => p.class.startsWith('org.apache.kafka.connect.file')), [
      { class: 'org.apache.kafka.connect.file.FileStreamSinkConnector', type: 'sink', version: '3.9.0' },
      { class: 'org.apache.kafka.connect.file.FileStreamSourceConnector', type: 'source', version: '3.9.0' },
    ])
    const all = (await w.http('GET', '/connector-plugins?connectorsOnly=false')).body
    for (const type of ['transformation', 'predicate', 'converter', 'header_converter']) assert.ok(all.some((p: { type: string }) => p.type === type), type)
    const cfg = (await w.http('GET', '/connector-plugins/FileStreamSource/config')).body
    assert.equal(cfg[0].name, 'file')
    assert.ok(cfg.some((k: { name: string }) => k.name === 'errors.tolerance'))
    const v = await w.http('PUT', '/connector-plugins/FileStreamSinkConnector/config/validate', { 'connector.class': 'FileStreamSink', topics: 't' })
    assert.equal(v.status, 200)
    assert.equal(v.body.name, 'FileStreamSink')
    assert.equal(v.body.error_count, 1)
    assert.deepEqual(v.body.groups.slice(0, 4), ['Common', 'Transforms', 'Predicates', 'Error Handling'])
    const nameCfg = v.body.configs.find((c: { definition: { name: string } | null }) => c.definition?.name === 'name')
    assert.deepEqual(nameCfg.value.errors, ['Missing required configuration "name" which has no default value.'])
    const mismatch = await w.http('PUT', '/connector-plugins/FileStreamSource/config/validate', { 'connector.class': 'FileStreamSink', topics: 't' })
    assert.deepEqual(mismatch.body, { error_code: 400, message: 'Included connector type FileStreamSink does not match request type FileStreamSource' })
  })

  await t.test('CORS, 404, 405, loggers', async () => {
    const pre = await fetch(w.url + '/connectors', { method: 'OPTIONS', headers: { origin: 'http://console.example', 'access-control-request-method': 'POST' } })
    assert.equal(pre.status, 200)
    assert.equal(pre.headers.get('access-control-allow-origin'), 'http://console.example')
    assert.equal(pre.headers.get('access-control-allow-methods'), 'GET,POST,PUT,DELETE,PATCH')
    const err = await fetch(w.url + '/connectors/nope', { headers: { origin: 'http://console.example' } })
    assert.equal(err.status, 404)
    assert.equal(err.headers.get('access-control-allow-origin'), 'http://console.example')
    const other = await fetch(w.url + '/connectors', { headers: { origin: 'http://evil.example' } })
    assert.equal(other.headers.get('access-control-allow-origin'), null)
    assert.deepEqual((await w.http('GET', '/no/such/path')).body, { error_code: 404, message: 'HTTP 404 Not Found' })
    assert.deepEqual((await w.http('DELETE', '/connectors')).body, { error_code: 405, message: 'HTTP 405 Method Not Allowed' })
    const loggers = (await w.http('GET', '/admin/loggers')).body
    assert.deepEqual(Object.keys(loggers.root), ['level', 'last_modified'])
    const set = await w.http('PUT', '/admin/loggers/org.apache.kafka.connect', { level: 'DEBUG' })
    assert.equal(set.status, 200)
    assert.ok(set.body.includes('org.apache.kafka.connect.runtime.Worker'))
    assert.equal((await w.http('GET', '/admin/loggers/org.apache.kafka.connect.runtime.Worker')).body.level, 'DEBUG')
    assert.deepEqual((await w.http('PUT', '/admin/loggers/x', { level: 'LOUD' })).body, { error_code: 404, message: "invalid log level 'LOUD'." })
    assert.deepEqual((await w.http('PUT', '/admin/loggers/x', {})).body, { error_code: 400, message: "Desired 'level' parameter was not specified in request." })
    assert.equal((await w.http('PUT', '/admin/loggers/x?scope=cluster', { level: 'WARN' })).status, 204)
    assert.deepEqual((await w.http('GET', '/admin/loggers/nope.nope')).body, { error_code: 404, message: 'Logger nope.nope not found.' })
    const metrics = await fetch(w.url + '/metrics')
    assert.match(await metrics.text(), /connect_source_record_poll_total/)
  })

  await t.test('delete', async () => {
    assert.equal((await w.http('DELETE', '/connectors/two')).status, 204)
    assert.deepEqual((await w.http('DELETE', '/connectors/two')).body, { error_code: 404, message: 'Connector two not found' })
    assert.deepEqual((await w.http('GET', '/connectors/two/status')).body, { error_code: 404, message: 'No status found for connector two' })
  })
})
