// The group coordinator: every classic group, their committed offsets, and the admin views
// (list, describe, delete, lag) the handlers and the in-process API use.
//
// Persistence goes through the shared CoordinatorLog as these records:
//   { t: 'group', g, ...PersistedGroup (buffers base64) }   at Stable and Empty
//   { t: 'group-delete', g }
//   { t: 'offsets', g, o: [[topic, partition, offset, leaderEpoch, metadata, commitTimestamp]] }
//   { t: 'offsets-delete', g, p: [[topic, partition]] }
//   { t: 'txn-offsets', g, pid, o: [...] }         staged by TxnOffsetCommit
//   { t: 'txn-offsets-end', g, pid, commit }       applied or dropped by EndTxn
// Invariant: OffsetCommit and TxnOffsetCommit are answered only after their record is fsynced.

import type { Clock } from '../clock.ts'
import type { CoordinatorConfig } from '../coordinator-config.ts'
import type { CoordinatorHost } from '../coordinator-host.ts'
import { ErrorCode } from '../error-codes.ts'
import type { CoordinatorLog, CoordinatorRecord } from '../store/coordinator-log.ts'
import { ClassicGroup } from './classic-group.ts'
import { CommittedOffsets } from './committed-offsets.ts'
import type { TopicPartitionOffset } from './committed-offsets.ts'
import { decodeGroup, encodeGroup, fromTuple, toTuple } from './group-records.ts'
import type { OffsetTuple } from './group-records.ts'
import { subscribedTopics } from './consumer-subscription.ts'
import { GroupState } from './group-types.ts'
import type { GroupDescription, JoinRequest, JoinResult, MemberIdentity, SyncRequest, SyncResult } from './group-types.ts'

export interface OffsetCommitPartitionInput {
  partitionIndex: number
  committedOffset: number
  committedLeaderEpoch?: number
  committedMetadata: string | null
}

export interface OffsetTopicsInput<P> { name: string; partitions: P[] }

export interface OffsetCommitInput {
  groupId: string
  memberId: string
  groupInstanceId: string | null
  generationId: number
  topics: Array<OffsetTopicsInput<OffsetCommitPartitionInput>>
}

export interface PartitionErrors { name: string; partitions: Array<{ partitionIndex: number; errorCode: number }> }

export interface FetchedOffset {
  partitionIndex: number
  committedOffset: number
  committedLeaderEpoch: number
  metadata: string
  errorCode: number
}

export interface OffsetFetchResult { errorCode: number; topics: Array<{ name: string; partitions: FetchedOffset[] }> }

export interface ListedGroup { groupId: string; protocolType: string; groupState: string; groupType: string }

export interface PartitionLag { topic: string; partition: number; committedOffset: number; logEndOffset: number; lag: number; committedAt: number }

export interface GroupCoordinatorOptions {
  clock: Clock
  config: CoordinatorConfig
  host: CoordinatorHost
  store: CoordinatorLog
}

export class GroupCoordinator {
  readonly #clock: Clock
  readonly #config: CoordinatorConfig
  readonly #host: CoordinatorHost
  readonly #store: CoordinatorLog
  readonly #groups = new Map<string, ClassicGroup>()
  readonly #offsets = new CommittedOffsets()

  constructor (options: GroupCoordinatorOptions) {
    this.#clock = options.clock
    this.#config = options.config
    this.#host = options.host
    this.#store = options.store
  }

  // ---- persistence -----------------------------------------------------------------------

  /** Applies one replayed record; false when the record is not a group record. */
  replay (record: CoordinatorRecord): boolean {
    const g = record.g as string
    switch (record.t) {
      case 'group': {
        this.#groups.get(g)?.close()
        const group = this.#newGroup(g)
        group.restore(decodeGroup(record))
        this.#groups.set(g, group)
        return true
      }
      case 'group-delete':
        this.#groups.get(g)?.close()
        this.#groups.delete(g)
        this.#offsets.deleteGroup(g)
        return true
      case 'offsets':
        this.#ensureGroup(g)
        this.#offsets.commit(g, (record.o as OffsetTuple[]).map(fromTuple))
        return true
      case 'offsets-delete':
        this.#offsets.delete(g, (record.p as Array<[string, number]>).map(([topic, partition]) => ({ topic, partition })))
        return true
      case 'txn-offsets':
        this.#offsets.stage(g, record.pid as number, (record.o as OffsetTuple[]).map(fromTuple))
        return true
      case 'txn-offsets-end':
        this.#ensureGroup(g)
        this.#offsets.completeStaged(g, record.pid as number, record.commit === true)
        return true
      default:
        return false
    }
  }

