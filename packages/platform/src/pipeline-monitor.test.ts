import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { createHttpConnectClient } from './connect-client.ts'
import { PipelineMonitor } from './pipeline-monitor.ts'
import { PipelineStore } from './pipeline-store.ts'

async function closedPort (): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  await new Promise(resolve => server.close(resolve))
  return port
}

test('an unreachable Connect is reported once per round, and stop() ends the rounds', async t => {
  const dir = await mkdtemp(join(tmpdir(), 'monitor-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  const errors: string[] = []
  const monitor = new PipelineMonitor({
    connect: createHttpConnectClient(`http://127.0.0.1:${await closedPort()}`),
    store: await PipelineStore.open({ dataDir: dir }),
    intervalMs: 100,
    onError: err => errors.push((err as Error).message),
  })
  monitor.start()
  await sleep(450)
  await monitor.stop()
  const seen = errors.length
  assert.ok(seen >= 2, `several rounds ran (${seen})`)
  assert.match(errors[0], /GET \/connectors\?expand=status&expand=info failed: Connect REST API at http:\/\/127\.0\.0\.1:\d+ unreachable/)
  await sleep(300)
  assert.equal(errors.length, seen, 'no round after stop()')
  assert.deepEqual(monitor.views(), [])
})
