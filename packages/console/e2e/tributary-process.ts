// Runs a real `tributary start` for the end-to-end test: free loopback ports, its own data dir,
// waits until the Connect REST API and /ui answer, and kills the whole process on close.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

export interface RunningTributary {
  url: string
  output: () => string
  close: () => Promise<void>
}

const CLI = fileURLToPath(new URL('../../cli/bin/tributary.js', import.meta.url))

export async function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

async function waitForHttp (url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`tributary start exited with ${child.exitCode}:\n${output()}`)
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) })
      if (res.ok) return
    } catch { /* not up yet */ }
    await new Promise(r => setTimeout(r, 250))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${output()}`)
}

export async function startTributary (dataDir: string): Promise<RunningTributary> {
  // Point at an already running `tributary start` instead (debugging the test itself).
  const external = process.env.CONSOLE_E2E_URL
  if (external !== undefined && external !== '') return { url: external.replace(/\/+$/, ''), output: () => '', close: async () => {} }
  const [kafkaPort, restPort] = [await freePort(), await freePort()]
  const child = spawn(process.execPath, [CLI, 'start', '--host', '127.0.0.1', '--port', String(kafkaPort), '--rest-port', String(restPort), '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    detached: true,
  })
  let log = ''
  child.stdout?.on('data', d => { log += String(d) })
  child.stderr?.on('data', d => { log += String(d) })
  const output = (): string => log.slice(-8000)
  const url = `http://127.0.0.1:${restPort}`
  const close = async (): Promise<void> => {
    if (child.exitCode !== null || child.pid === undefined) return
    const exited = new Promise(resolve => child.once('exit', resolve))
    process.kill(-child.pid, 'SIGTERM')
    const timer = setTimeout(() => { if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL') }, 10_000)
    await exited
    clearTimeout(timer)
  }
  try {
    await waitForHttp(`${url}/connectors`, child, output, 60_000)
    await waitForHttp(`${url}/ui/`, child, output, 10_000)
  } catch (err) {
    await close()
    throw err
  }
  return { url, output, close }
}
