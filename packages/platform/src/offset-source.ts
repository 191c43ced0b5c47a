// Where consumer lag comes from. In-process: the embedded broker's group coordinator
// (`broker.groups.describeLag(groupId)`). Against an external Kafka: the admin client's
// committed group offsets and latest end offsets.
import type { PartitionLag } from './lag-tracker.ts'

export interface OffsetSource {
  /** Per-partition committed offset, end offset and lag of a consumer group. */
  groupLag(groupId: string): Promise<PartitionLag[]>
  close?(): Promise<void>
}

/** What the embedded broker exposes (see packages/broker). */
export interface BrokerWithGroups {
  groups: {
    describeLag(groupId: string): Promise<Iterable<BrokerPartitionLag>> | Iterable<BrokerPartitionLag>
  } | null
}

interface BrokerPartitionLag {
  topic: string
  partition: number
  committedOffset: number | bigint
  logEndOffset: number | bigint
  lag: number | bigint
  committedAt?: number
}

export function createBrokerOffsetSource (broker: BrokerWithGroups): OffsetSource {
  return {
    async groupLag (groupId) {
      if (broker.groups === null) throw new Error('the embedded broker has no group coordinator')
      const rows = await broker.groups.describeLag(groupId)
      return [...rows].map(r => ({
        topic: r.topic,
        partition: r.partition,
        committedOffset: Number(r.committedOffset),
        logEndOffset: Number(r.logEndOffset),
        lag: Number(r.lag),
        ...(r.committedAt !== undefined ? { committedAt: r.committedAt } : {}),
      }))
    },
  }
}

export interface KafkaOffsetSourceOptions {
  bootstrapServers: string[]
  clientId?: string
}

export async function createKafkaOffsetSource (options: KafkaOffsetSourceOptions): Promise<OffsetSource> {
  if (!Array.isArray(options?.bootstrapServers) || options.bootstrapServers.length === 0) throw new TypeError('createKafkaOffsetSource needs bootstrapServers')
  const { Admin } = await import('@platformatic/kafka')
  const admin = new Admin({ clientId: options.clientId ?? 'tributary-platform', bootstrapBrokers: options.bootstrapServers })
  return {
    async groupLag (groupId) {
      const [group] = await admin.listConsumerGroupOffsets({ groups: [groupId] })
      const committed = (group?.topics ?? []).flatMap(t => t.partitions
        .filter(p => p.committedOffset >= 0n)
        .map(p => ({ topic: t.name, partition: p.partitionIndex, committed: p.committedOffset })))
      if (committed.length === 0) return []
      const byTopic = new Map<string, number[]>()
      for (const c of committed) byTopic.set(c.topic, [...(byTopic.get(c.topic) ?? []), c.partition])
      const listed = await admin.listOffsets({
        topics: [...byTopic].map(([name, partitions]) => ({ name, partitions: partitions.map(partitionIndex => ({ partitionIndex, timestamp: -1n })) })),
      })
      const end = new Map<string, bigint>()
      for (const t of listed) for (const p of t.partitions) end.set(`${t.name}:${p.partitionIndex}`, p.offset)
      return committed.map(c => {
        const logEnd = end.get(`${c.topic}:${c.partition}`)
        return {
          topic: c.topic,
          partition: c.partition,
          committedOffset: Number(c.committed),
          logEndOffset: logEnd === undefined ? -1 : Number(logEnd),
          lag: logEnd === undefined ? -1 : Math.max(0, Number(logEnd - c.committed)),
        }
      })
    },
    async close () { await admin.close() },
  }
}
