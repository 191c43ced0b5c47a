// Shared setup for the log's tests: a temp partition directory and helpers to read records back.

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestContext } from 'node:test'
import { readBatchHeader } from '@tributary/protocol'
import type { LogConfig } from './types.ts'
import { defaultLogConfig } from './log-config.ts'
import { openPartitionLog } from './partition-log.ts'
import { iterateBatchRecords } from './record-reader.ts'

export async function tempPartitionDir (t: TestContext): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'tributary-log-'))
  t.after(() => rm(root, { recursive: true, force: true }))
  return join(root, 'topic-0')
}

export function testConfig (overrides: Partial<LogConfig> = {}): LogConfig {
  return { ...defaultLogConfig(), durableAcks: false, ...overrides }
}

export async function openTestLog (dir: string, overrides: Partial<LogConfig> = {}, tailCacheBytes?: number): ReturnType<typeof openPartitionLog> {
  return openPartitionLog({ dir, topic: 'topic', partition: 0, config: testConfig(overrides), tailCacheBytes })
}

export interface ReadRecord { offset: number; key: string | null; value: string | null; timestamp: number }

/** Every record in the given batches, with absolute offsets. */
export function recordsOf (batches: Buffer[]): ReadRecord[] {
  const out: ReadRecord[] = []
  for (const batch of batches) {
    for (const { record } of iterateBatchRecords(batch)) {
      out.push({
        offset: record.offset,
        key: record.key === null ? null : record.key.toString(),
        value: record.value === null ? null : record.value.toString(),
        timestamp: record.timestamp,
      })
    }
  }
  return out
}

/** Reads the whole log from `from` with read_uncommitted. */
export async function readAll (log: Awaited<ReturnType<typeof openPartitionLog>>, from = log.logStartOffset(), maxBytes = 1 << 20): Promise<Buffer[]> {
  const out: Buffer[] = []
  let offset = from
  while (offset < log.logEndOffset()) {
    const r = await log.read(offset, maxBytes, 'read_uncommitted')
    if (r.errorCode !== 0) throw new Error(`read error ${r.errorCode} at ${offset}`)
    if (r.records.length === 0) break
    out.push(...r.records)
    const last = readBatchHeader(r.records[r.records.length - 1])
    offset = last.baseOffset + last.lastOffsetDelta + 1
  }
  return out
}
