// The real `tributary` command in a child process: startup line, a client can connect,
// SIGTERM shuts down cleanly with exit 0, bad settings exit non-zero naming the key.

import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { connect } from 'node:net'
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

async function waitFor (predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 25))
  }
}

for (const command of ['broker', 'start']) {
  test(`tributary ${command}: startup line, serves, SIGTERM exits 0`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'trib-cli-'))
    const p = run([command, '--port', '0', '--host', '127.0.0.1', '--data-dir', dir, '--override', 'num.partitions=2', ...(command === 'start' ? ['--rest-port', '0'] : [])])
    try {
      await waitFor(() => /listening on/.test(p.out()), 15000)
      const m = /listening on 127\.0\.0\.1:(\d+) \(node 1, data dir (.*)\)/.exec(p.out())
      assert.ok(m, p.out())
      assert.equal(m[2], dir)
      await new Promise<void>((resolve, reject) => {
        const s = connect({ host: '127.0.0.1', port: Number(m[1]) }, () => { s.destroy(); resolve() })
        s.once('error', reject)
      })
      // `start` also runs the Connect worker and the console: signal once everything is up.
      if (command === 'start') await waitFor(() => /Tributary console on http:\/\/127\.0\.0\.1:\d+\/ui\//.test(p.out()), 15000)
      p.child.kill('SIGTERM')
      assert.equal(await p.exited, 0)
    } finally {
      p.child.kill('SIGKILL')
      await rm(dir, { recursive: true, force: true })
    }
  })
}

test('a bad --override exits non-zero and names the key', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'trib-cli-'))
  try {
    const p = run(['broker', '--port', '0', '--data-dir', dir, '--override', 'log.segment.bytes=lots'])
    assert.equal(await p.exited, 2)
    assert.match(p.err(), /log\.segment\.bytes/)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