  /** Every live group record, for a snapshot. */
  liveRecords (): CoordinatorRecord[] {
    const records: CoordinatorRecord[] = []
    for (const group of this.#groups.values()) {
      const durable = group.durableSnapshot()
      if (durable) records.push(encodeGroup(durable))
    }
    for (const g of this.#offsets.groups()) records.push({ t: 'offsets', g, o: this.#offsets.all(g).map(toTuple) })
    for (const g of this.#offsets.pendingGroups()) {
      for (const pid of this.#offsets.stagedProducers(g)) records.push({ t: 'txn-offsets', g, pid, o: this.#offsets.staged(g, pid).map(toTuple) })
    }
    return records
  }

  #newGroup (groupId: string): ClassicGroup {
    return new ClassicGroup({
      groupId,
      clock: this.#clock,
      maxSize: this.#config.groupMaxSize,
      initialRebalanceDelayMs: this.#config.groupInitialRebalanceDelayMs,
      persist: (snapshot) => this.#store.append([encodeGroup(snapshot)], { durable: true }),
    })
  }

  #ensureGroup (groupId: string): ClassicGroup {
    let group = this.#groups.get(groupId)
    if (!group) this.#groups.set(groupId, group = this.#newGroup(groupId))
    return group
  }

  validateGroupId (groupId: string | null | undefined): number {
    if (typeof groupId !== 'string' || groupId === '' || Buffer.byteLength(groupId) > this.#config.groupIdMaxBytes) return ErrorCode.INVALID_GROUP_ID
    return ErrorCode.NONE
  }

  // ---- membership ------------------------------------------------------------------------

  join (groupId: string, req: JoinRequest, signal?: AbortSignal): Promise<JoinResult> {
    const fail = (errorCode: number): Promise<JoinResult> => Promise.resolve({
      errorCode, generationId: -1, protocolType: null, protocolName: null, leader: '', skipAssignment: false, memberId: req.memberId, members: [],
    })
    const invalid = this.validateGroupId(groupId)
    if (invalid !== ErrorCode.NONE) return fail(invalid)
    if (req.sessionTimeoutMs < this.#config.groupMinSessionTimeoutMs || req.sessionTimeoutMs > this.#config.groupMaxSessionTimeoutMs) {
      return fail(ErrorCode.INVALID_SESSION_TIMEOUT)
    }
    const existing = this.#groups.get(groupId)
    if (!existing && req.memberId !== '') return fail(ErrorCode.UNKNOWN_MEMBER_ID)
    return this.#ensureGroup(groupId).join(req, signal)
  }

  sync (groupId: string, req: SyncRequest): Promise<SyncResult> {
    const group = this.#groups.get(groupId)
    const invalid = this.validateGroupId(groupId)
    if (invalid !== ErrorCode.NONE || !group) {
      return Promise.resolve({ errorCode: invalid || ErrorCode.UNKNOWN_MEMBER_ID, protocolType: null, protocolName: null, assignment: Buffer.alloc(0) })
    }
    return group.sync(req)
  }

  heartbeat (groupId: string, req: MemberIdentity & { generationId: number }): number {
    const invalid = this.validateGroupId(groupId)
    if (invalid !== ErrorCode.NONE) return invalid
    return this.#groups.get(groupId)?.heartbeat(req) ?? ErrorCode.UNKNOWN_MEMBER_ID
  }

  leave (groupId: string, members: MemberIdentity[]): { errorCode: number; members: number[] } {
    const invalid = this.validateGroupId(groupId)
    if (invalid !== ErrorCode.NONE) return { errorCode: invalid, members: members.map(() => invalid) }
    const group = this.#groups.get(groupId)
    if (!group) return { errorCode: ErrorCode.NONE, members: members.map(() => ErrorCode.UNKNOWN_MEMBER_ID) }
    return { errorCode: ErrorCode.NONE, members: group.leave(members) }
  }

  // ---- offsets ---------------------------------------------------------------------------

  async commitOffsets (req: OffsetCommitInput): Promise<PartitionErrors[]> {
    const groupError = this.#validateCommitter(req, false)
    if (groupError !== ErrorCode.NONE) return allPartitions(req.topics, groupError)
    const now = this.#clock.now()
    const accepted: TopicPartitionOffset[] = []
    const result = this.#checkPartitions(req.topics, now, accepted)
    if (accepted.length > 0) {
      this.#ensureGroup(req.groupId)
      this.#offsets.commit(req.groupId, accepted)
      await this.#store.append([{ t: 'offsets', g: req.groupId, o: accepted.map(toTuple) }], { durable: true })
    }
    return result
  }

  /** TxnOffsetCommit: stages offsets under the producer until its transaction ends. */
  async stageTxnOffsets (req: OffsetCommitInput & { producerId: number }): Promise<PartitionErrors[]> {
    const groupError = this.#validateCommitter(req, true)
    if (groupError !== ErrorCode.NONE) return allPartitions(req.topics, groupError)
    const accepted: TopicPartitionOffset[] = []
    const result = this.#checkPartitions(req.topics, this.#clock.now(), accepted)
    if (accepted.length > 0) {
      this.#offsets.stage(req.groupId, req.producerId, accepted)
      await this.#store.append([{ t: 'txn-offsets', g: req.groupId, pid: req.producerId, o: accepted.map(toTuple) }], { durable: true })
    }
    return result
  }

  /** EndTxn: a committed transaction's staged offsets become committed; an aborted one's vanish. */
  async completeTxnOffsets (groupId: string, producerId: number, commit: boolean): Promise<void> {
    if (commit && this.#offsets.staged(groupId, producerId).length > 0) this.#ensureGroup(groupId)
    this.#offsets.completeStaged(groupId, producerId, commit)
    await this.#store.append([{ t: 'txn-offsets-end', g: groupId, pid: producerId, commit }], { durable: true })
  }

  #validateCommitter (req: OffsetCommitInput, transactional: boolean): number {
    const invalid = this.validateGroupId(req.groupId)
    if (invalid !== ErrorCode.NONE) return invalid
    const group = this.#groups.get(req.groupId)
    if (group) return group.validateOffsetCommit({ ...req, transactional })
    // No such group: only commits not claiming a generation may create one (admin / assign() users).
    if (req.generationId >= 0) return ErrorCode.ILLEGAL_GENERATION
    if (req.memberId !== '' && !transactional) return ErrorCode.UNKNOWN_MEMBER_ID
    return ErrorCode.NONE
  }

  #checkPartitions (topics: OffsetCommitInput['topics'], now: number, accepted: TopicPartitionOffset[]): PartitionErrors[] {
    return topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => {
        let errorCode: number = ErrorCode.NONE
        if (!this.#host.partitionLog(t.name, p.partitionIndex)) errorCode = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION
        else if (p.committedMetadata !== null && Buffer.byteLength(p.committedMetadata) > this.#config.offsetMetadataMaxBytes) errorCode = ErrorCode.OFFSET_METADATA_TOO_LARGE
        else {
          accepted.push({
            topic: t.name,
            partition: p.partitionIndex,
            offset: p.committedOffset,
            leaderEpoch: p.committedLeaderEpoch ?? -1,
            metadata: p.committedMetadata ?? '',
            commitTimestamp: now,
          })
        }
        return { partitionIndex: p.partitionIndex, errorCode }
      }),
    }))
  }

  /** OffsetFetch for one group; `topics` null means every committed partition. */
  fetchOffsets (groupId: string, topics: Array<{ name: string; partitionIndexes: number[] }> | null, requireStable: boolean): OffsetFetchResult {
    const invalid = this.validateGroupId(groupId)
    if (invalid !== ErrorCode.NONE) {
      return { errorCode: invalid, topics: (topics ?? []).map((t) => ({ name: t.name, partitions: t.partitionIndexes.map((p) => noOffset(p, invalid)) })) }
    }
    if (topics === null) {
      const byTopic = new Map<string, number[]>()
      for (const o of this.#offsets.all(groupId)) {
        const list = byTopic.get(o.topic) ?? []
        list.push(o.partition)
        byTopic.set(o.topic, list)
      }
      topics = [...byTopic].map(([name, partitionIndexes]) => ({ name, partitionIndexes: partitionIndexes.sort((a, b) => a - b) }))
    }
    return {
      errorCode: ErrorCode.NONE,
      topics: topics.map((t) => ({
        name: t.name,
        partitions: t.partitionIndexes.map((partition) => {
          if (requireStable && this.#offsets.hasStaged(groupId, t.name, partition)) return noOffset(partition, ErrorCode.UNSTABLE_OFFSET_COMMIT)
          const committed = this.#offsets.get(groupId, t.name, partition)
          if (!committed) return noOffset(partition, ErrorCode.NONE)
          return {
            partitionIndex: partition,
            committedOffset: committed.offset,
            committedLeaderEpoch: committed.leaderEpoch,
            metadata: committed.metadata,
            errorCode: ErrorCode.NONE,
          }
        }),
      })),
    }
  }

  // ---- admin -----------------------------------------------------------------------------

  listGroups (filter: { states?: readonly string[]; types?: readonly string[] } = {}): ListedGroup[] {
    const states = filter.states?.length ? new Set(filter.states.map((s) => s.toLowerCase())) : null
    const types = filter.types?.length ? new Set(filter.types.map((s) => s.toLowerCase())) : null
    const listed: ListedGroup[] = []
    for (const group of this.#groups.values()) {
      if (states && !states.has(group.state.toLowerCase())) continue
      if (types && !types.has('classic')) continue
      listed.push({ groupId: group.groupId, protocolType: group.protocolType ?? '', groupState: group.state, groupType: 'classic' })
    }
    return listed
  }

  describeGroup (groupId: string): GroupDescription | null {
    return this.#groups.get(groupId)?.describe() ?? null
  }

  async deleteGroups (groupIds: readonly string[]): Promise<Array<{ groupId: string; errorCode: number }>> {
    const results = groupIds.map((groupId) => {
      const invalid = this.validateGroupId(groupId)
      if (invalid !== ErrorCode.NONE) return { groupId, errorCode: invalid }
      const group = this.#groups.get(groupId)
      if (!group) return { groupId, errorCode: ErrorCode.GROUP_ID_NOT_FOUND }
      if (group.state !== GroupState.Empty) return { groupId, errorCode: ErrorCode.NON_EMPTY_GROUP }
      group.close()
      this.#groups.delete(groupId)
      this.#offsets.deleteGroup(groupId)
      return { groupId, errorCode: ErrorCode.NONE }
    })
    const deleted = results.filter((r) => r.errorCode === ErrorCode.NONE).map((r): CoordinatorRecord => ({ t: 'group-delete', g: r.groupId }))
    await this.#store.append(deleted, { durable: true })
    return results
  }

  /** OffsetDelete: refuses partitions of topics the (consumer) group is still subscribed to. */
  async deleteOffsets (groupId: string, topics: Array<{ name: string; partitions: Array<{ partitionIndex: number }> }>): Promise<{ errorCode: number; topics: PartitionErrors[] }> {
    const invalid = this.validateGroupId(groupId)
    if (invalid !== ErrorCode.NONE) return { errorCode: invalid, topics: [] }
    const group = this.#groups.get(groupId)
    if (!group) return { errorCode: ErrorCode.GROUP_ID_NOT_FOUND, topics: [] }
    let subscribed = new Set<string>()
    if (group.size > 0) {
      if (group.protocolType !== 'consumer') return { errorCode: ErrorCode.NON_EMPTY_GROUP, topics: [] }
      subscribed = new Set(group.selectedMetadata().flatMap(subscribedTopics))
    }
    const removed: Array<[string, number]> = []
    const result = topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => {
        if (subscribed.has(t.name)) return { partitionIndex: p.partitionIndex, errorCode: ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC }
        removed.push([t.name, p.partitionIndex])
        return { partitionIndex: p.partitionIndex, errorCode: ErrorCode.NONE }
      }),
    }))
    if (removed.length > 0) {
      this.#offsets.delete(groupId, removed.map(([topic, partition]) => ({ topic, partition })))
      await this.#store.append([{ t: 'offsets-delete', g: groupId, p: removed }], { durable: true })
    }
    return { errorCode: ErrorCode.NONE, topics: result }
  }

  /** Consumer lag per committed partition: log end offset minus committed offset. */
  describeLag (groupId: string): PartitionLag[] {
    return this.#offsets.all(groupId)
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
      .map((o) => {
        const logEndOffset = this.#host.partitionLog(o.topic, o.partition)?.logEndOffset() ?? -1
        return { topic: o.topic, partition: o.partition, committedOffset: o.offset, logEndOffset, lag: logEndOffset < 0 ? 0 : Math.max(0, logEndOffset - o.offset), committedAt: o.commitTimestamp }
      })
  }

  hasStagedOffsets (groupId: string, topic: string, partition: number): boolean {
    return this.#offsets.hasStaged(groupId, topic, partition)
  }

  close (): void {
    for (const group of this.#groups.values()) group.close()
  }
}

function noOffset (partitionIndex: number, errorCode: number): FetchedOffset {
  return { partitionIndex, committedOffset: -1, committedLeaderEpoch: -1, metadata: '', errorCode }
}

function allPartitions (topics: OffsetCommitInput['topics'], errorCode: number): PartitionErrors[] {
  return topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode })) }))
}
