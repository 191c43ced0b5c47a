// Sink connector offsets are the consumer group's committed offsets (group connect-<name>, or
// consumer.override.group.id). Read, altered and reset through the admin client, with Kafka's
// validation messages for the REST shape {kafka_topic, kafka_partition} → {kafka_offset}.
import type { Admin } from '@platformatic/kafka'
import { ConnectRestError } from '../connect-rest-error.ts'
import type { ConnectorOffset } from './entities.ts'

export function sinkGroupId (name: string, config: Record<string, string>): string {
  return config['consumer.override.group.id'] ?? `connect-${name}`
}

export async function readSinkOffsets (admin: Admin, group: string): Promise<ConnectorOffset[]> {
  let groups
  try {
    groups = await admin.listConsumerGroupOffsets({ groups: [group] })
  } catch {
    return []
  }
  const out: ConnectorOffset[] = []
  for (const g of groups) {
    for (const t of g.topics) {
      for (const p of t.partitions) {
        if (p.committedOffset < 0n) continue
        out.push({ partition: { kafka_topic: t.name, kafka_partition: p.partitionIndex }, offset: { kafka_offset: Number(p.committedOffset) } })
      }
    }
  }
  out.sort((a, b) => String(a.partition.kafka_topic).localeCompare(String(b.partition.kafka_topic)) || Number(a.partition.kafka_partition) - Number(b.partition.kafka_partition))
  return out
}

const bad = (m: string): ConnectRestError => new ConnectRestError('BAD_REQUEST', m)

/** Kafka's SinkUtils.parseSinkConnectorOffsets. */
export function parseSinkOffsets (offsets: ConnectorOffset[]): Array<{ topic: string, partition: number, offset: number | null }> {
  return offsets.map(({ partition, offset }) => {
    if (partition === null || partition === undefined) throw bad('The partition for a sink connector offset cannot be null or missing')
    if (!('kafka_topic' in partition) || !('kafka_partition' in partition)) throw bad("The partition for a sink connector offset must contain the keys 'kafka_topic' and 'kafka_partition'")
    const topic = partition.kafka_topic
    if (typeof topic !== 'string') throw bad('Kafka topic names must be valid strings and may not be null')
    const p = partition.kafka_partition
    if (p === null || p === undefined) throw bad('Kafka partitions must be valid numbers and may not be null')
    const pn = typeof p === 'number' ? p : typeof p === 'string' && /^[+-]?\d+$/.test(p.trim()) ? Number(p.trim()) : NaN
    if (!Number.isInteger(pn) || pn > 2147483647 || pn < -2147483648) throw bad(`Failed to parse the following Kafka partition value in the provided offsets: '${String(p)}'. Partition values for sink connectors need to be integers.`)
    if (offset === null) return { topic, partition: pn, offset: null }
    if (!('kafka_offset' in offset)) throw bad("The offset for a sink connector should either be null or contain the key 'kafka_offset'")
    const o = offset.kafka_offset
    const on = typeof o === 'number' ? o : typeof o === 'string' && /^[+-]?\d+$/.test(o.trim()) ? Number(o.trim()) : NaN
    if (!Number.isInteger(on)) throw bad(`Failed to parse the following Kafka offset value in the provided offsets: '${String(o)}'. Offset values for sink connectors need to be integers.`)
    return { topic, partition: pn, offset: on }
  })
}

export async function alterSinkOffsets (admin: Admin, group: string, parsed: Array<{ topic: string, partition: number, offset: number | null }>): Promise<void> {
  const byTopic = (want: 'set' | 'reset'): Map<string, Array<{ partition: number, offset: number | null }>> => {
    const m = new Map<string, Array<{ partition: number, offset: number | null }>>()
    for (const p of parsed) {
      if ((p.offset === null) !== (want === 'reset')) continue
      const arr = m.get(p.topic) ?? []
      arr.push({ partition: p.partition, offset: p.offset })
      m.set(p.topic, arr)
    }
    return m
  }
  const sets = byTopic('set')
  if (sets.size > 0) {
    await admin.alterConsumerGroupOffsets({
      groupId: group,
      topics: [...sets].map(([name, ps]) => ({ name, partitionOffsets: ps.map((p) => ({ partition: p.partition, offset: BigInt(p.offset!) })) })),
    })
  }
  const resets = byTopic('reset')
  if (resets.size > 0) {
    try {
      await admin.deleteConsumerGroupOffsets({ groupId: group, topics: [...resets].map(([name, ps]) => ({ name, partitionIndexes: ps.map((p) => p.partition) })) })
    } catch (err) {
      if (!/GROUP_ID_NOT_FOUND|does not exist/i.test(String((err as Error).message) + JSON.stringify((err as { errors?: unknown }).errors ?? ''))) throw err
    }
  }
}

export async function resetSinkOffsets (admin: Admin, group: string): Promise<void> {
  try {
    await admin.deleteGroups({ groups: [group] })
  } catch (err) {
    // GroupIdNotFound is fine: the reset is idempotent.
    const text = String((err as Error).message) + JSON.stringify((err as { errors?: unknown }).errors ?? '')
    if (!/GROUP_ID_NOT_FOUND|not found|does not exist|16|69/i.test(text)) throw err
  }
}
