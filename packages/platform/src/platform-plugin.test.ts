// The console backend mounted on a real Connect worker (startConnectWorker) over the real embedded
// broker: FileStreamSource → topic → FileStreamSink created through /api/pipelines, then the list,
// lag, lineage, history, /metrics, and metadata surviving a worker restart.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { startBroker } from '@tributary/broker'
import { ConnectMetrics, startConnectWorker } from '@tributary/connect-runtime'
import type { ConnectWorker } from '@tributary/connect-runtime'
import { createConsolePlugin } from './platform-plugin.ts'
import { createKafkaOffsetSource } from './offset-source.ts'

const quiet = pino({ level: process.env.TRIBUTARY_TEST_LOG ?? 'silent' })

async function eventually<T> (what: string, check: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < deadline) {
    try {
      const v = await check()
      if (v) return v
    } catch (err) { last = err }
    await new Promise(r => setTimeout(r, 200))
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`)
}

test('console API on a real worker and broker', { timeout: 180_000 }, async t => {
  const dir = await mkdtemp(join(tmpdir(), 'platform-plugin-'))
  const broker = await startBroker({ host: '127.0.0.1', port: 0, dataDir: join(dir, 'broker'), config: { 'group.initial.rebalance.delay.ms': 0, 'log.flush.durable': false }, logger: quiet })
  const workers: ConnectWorker[] = []
  t.after(async () => {
    for (const w of workers) await w.stop().catch(() => {})
    await broker.close()
    await rm(dir, { recursive: true, force: true })
  })
  const startWorker = async (): Promise<ConnectWorker> => {
    const metrics = new ConnectMetrics()
    const worker = await startConnectWorker({
      workerProps: {
        'bootstrap.servers': `127.0.0.1:${broker.port}`,
        'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
        'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
        'offset.storage.file.filename': join(dir, 'connect.offsets'),
        'offset.flush.interval.ms': '200',
        listeners: 'http://127.0.0.1:0',
      },
      log: quiet,
      metrics,
      restPlugins: [createConsolePlugin({ dataDir: join(dir, 'platform-data'), registry: metrics.registry, broker, sampleIntervalMs: 300, uiDir: false })],
    })
    workers.push(worker)
    return worker
  }
  let worker = await startWorker()
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(worker.url + path, { method, headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) })
    const text = await res.text()
    return { status: res.status, body: text === '' ? null : JSON.parse(text) }
  }

  const input = join(dir, 'in.txt')
  const output = join(dir, 'out.txt')
  await writeFile(input, Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n') + '\n')

  await t.test('create requires owner, ticket and description, and creates nothing without them', async () => {
    const res = await call('POST', '/api/pipelines', { name: 'src', config: { 'connector.class': 'FileStreamSource', file: input, topic: 'lines' }, owner: 'cory' })
    assert.equal(res.status, 400)
    assert.match(res.body.message, /ticket, description are required/)
    assert.deepEqual((await call('GET', '/connectors')).body, [])
  })

  await t.test('an invalid config is refused by Connect and leaves no metadata', async () => {
    const res = await call('POST', '/api/pipelines', { name: 'bad', config: { 'connector.class': 'FileStreamSink', file: output, 'tasks.max': '-1', topics: 'lines' }, owner: 'o', ticket: 't', description: 'd' })
    assert.equal(res.status, 400)
    assert.match(res.body.message, /POST \/connectors failed \(400\)/)
    assert.equal((await call('GET', '/api/pipelines/bad/history')).body.length, 0)
  })

  await t.test('source and sink created with owners; list aggregates status, topics and lag', async () => {
    const src = await call('POST', '/api/pipelines', { name: 'src', config: { 'connector.class': 'FileStreamSource', file: input, topic: 'lines' }, owner: 'cory', ticket: 'ADS-1', description: 'in' })
    assert.equal(src.status, 201, JSON.stringify(src.body))
    const snk = await call('POST', '/api/pipelines', { name: 'snk', config: { 'connector.class': 'FileStreamSink', file: output, topics: 'lines' }, owner: 'cory', ticket: 'ADS-2', description: 'out' }, { 'x-tributary-user': 'kim' })
    assert.equal(snk.status, 201, JSON.stringify(snk.body))
    await eventually('all 20 lines in the sink file', async () => (await readFile(output, 'utf8').catch(() => '')).split('\n').filter(Boolean).length === 20)
    const list = await eventually('both RUNNING with topics and zero lag', async () => {
      const { body } = await call('GET', '/api/pipelines')
      const s = body.find((p: { name: string }) => p.name === 'snk')
      return body.length === 2 && body.every((p: { state: string, topics: string[] }) => p.state === 'RUNNING' && p.topics.includes('lines')) && s.lag === 0 && s.lagStatus === 'OK' ? body : undefined
    })
    assert.equal(list.find((p: { name: string }) => p.name === 'src').owner, 'cory')
    assert.equal(list.find((p: { name: string }) => p.name === 'snk').ticket, 'ADS-2')
    const history = (await call('GET', '/api/pipelines/snk/history')).body
    assert.equal(history[0].action, 'created')
    assert.equal(history[0].user, 'kim')
  })

  await t.test('records/s are sampled from the runtime counters', async () => {
    let n = 20
    const feed = setInterval(() => { void appendFile(input, `line ${n++}\n`) }, 20)
    try {
      await eventually('platform-wide records/s', async () => {
        const { body } = await call('GET', '/api/overview/series')
        return body.samples.some((s: { inRate: number, outRate: number }) => s.inRate > 0 && s.outRate > 0)
      })
      for (const name of ['src', 'snk']) {
        await eventually(`a non-zero records/s for ${name}`, async () => {
          const { body } = await call('GET', `/api/pipelines/${name}/series`)
          return body.samples.some((s: { inRate: number, outRate: number }) => s.inRate > 0 && s.outRate > 0)
        })
      }
    } finally { clearInterval(feed) }
  })

  await t.test('lineage connects file → source → topic → sink → file', async () => {
    const { body } = await call('GET', '/api/lineage?topic=lines')
    const edges = new Set(body.edges.map((e: { from: string, to: string }) => `${e.from} -> ${e.to}`))
    for (const e of [`file:${input}>in -> connector:src`, 'connector:src -> topic:lines', 'topic:lines -> connector:snk', `connector:snk -> file:${output}>out`]) assert.ok(edges.has(e), `missing edge ${e} in ${[...edges].join(', ')}`)
  })

  await t.test('a RegexRouter rename shows in the lineage as the topic really written', async () => {
    const renamedInput = join(dir, 'renamed.txt')
    await writeFile(renamedInput, 'a\nb\n')
    const res = await call('POST', '/api/pipelines', {
      name: 'routed',
      config: {
        'connector.class': 'FileStreamSource', file: renamedInput, topic: 'raw',
        transforms: 'route', 'transforms.route.type': 'org.apache.kafka.connect.transforms.RegexRouter',
        'transforms.route.regex': '(.*)', 'transforms.route.replacement': '$1-renamed',
      },
      owner: 'cory', ticket: 'ADS-9', description: 'renamed',
    })
    assert.equal(res.status, 201, JSON.stringify(res.body))
    const graph = await eventually('the renamed topic in the lineage', async () => {
      const { body } = await call('GET', '/api/lineage?pipeline=routed')
      return body.edges.some((e: { from: string, to: string, observed: boolean }) => e.from === 'connector:routed' && e.to === 'topic:raw-renamed' && e.observed) ? body : undefined
    })
    assert.ok(!graph.nodes.some((n: { id: string }) => n.id === 'topic:raw'), 'the declared topic is not shown once the real one is known')
    assert.equal((await call('DELETE', '/api/pipelines/routed')).status, 204)
  })

  await t.test('the Connect pass-through keeps Connect\'s status and body, empty ones too', async () => {
    const plugins = await call('GET', '/api/connect/connector-plugins')
    assert.equal(plugins.status, 200)
    assert.ok(plugins.body.some((p: { class: string }) => p.class.endsWith('FileStreamSinkConnector')))
    const reset = await call('PUT', '/api/connect/connectors/snk/topics/reset')
    assert.equal(reset.status, 202)
    assert.equal(reset.body, null)
    const missing = await call('GET', '/api/connect/connectors/nope')
    assert.equal(missing.status, 404)
    assert.match(missing.body.message, /GET \/connectors\/nope failed \(404\): Connector nope not found/)
  })

  await t.test('/metrics carries the worker metrics and the consumer-lag gauges in one registry', async () => {
    const res = await fetch(worker.url + '/metrics')
    const text = await res.text()
    assert.match(text, /connect_source_record_poll_total\{connector="src"/)
    assert.match(text, /tributary_consumer_lag\{connector="snk",group="connect-snk",topic="lines",partition="0"\} \d+/)
    assert.match(text, /tributary_consumer_lag_status\{connector="snk",group="connect-snk",status="(OK|WARN)"\}/)
    // Broker metrics from the embedded broker's partition logs.
    const end = /kafka_log_log_logendoffset\{topic="lines",partition="0"\} (\d+)/.exec(text)
    assert.ok(end !== null && Number(end[1]) > 0, 'log end offset of lines-0')
    assert.match(text, /kafka_log_log_size\{topic="lines",partition="0"\} [1-9]\d*/)
    assert.match(text, /kafka_controller_kafkacontroller_globaltopiccount [1-9]/)
  })

  await t.test('the Kafka admin lag source (external-Kafka mode) agrees with the broker coordinator', async () => {
    const external = await createKafkaOffsetSource({ bootstrapServers: [`127.0.0.1:${broker.port}`] })
    try {
      const viaAdmin = await eventually('committed offsets visible over the wire', async () => {
        const rows = await external.groupLag('connect-snk')
        return rows.length > 0 ? rows : undefined
      })
      const inProcess = broker.groups?.describeLag('connect-snk') ?? []
      assert.deepEqual(viaAdmin.map(r => [r.topic, r.partition, r.logEndOffset]), inProcess.map(r => [r.topic, r.partition, r.logEndOffset]))
      assert.ok(viaAdmin.every(r => r.lag >= 0 && r.committedOffset <= r.logEndOffset))
      assert.deepEqual(await external.groupLag('no-such-group'), [])
    } finally {
      await external.close?.()
    }
  })

  await t.test('edit records a config diff; a change made around the console is recorded too', async () => {
    const res = await call('PUT', '/api/pipelines/snk', { config: { 'connector.class': 'FileStreamSink', file: output, topics: 'lines', 'tasks.max': '1', 'batch.note': 'x' }, ticket: 'ADS-3' })
    assert.equal(res.status, 200, JSON.stringify(res.body))
    await call('PUT', '/connectors/snk/config', { 'connector.class': 'FileStreamSink', file: output, topics: 'lines', 'tasks.max': '1' })
    const history = await eventually('the outside change in history', async () => {
      const { body } = await call('GET', '/api/pipelines/snk/history')
      return body[0].action === 'changed-outside-console' ? body : undefined
    })
    assert.deepEqual(history[0].diff, [{ key: 'batch.note', kind: 'removed', before: 'x' }])
    assert.equal(history[1].action, 'updated')
    assert.deepEqual(history[1].detail, { ticket: 'ADS-3' })
    // Same config, new description: metadata only, the connector is not reconfigured.
    const tasksBefore = (await call('GET', '/connectors/snk/status')).body
    const metaOnly = await call('PUT', '/api/pipelines/snk', { config: { 'connector.class': 'FileStreamSink', file: output, topics: 'lines', 'tasks.max': '1' }, description: 'out, described' })
    assert.equal(metaOnly.status, 200, JSON.stringify(metaOnly.body))
    const latest = (await call('GET', '/api/pipelines/snk/history')).body[0]
    assert.equal(latest.action, 'metadata')
    assert.deepEqual(latest.detail, { description: 'out, described' })
    assert.deepEqual((await call('GET', '/connectors/snk/status')).body, tasksBefore)
  })

  await t.test('lag status: a paused sink with growing lag is STOP, back to OK once resumed and caught up', async () => {
    assert.equal((await call('POST', '/api/pipelines/snk/actions/pause')).status, 202)
    await eventually('snk PAUSED', async () => (await call('GET', '/connectors/snk/status')).body.tasks.every((t: { state: string }) => t.state === 'PAUSED'))
    await appendFile(input, 'more 1\nmore 2\nmore 3\n')
    const stopped = await eventually('lag status STOP', async () => {
      const { body } = await call('GET', '/api/pipelines/snk')
      return body.lagStatus === 'STOP' ? body : undefined
    })
    assert.ok(stopped.lag > 0)
    const metrics = await (await fetch(worker.url + '/metrics')).text()
    assert.match(metrics, /tributary_consumer_lag_status\{connector="snk",group="connect-snk",status="STOP"\} 4/)
    assert.equal((await call('POST', '/api/pipelines/snk/actions/resume')).status, 202)
    await eventually('lag status OK with zero lag', async () => {
      const { body } = await call('GET', '/api/pipelines/snk')
      return body.lagStatus === 'OK' && body.lag === 0
    })
  })

  await t.test('stop, alter offsets, selection actions, delete', async () => {
    assert.equal((await call('POST', '/api/pipelines/src/actions/stop')).status, 202)
    await eventually('src STOPPED', async () => (await call('GET', '/connectors/src/status')).body.connector.state === 'STOPPED')
    const altered = await call('PATCH', '/api/pipelines/src/offsets', { offsets: [{ partition: { filename: input }, offset: { position: 7 } }] })
    assert.equal(altered.status, 200, JSON.stringify(altered.body))
    const bulk = await call('POST', '/api/pipelines/actions', { action: 'pause', names: ['snk', 'nope'] })
    assert.deepEqual(bulk.body.results.map((r: { ok: boolean }) => r.ok), [true, false])
    assert.match(bulk.body.results[1].message, /404/)
    assert.equal((await call('DELETE', '/api/pipelines/snk')).status, 204)
    assert.equal((await call('GET', '/api/pipelines/snk')).status, 404)
    const history = (await call('GET', '/api/pipelines/snk/history')).body
    assert.equal(history[0].action, 'deleted')
  })

  await t.test('owner and ticket survive a restart of the worker', async () => {
    await worker.stop()
    worker = await startWorker()
    const { body } = await call('GET', '/api/pipelines/src')
    assert.equal(body.owner, 'cory')
    assert.equal(body.ticket, 'ADS-1')
    assert.equal(body.state, 'STOPPED')
  })
})
