// A Connect worker for tests: REST on 127.0.0.1:<random>, stores in a temp dir, quiet logs,
// fast offset flushes. `http` is a small fetch wrapper returning status + parsed JSON.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PluginDescriptor } from '@tributary/connect-api'
import { pino } from 'pino'
import { startConnectWorker, type ConnectWorker } from '../connect-worker.ts'

export interface TestWorker extends ConnectWorker {
  dir: string
  http (method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number, body: any, headers: Headers }>
}

export async function startTestWorker (bootstrap: string, o: { props?: Record<string, string>, plugins?: PluginDescriptor[], dir?: string } = {}): Promise<TestWorker> {
  const dir = o.dir ?? await mkdtemp(join(tmpdir(), 'connect-worker-'))
  const worker = await startConnectWorker({
    workerProps: {
      'bootstrap.servers': bootstrap,
      'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'offset.storage.file.filename': join(dir, 'connect.offsets'),
      'offset.flush.interval.ms': '300',
      listeners: 'http://127.0.0.1:0',
      ...o.props,
    },
    log: pino({ level: process.env.TRIBUTARY_TEST_LOG ?? 'silent' }),
    plugins: o.plugins,
  })
  const http = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number, body: any, headers: Headers }> => {
    const res = await fetch(worker.url + path, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    const text = await res.text()
    let parsed: unknown = text
    try { parsed = text === '' ? null : JSON.parse(text) } catch { /* not JSON */ }
    return { status: res.status, body: parsed, headers: res.headers }
  }
  return Object.assign(worker, { dir, http })
}

/** Polls until `check` returns a truthy value (returned) or the time runs out. */
export async function eventually<T> (check: () => Promise<T> | T, timeoutMs = 30000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const v = await check()
      if (v) return v as NonNullable<T>
    } catch (err) { last = err }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last === undefined ? '' : `: ${String(last)}`}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
