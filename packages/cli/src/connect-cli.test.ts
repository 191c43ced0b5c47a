// The Connect side of the `tributary` command in a child process: `start` runs broker + worker
// (connectors survive a restart on the same data dir), `connect-standalone` runs Kafka's way
// (worker.properties + connector files; a connector that cannot be created exits 3).
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

const bin = fileURLToPath(new URL('../bin/tributary.js', import.meta.url))

function run (args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'warn' } })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => { stdout += c })
  child.stderr.on('data', (c: Buffer) => { stderr += c })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, exited, out: () => stdout, err: () => stderr }
}

async function waitFor<T> (get: () => T | undefined | null, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = get()
    if (v !== undefined && v !== null) return v
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const restUrl = (out: string): string | undefined => /REST API on (http:\/\/[^\s]+)/.exec(out)?.[1]

test('tributary start: broker + Connect worker; a connector survives a restart', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'trib-start-'))
  await writeFile(join(dir, 'in.txt'), 'hello\n')
  try {
    const first = run(['start', '--port', '0', '--rest-port', '0', '--data-dir', dir])
    try {
      const url = await waitFor(() => restUrl(first.out()), 30000, 'REST line')
      const root = await (await fetch(url + '/')).json() as { version: string }
      assert.equal(root.version, '3.9.0')
      const created = await fetch(url + '/connectors', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'keep-me', config: { 'connector.class': 'FileStreamSource', file: join(dir, 'in.txt'), topic: 'kept' }, initial_state: 'PAUSED' }),
      })
      assert.equal(created.status, 201)
      first.child.kill('SIGTERM')
      assert.equal(await first.exited, 0, first.err())
    } finally {
      first.child.kill('SIGKILL')
    }
    const second = run(['start', '--port', '0', '--rest-port', '0', '--data-dir', dir])
    try {
      const url = await waitFor(() => restUrl(second.out()), 30000, 'REST line after restart')
      assert.deepEqual(await (await fetch(url + '/connectors')).json(), ['keep-me'])
      const status = await (await fetch(url + '/connectors/keep-me/status')).json() as { connector: { state: string } }
      assert.equal(status.connector.state, 'PAUSED')
      second.child.kill('SIGTERM')
      assert.equal(await second.exited, 0, second.err())
    } finally {
      second.child.kill('SIGKILL')
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

test('tributary connect-standalone: worker.properties + connector file; a bad connector exits 3', async (t) => {
  const testkit = await import('@tributary/testkit')
  if (!testkit.skipUnless(t, ['java'])) return
  const kafka = await testkit.startApacheKafka()
  t.after(() => kafka.stop())
  const dir = await mkdtemp(join(tmpdir(), 'trib-standalone-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  await writeFile(join(dir, 'test.txt'), 'foo\nbar\n')
  await writeFile(join(dir, 'worker.properties'), [
    `bootstrap.servers=${kafka.bootstrap}`,
    'key.converter=org.apache.kafka.connect.json.JsonConverter',
    'value.converter=org.apache.kafka.connect.json.JsonConverter',
    'key.converter.schemas.enable=true',
    'value.converter.schemas.enable=true',
    `offset.storage.file.filename=${join(dir, 'connect.offsets')}`,
    'offset.flush.interval.ms=200',
    'listeners=http://127.0.0.1:0',
  ].join('\n'))
  await writeFile(join(dir, 'source.properties'), `name=local-file-source\nconnector.class=FileStreamSource\ntasks.max=1\nfile=${join(dir, 'test.txt')}\ntopic=connect-test\n`)
  const p = run(['connect-standalone', join(dir, 'worker.properties'), join(dir, 'source.properties')])
  try {
    const url = await waitFor(() => restUrl(p.out()), 30000, 'REST line')
    assert.deepEqual(await (await fetch(url + '/health')).json(), { status: 'healthy', message: 'Worker has completed startup and is ready to handle requests.' })
    let offsets: unknown
    const deadline = Date.now() + 20000
    while (Date.now() < deadline) {
      offsets = await (await fetch(url + '/connectors/local-file-source/offsets')).json()
      if (JSON.stringify(offsets).includes('"position":8')) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    assert.deepEqual(offsets, { offsets: [{ partition: { filename: join(dir, 'test.txt') }, offset: { position: 8 } }] })
    p.child.kill('SIGTERM')
    assert.equal(await p.exited, 0, p.err())
  } finally {
    p.child.kill('SIGKILL')
  }

  await writeFile(join(dir, 'bad.json'), JSON.stringify({ name: 'bad', config: { 'connector.class': 'NoSuchConnector' } }))
  const bad = run(['connect-standalone', join(dir, 'worker.properties'), join(dir, 'bad.json')])
  try {
    assert.equal(await bad.exited, 3)
    assert.match(bad.err(), /Failed to find any class that implements Connector and which name matches NoSuchConnector/)
  } finally {
    bad.child.kill('SIGKILL')
  }
})
