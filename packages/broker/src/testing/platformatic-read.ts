// Test support: read a partition back with a real client (@platformatic/kafka's group-free
// Consumer.fetch), so what a test checks is what a client decodes — including decompression.

import { Consumer } from '@platformatic/kafka'

export interface ReadRecord {
  offset: number
  key: string | null
  value: string | null
  headers: Array<[string, string]>
  timestamp: number
  /** The codec bits of the batch the record came in (0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd). */
  codec: number
}

/** Every record of `topic`/`partition` from its log start to its high watermark, in offset order. */
export async function readPartition (bootstrap: string, topic: string, partition = 0): Promise<ReadRecord[]> {
  const consumer = new Consumer({ clientId: 'tributary-read', groupId: `tributary-read-${topic}`, bootstrapBrokers: [bootstrap] })
  try {
    const info = (await consumer.metadata({ topics: [topic] })).topics.get(topic)
    if (info === undefined) throw new Error(`no metadata for ${topic}`)
    const out: ReadRecord[] = []
    // Start where the client would: ListOffsets earliest (-2).
    let offset = (await consumer.listOffsets({ topics: [topic], timestamp: -2n })).get(topic)![partition]
    for (;;) {
      const response = await consumer.fetch({
        node: info.partitions[partition].leader,
        maxWaitTime: 50,
        topics: [{ topicId: info.id, partitions: [{ partition, fetchOffset: offset, partitionMaxBytes: 1 << 20, currentLeaderEpoch: -1, lastFetchedEpoch: -1 }] }],
      } as any)
      const data = response.responses[0].partitions[0]
      if (data.errorCode !== 0) throw new Error(`fetch error ${data.errorCode}`)
      let last = -1n
      for (const batch of (data.records ?? []) as any[]) {
        const isControl = (batch.attributes & 0x20) !== 0
        for (const r of batch.records) {
          const at = batch.firstOffset + BigInt(r.offsetDelta)
          if (at < offset) continue
          last = at
          if (isControl) continue
          out.push({
            offset: Number(at),
            key: r.key?.toString() ?? null,
            value: r.value?.toString() ?? null,
            headers: r.headers.map(([k, v]: [Buffer | null, Buffer | null]) => [k?.toString() ?? '', v?.toString() ?? '']),
            timestamp: Number(batch.firstTimestamp + r.timestampDelta),
            codec: batch.attributes & 0x07,
          })
        }
        const batchEnd = batch.firstOffset + BigInt(batch.lastOffsetDelta)
        if (batchEnd > last) last = batchEnd
      }
      if (last < 0n || last + 1n >= BigInt(data.highWatermark)) return out
      offset = last + 1n
    }
  } finally {
    await consumer.close()
  }
}
