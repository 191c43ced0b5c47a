// @platformatic/kafka as a test peer. Reading back uses the client's group-free Fetch (leader
// from Metadata, partition by partition up to the high watermark) so "read back by partition"
// is literal and does not depend on the group coordinator.
import { Admin, Consumer, Producer, stringSerializers } from '@platformatic/kafka'
import type { ConsumedRecord, Header, TestRecord } from './test-records.ts'

export type PlatformaticCompression = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd'

export interface PlatformaticProduceOptions {
  topic: string
  records: readonly TestRecord[]
  compression?: PlatformaticCompression
  idempotent?: boolean
  acks?: -1 | 0 | 1
  chunk?: number
}

export interface PlatformaticPeer {
  /** Creates the topic and waits until the broker names a leader for every partition. */
  createTopic (topic: string, partitions: number): Promise<void>
  /**
   * Waits until Metadata names a leader for every partition. Producing earlier can hit
   * NOT_LEADER_OR_FOLLOWER on Apache Kafka (a new topic, or just after a restart), and
   * @platformatic/kafka retries the whole request, so a non-idempotent producer stores the
   * partitions that had succeeded twice.
   */
  waitForLeaders (topic: string, partitions: number): Promise<void>
  produce (options: PlatformaticProduceOptions): Promise<void>
  /** Every record of every partition, fetched from offset 0 to the high watermark. */
  readAll (topic: string, options?: { isolationLevel?: 0 | 1 }): Promise<ConsumedRecord[]>
}

const CONTROL_BATCH = 0x20

export function platformaticPeer (bootstrap: string): PlatformaticPeer {
  // Generous timeouts: the client's 5 s default expires on a loaded CI machine, and a timed-out
  // Produce that is retried stores its records twice unless the producer is idempotent.
  const base = { clientId: 'tributary-testkit', bootstrapBrokers: [bootstrap], retries: 5, timeout: 60_000, requestTimeout: 60_000 }
  return {
    async createTopic (topic, partitions) {
      const admin = new Admin(base)
      try {
        await admin.createTopics({ topics: [topic], partitions, replicas: 1 })
      } finally {
        await admin.close()
      }
      await this.waitForLeaders(topic, partitions)
    },
    async waitForLeaders (topic, partitions) {
      const admin = new Admin(base)
      try {
        const deadline = Date.now() + 60_000
        while (true) {
          const metadata = await admin.metadata({ topics: [topic], forceUpdate: true }).catch(() => undefined)
          const found = metadata?.topics.get(topic)?.partitions ?? []
          if (found.length === partitions && found.every((partition) => partition.leader >= 0)) return
          if (Date.now() > deadline) throw new Error(`${topic}: no leader for every partition after 60 s`)
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
      } finally {
        await admin.close()
      }
    },
    async produce (options) {
      // A non-idempotent producer must not retry: a retry may duplicate, and the tests would blame the broker.
      const idempotent = options.idempotent ?? false
      const producer = new Producer({ ...base, retries: idempotent ? 5 : 0, serializers: stringSerializers, idempotent, autocreateTopics: false })
      try {
        const chunk = options.chunk ?? 1000
        for (let at = 0; at < options.records.length; at += chunk) {
          await producer.send({
            acks: options.acks ?? -1,
            compression: options.compression ?? 'none',
            messages: options.records.slice(at, at + chunk).map((record) => ({
              topic: options.topic,
              key: record.key ?? undefined,
              value: record.value ?? undefined,
              headers: new Map(record.headers.map(([key, value]) => [key, value ?? ''])),
            })),
          })
        }
      } finally {
        await producer.close()
      }
    },
    async readAll (topic, options = {}) {
      const consumer = new Consumer({ ...base, groupId: `tributary-testkit-fetch-${process.pid}` })
      const records: ConsumedRecord[] = []
      try {
        const metadata = await consumer.metadata({ topics: [topic] })
        const partitions = metadata.topics.get(topic)?.partitions ?? []
        const ends = (await consumer.listOffsets({ topics: [topic], isolationLevel: options.isolationLevel ?? 0 })).get(topic) ?? []
        for (const [partition, info] of partitions.entries()) {
          const end = ends[partition] ?? 0n
          let offset = 0n
          while (offset < end) {
            const response = await consumer.fetch({
              node: info.leader,
              maxWaitTime: 500,
              isolationLevel: options.isolationLevel ?? 0,
              topics: [{ topicId: metadata.topics.get(topic)!.id, partitions: [{ partition, fetchOffset: offset, partitionMaxBytes: 1 << 20, currentLeaderEpoch: -1, lastFetchedEpoch: -1 }] }],
            })
            const data = response.responses[0]?.partitions[0]
            if (data === undefined || data.errorCode !== 0) throw new Error(`fetch ${topic}/${partition}@${offset} failed: error ${data?.errorCode}`)
            const batches = data.records ?? []
            if (batches.length === 0) break
            for (const batch of batches) {
              for (const record of batch.records) {
                const at = batch.firstOffset + BigInt(record.offsetDelta)
                if (at < offset) continue
                if ((batch.attributes & CONTROL_BATCH) === 0) {
                  const headers: Header[] = record.headers.map(([key, value]) => [key?.toString() ?? '', value?.toString() ?? null])
                  records.push({ partition, offset: Number(at), key: record.key?.toString() ?? null, value: record.value?.toString() ?? null, headers })
                }
              }
              offset = batch.firstOffset + BigInt(batch.lastOffsetDelta) + 1n
            }
          }
        }
      } finally {
        await consumer.close()
      }
      return records
    },
  }
}
