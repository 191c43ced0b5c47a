// Child process of crash.test.ts: appends continuously with durable acks to the partition in
// argv[2] and prints "ack <offset> <n>" for every acknowledged batch, until killed.
//   node crash-appender.ts <dir> <inFlight> <firstN> [compact]
// With "compact", records cycle over 50 keys on a compacted topic with small segments, and
// maintenance (compaction) runs every few milliseconds alongside the appends.

import { openPartitionLog } from './partition-log.ts'
import { defaultLogConfig } from './log-config.ts'
import { buildClientBatch } from './client-batch-builder.ts'

export const crashValueOf = (n: number): string => `value-${n}-${'abcdefghij'.repeat(n % 37)}`
export const crashKeyOf = (n: number, compact: boolean): string => compact ? `key-${n % 50}` : `key-${n}`
export const crashLogConfig = (compact: boolean): { segmentBytes: number; indexIntervalBytes: number; cleanupPolicy: 'compact' | 'delete' } =>
  compact ? { segmentBytes: 16 * 1024, indexIntervalBytes: 512, cleanupPolicy: 'compact' } : { segmentBytes: 64 * 1024, indexIntervalBytes: 1024, cleanupPolicy: 'delete' }

if (import.meta.main) {
  const dir = process.argv[2]
  const inFlight = Number(process.argv[3] ?? 8)
  const compact = process.argv[5] === 'compact'
  const log = await openPartitionLog({
    dir,
    topic: 'crash',
    partition: 0,
    config: { ...defaultLogConfig(), durableAcks: true, ...crashLogConfig(compact) },
  })
  let next = Number(process.argv[4] ?? 0)
  process.stdout.write('ready\n')

  if (compact) {
    const maintain = async (): Promise<void> => {
      await log.runMaintenance(Date.now())
      setTimeout(() => { void maintain() }, 5)
    }
    void maintain()
  }

  async function worker (): Promise<void> {
    while (true) {
      const n = next++
      const batch = buildClientBatch([{ key: crashKeyOf(n, compact), value: crashValueOf(n) }])
      const result = await log.append(batch, { durable: true })
      if (result.errorCode !== 0) throw new Error(`append failed: ${result.errorCode} ${result.errorMessage}`)
      process.stdout.write(`ack ${result.baseOffset} ${n}\n`)
    }
  }
  await Promise.all(Array.from({ length: inFlight }, () => worker()))
}
