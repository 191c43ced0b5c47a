// `tributary broker --config server.properties`: settings come from the file (listeners, log.dirs,
// num.partitions), --override wins over it, an unknown key is warned about on startup, and
// SIGINT (Ctrl-C) shuts down cleanly with exit 0, leaving data a second start reads back.

import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import kafkajs from 'kafkajs'

const { Kafka, logLevel } = kafkajs
const bin = fileURLToPath(new URL('../bin/tributary.js', import.meta.url))

function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

function run (args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'info' } })
  let output = ''
  child.stdout.on('data', (c: Buffer) => { output += c })
  child.stderr.on('data', (c: Buffer) => { output += c })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, exited, out: () => output }
}

async function waitFor (what: string, predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

test('tributary broker --config FILE: file settings applied, --override wins, unknown key warned, SIGINT exits 0', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'trib-cli-config-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  const port = await freePort()
  const dataDir = join(dir, 'kafka-logs')
  const file = join(dir, 'server.properties')
  await writeFile(file, [
    '# a stock-looking server.properties',
    'node.id=3',
    `listeners=PLAINTEXT://127.0.0.1:${port}`,
    `log.dirs=${dataDir}`,
    'num.partitions=2',
    'not.a.kafka.setting=1',
  ].join('\n'))

  const start = () => run(['broker', '--config', file, '--override', 'num.partitions=4'])
  const first = start()
  try {
    await waitFor('the startup line', () => /listening on/.test(first.out()))
    assert.match(first.out(), new RegExp(`listening on 127\\.0\\.0\\.1:${port} \\(node 3, data dir ${dataDir.replaceAll('/', '\\/')}\\)`))
    assert.match(first.out(), /not\.a\.kafka\.setting/, 'the unknown key is named in a warning')

    const kafka = new Kafka({ brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING })
    const producer = kafka.producer()
    await producer.connect()
    await producer.send({ topic: 'from-file', acks: -1, messages: [{ key: 'k', value: 'kept' }] })
    await producer.disconnect()
    const admin = kafka.admin()
    await admin.connect()
    const metadata = await admin.fetchTopicMetadata({ topics: ['from-file'] })
    await admin.disconnect()
    assert.equal(metadata.topics[0].partitions.length, 4, '--override num.partitions wins over the file')
    assert.ok((await readdir(dataDir)).some((name) => name.startsWith('from-file-')), 'log.dirs from the file holds the topic')

    first.child.kill('SIGINT')
    assert.equal(await first.exited, 0)
  } finally {
    first.child.kill('SIGKILL')
  }

  const second = start()
  try {
    await waitFor('the second startup line', () => /listening on/.test(second.out()))
    const consumer = new Kafka({ brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING }).consumer({ groupId: 'cli-reader', maxWaitTimeInMs: 100 })
    await consumer.connect()
    const values: string[] = []
    try {
      await consumer.subscribe({ topic: 'from-file', fromBeginning: true })
      await consumer.run({ eachMessage: async ({ message }) => { values.push(String(message.value)) } })
      await waitFor('the record written before SIGINT', () => values.length > 0, 30_000)
    } finally {
      await consumer.disconnect()
    }
    assert.deepEqual(values, ['kept'])
    second.child.kill('SIGINT')
    assert.equal(await second.exited, 0)
  } finally {
    second.child.kill('SIGKILL')
  }
})
