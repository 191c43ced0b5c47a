// Throughput self-check, run by hand (not a test):
//   node packages/broker/src/log/throughput-check.ts [totalMiB=512] [--durable]
// Appends 64 KiB batches (64 × 1 KiB records) with durableAcks off (or on, with --durable: every
// append waits for its group-commit fdatasync) and 16 appends in flight, then
// reads everything back from the files (tail cache off) with 1 MiB fetches. Prints MB/s.

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openPartitionLog } from './partition-log.ts'
import { defaultLogConfig } from './log-config.ts'
import { buildClientBatch } from './client-batch-builder.ts'

const totalMiB = Number(process.argv.find((a, i) => i >= 2 && /^\d+$/.test(a)) ?? 512)
const durable = process.argv.includes('--durable')
const root = await mkdtemp(join(tmpdir(), 'tributary-log-bench-'))
try {
  const log = await openPartitionLog({
    dir: join(root, 'bench-0'),
    topic: 'bench',
    partition: 0,
    config: { ...defaultLogConfig(), durableAcks: durable },
    tailCacheBytes: 0,
  })
  const batch = buildClientBatch(Array.from({ length: 64 }, (_, i) => ({ key: `key-${i}`, value: Buffer.alloc(1000, i) })))
  const batches = Math.ceil((totalMiB * 1024 * 1024) / batch.length)
  let sent = 0
  const started = performance.now()
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (sent < batches) {
      sent++
      const r = await log.append(batch, { durable })
      if (r.errorCode !== 0) throw new Error(`append failed ${r.errorCode}`)
    }
  }))
  await log.flush()
  const appendSeconds = (performance.now() - started) / 1000
  const bytes = log.size()
  console.log(`append${durable ? ' (durable)' : ''}: ${(bytes / 1e6 / appendSeconds).toFixed(0)} MB/s (${batches} batches of ${batch.length} B, ${(bytes / 1e6).toFixed(0)} MB in ${appendSeconds.toFixed(2)} s, flush included)`)

  const readStarted = performance.now()
  let offset = 0
  let readBytes = 0
  while (offset < log.logEndOffset()) {
    const r = await log.read(offset, 1024 * 1024, 'read_uncommitted')
    const last = r.records[r.records.length - 1]
    offset = Number(last.readBigInt64BE(0)) + last.readInt32BE(23) + 1
    readBytes += r.bytes
  }
  const readSeconds = (performance.now() - readStarted) / 1000
  console.log(`read:   ${(readBytes / 1e6 / readSeconds).toFixed(0)} MB/s (${(readBytes / 1e6).toFixed(0)} MB in ${readSeconds.toFixed(2)} s, 1 MiB fetches, page cache warm)`)
  await log.close()
} finally {
  await rm(root, { recursive: true, force: true })
}
