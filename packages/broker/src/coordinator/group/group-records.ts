// How group state is written to the coordinator store: a whole group as one JSON record
// (buffers base64) and committed offsets as compact tuples.

import type { CoordinatorRecord } from '../store/coordinator-log.ts'
import type { TopicPartitionOffset } from './committed-offsets.ts'
import type { PersistedGroup } from './group-types.ts'

/** [topic, partition, offset, leaderEpoch, metadata, commitTimestamp] */
export type OffsetTuple = [string, number, number, number, string, number]

export function toTuple (o: TopicPartitionOffset): OffsetTuple {
  return [o.topic, o.partition, o.offset, o.leaderEpoch, o.metadata, o.commitTimestamp]
}

export function fromTuple ([topic, partition, offset, leaderEpoch, metadata, commitTimestamp]: OffsetTuple): TopicPartitionOffset {
  return { topic, partition, offset, leaderEpoch, metadata, commitTimestamp }
}

export function encodeGroup (group: PersistedGroup): CoordinatorRecord {
  return {
    t: 'group',
    g: group.groupId,
    protocolType: group.protocolType,
    protocolName: group.protocolName,
    generationId: group.generationId,
    leaderId: group.leaderId,
    members: group.members.map((m) => ({
      ...m,
      protocols: m.protocols.map((p) => ({ name: p.name, metadata: p.metadata.toString('base64') })),
      assignment: m.assignment.toString('base64'),
    })),
  }
}

export function decodeGroup (record: CoordinatorRecord): PersistedGroup {
  type StoredMember = Omit<PersistedGroup['members'][number], 'protocols' | 'assignment'> & { protocols: Array<{ name: string; metadata: string }>; assignment: string }
  const members = record.members as StoredMember[]
  return {
    groupId: record.g as string,
    protocolType: record.protocolType as string | null,
    protocolName: record.protocolName as string | null,
    generationId: record.generationId as number,
    leaderId: record.leaderId as string | null,
    members: members.map((m) => ({
      ...m,
      protocols: m.protocols.map((p) => ({ name: p.name, metadata: Buffer.from(p.metadata, 'base64') })),
      assignment: Buffer.from(m.assignment, 'base64'),
    })),
  }
}
