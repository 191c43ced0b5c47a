// Child process of crash.test.ts: appends continuously with durable acks to the partition in
// argv[2] and prints "ack <offset> <n>" for every acknowledged batch, until killed.

import { openPartitionLog } from './partition-log.ts'
import { defaultLogConfig } from './log-config.ts'
import { buildClientBatch } from './client-batch-builder.ts'

export const crashValueOf = (n: number): string => `value-${n}-${'abcdefghij'.repeat(n % 37)}`

if (import.meta.main) {
  const dir = process.argv[2]
  const inFlight = Number(process.argv[3] ?? 8)
  const log = await openPartitionLog({
    dir,
    topic: 'crash',
    partition: 0,
    config: { ...defaultLogConfig(), durableAcks: true, segmentBytes: 64 * 1024, indexIntervalBytes: 1024 },
  })
  let next = Number(process.argv[4] ?? 0)
  process.stdout.write('ready\n')

  async function worker (): Promise<void> {
    while (true) {
      const n = next++
      const batch = buildClientBatch([{ key: `key-${n}`, value: crashValueOf(n) }, { key: `key-${n}b`, value: crashValueOf(n + 1) }])
      const result = await log.append(batch, { durable: true })
      if (result.errorCode !== 0) throw new Error(`append failed: ${result.errorCode} ${result.errorMessage}`)
      process.stdout.write(`ack ${result.baseOffset} ${n}\n`)
    }
  }
  await Promise.all(Array.from({ length: inFlight }, () => worker()))
}
