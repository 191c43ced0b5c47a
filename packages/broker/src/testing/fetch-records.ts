// Test support: Fetch through a RawClient and decode the returned batches into records.

import { iterateRecords } from '@tributary/protocol'
import type { RawClient } from './raw-client.ts'

export interface FetchedRecord { offset: number; key: string | null; value: string | null }

export function fetchBody (topic: string, partition: number, fetchOffset: number, options: { maxWaitMs?: number; minBytes?: number; maxBytes?: number; partitionMaxBytes?: number; isolationLevel?: number } = {}) {
  return {
    replicaId: -1,
    maxWaitMs: options.maxWaitMs ?? 0,
    minBytes: options.minBytes ?? 0,
    maxBytes: options.maxBytes ?? 1 << 24,
    isolationLevel: options.isolationLevel ?? 0,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [{ topic, partitions: [{ partition, currentLeaderEpoch: -1, fetchOffset, lastFetchedEpoch: -1, logStartOffset: -1, partitionMaxBytes: options.partitionMaxBytes ?? 1 << 24 }] }],
    forgottenTopicsData: [],
    rackId: '',
  }
}

export function decodeBatches (records: Buffer | null): FetchedRecord[] {
  const out: FetchedRecord[] = []
  if (records === null) return out
  let at = 0
  while (at + 12 <= records.length) {
    const size = records.readInt32BE(at + 8) + 12
    if (at + size > records.length) break // a partial trailing batch is allowed by the protocol
    const batch = records.subarray(at, at + size)
    const isControl = (batch.readInt16BE(21) & 0x20) !== 0
    if (!isControl) {
      for (const r of iterateRecords(batch)) {
        out.push({ offset: r.offset, key: r.key?.toString() ?? null, value: r.value?.toString() ?? null })
      }
    }
    at += size
  }
  return out
}

/** Reads every record of a partition from `from` up to its high watermark. */
export async function readAll (client: RawClient, topic: string, partition: number, from = 0, version = 12): Promise<FetchedRecord[]> {
  const out: FetchedRecord[] = []
  let offset = from
  while (true) {
    const res = await client.request(1, version, fetchBody(topic, partition, offset))
    const p = res.responses[0].partitions[0]
    if (p.errorCode !== 0) throw new Error(`fetch error ${p.errorCode}`)
    const records = decodeBatches(p.records).filter((r) => r.offset >= offset)
    out.push(...records)
    if (records.length === 0 || Number(p.highWatermark) <= records[records.length - 1].offset + 1) break
    offset = records[records.length - 1].offset + 1
  }
  return out
}
