// One consumer group under the classic protocol (JoinGroup/SyncGroup/Heartbeat/LeaveGroup).
//
// States: Empty → PreparingRebalance → CompletingRebalance → Stable, back to PreparingRebalance
// on any membership or metadata change, and Dead when deleted. Parked JoinGroup and SyncGroup
// calls are promises resolved when the rebalance moves on; every timer (session, rebalance,
// pending member id) goes through the injected clock and is cancelled on close.
//
// Invariant: a member parked in JoinGroup or SyncGroup has no session timer (it is alive by
// waiting); the timer is re-armed when its response is sent.
// Invariant: the group is persisted (awaited) before the SyncGroup responses that make it Stable.

import { randomUUID } from 'node:crypto'
import type { Clock, Timer } from '../clock.ts'
import { ErrorCode } from '../error-codes.ts'
import { GroupState } from './group-types.ts'
import { acceptsProtocols, sameProtocols, selectProtocol } from './protocol-selection.ts'
import type {
  GroupDescription, GroupProtocol, JoinRequest, JoinResult, MemberIdentity, PersistedGroup, SyncRequest, SyncResult,
} from './group-types.ts'

interface Member {
  memberId: string
  groupInstanceId: string | null
  clientId: string
  clientHost: string
  sessionTimeoutMs: number
  rebalanceTimeoutMs: number
  protocols: GroupProtocol[]
  assignment: Buffer
  joinWaiter: ((result: JoinResult) => void) | null
  syncWaiter: ((result: SyncResult) => void) | null
  sessionTimer: Timer | null
}

export interface ClassicGroupOptions {
  groupId: string
  clock: Clock
  maxSize: number
  initialRebalanceDelayMs: number
  /** Durably stores the group (called at Stable and Empty). */
  persist: (group: PersistedGroup) => Promise<void>
}

const EMPTY = Buffer.alloc(0)

export class ClassicGroup {
  readonly groupId: string
  readonly #clock: Clock
  readonly #maxSize: number
  readonly #initialDelayMs: number
  readonly #persist: (group: PersistedGroup) => Promise<void>

  #state: GroupState = GroupState.Empty
  #generationId = 0
  #protocolType: string | null = null
  #protocolName: string | null = null
  #leaderId: string | null = null
  readonly #members = new Map<string, Member>()
  /** Member ids handed out with MEMBER_ID_REQUIRED, expiring after the session timeout. */
  readonly #pending = new Map<string, Timer>()
  readonly #static = new Map<string, string>()
  /** What was last handed to `persist` (or restored): a snapshot of the store repeats this, never a mid-rebalance state. */
  #durable: PersistedGroup | null = null
  #rebalanceTimer: Timer | null = null
  #initialDelay: { remainingMs: number; newMemberJoined: boolean } | null = null

  constructor (options: ClassicGroupOptions) {
    this.groupId = options.groupId
    this.#clock = options.clock
    this.#maxSize = options.maxSize
    this.#initialDelayMs = options.initialRebalanceDelayMs
    this.#persist = options.persist
  }

  get state (): GroupState { return this.#state }
  get generationId (): number { return this.#generationId }
  get protocolType (): string | null { return this.#protocolType }
  get protocolName (): string | null { return this.#protocolName }
  get leaderId (): string | null { return this.#leaderId }
  get size (): number { return this.#members.size }
  hasMember (memberId: string): boolean { return this.#members.has(memberId) }

  /** Rebuilds a persisted group; members get fresh session timers. */
  restore (saved: PersistedGroup): void {
    this.#generationId = saved.generationId
    this.#protocolType = saved.protocolType
    this.#protocolName = saved.protocolName
    this.#leaderId = saved.leaderId
    for (const m of saved.members) {
      const member: Member = { ...m, protocols: m.protocols.map((p) => ({ ...p })), joinWaiter: null, syncWaiter: null, sessionTimer: null }
      this.#members.set(m.memberId, member)
      if (m.groupInstanceId !== null) this.#static.set(m.groupInstanceId, m.memberId)
      this.#armSession(member)
    }
    this.#state = this.#members.size > 0 ? GroupState.Stable : GroupState.Empty
    this.#durable = saved
  }

  /** The group as last persisted (Stable or Empty), for store snapshots; null before the first persist. */
  durableSnapshot (): PersistedGroup | null {
    return this.#durable
  }

  #store (): Promise<void> {
    this.#durable = this.snapshot()
    return this.#persist(this.#durable)
  }

  snapshot (): PersistedGroup {
    return {
      groupId: this.groupId,
      protocolType: this.#protocolType,
      protocolName: this.#protocolName,
      generationId: this.#generationId,
      leaderId: this.#leaderId,
      members: [...this.#members.values()].map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        sessionTimeoutMs: m.sessionTimeoutMs,
        rebalanceTimeoutMs: m.rebalanceTimeoutMs,
        protocols: m.protocols,
        assignment: m.assignment,
      })),
    }
  }

  // ---- JoinGroup -------------------------------------------------------------------------

  join (req: JoinRequest, signal?: AbortSignal): Promise<JoinResult> {
    if (this.#state === GroupState.Dead) return Promise.resolve(this.#joinError(ErrorCode.COORDINATOR_NOT_AVAILABLE, req.memberId))
    if (!this.#supportsProtocols(req.protocolType, req.protocols)) {
      return Promise.resolve(this.#joinError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, req.memberId))
    }
    return req.memberId === '' ? this.#joinNewMember(req, signal) : this.#joinKnownMember(req, signal)
  }

  #joinNewMember (req: JoinRequest, signal?: AbortSignal): Promise<JoinResult> {
    const memberId = `${req.clientId}-${randomUUID()}`
    if (req.groupInstanceId !== null) {
      const existing = this.#static.get(req.groupInstanceId)
      if (existing !== undefined) return this.#replaceStaticMember(existing, memberId, req, signal)
    }
    if (this.#members.size + this.#pending.size >= this.#maxSize) {
      return Promise.resolve(this.#joinError(ErrorCode.GROUP_MAX_SIZE_REACHED, ''))
    }
    if (req.groupInstanceId === null && req.requireKnownMemberId) {
      this.#pending.set(memberId, this.#clock.schedule(req.sessionTimeoutMs, () => {
        this.#pending.delete(memberId)
        this.#tryCompleteJoin()
      }))
      return Promise.resolve(this.#joinError(ErrorCode.MEMBER_ID_REQUIRED, memberId))
    }
    return this.#addMemberAndRebalance(memberId, req, signal)
  }

  #joinKnownMember (req: JoinRequest, signal?: AbortSignal): Promise<JoinResult> {
    const pendingTimer = this.#pending.get(req.memberId)
    if (pendingTimer) {
      pendingTimer.cancel()
      this.#pending.delete(req.memberId)
      return this.#addMemberAndRebalance(req.memberId, req, signal)
    }
    const member = this.#members.get(req.memberId)
    if (req.groupInstanceId !== null && this.#static.has(req.groupInstanceId) && this.#static.get(req.groupInstanceId) !== req.memberId) {
      return Promise.resolve(this.#joinError(ErrorCode.FENCED_INSTANCE_ID, req.memberId))
    }
    if (!member) return Promise.resolve(this.#joinError(ErrorCode.UNKNOWN_MEMBER_ID, req.memberId))

    switch (this.#state) {
      case GroupState.PreparingRebalance:
        return this.#parkJoin(member, req, signal, () => this.#tryCompleteJoin())
      case GroupState.CompletingRebalance:
        if (sameProtocols(member.protocols, req.protocols)) {
          this.#armSession(member)
          return Promise.resolve(this.#joinResult(member.memberId, member.memberId === this.#leaderId))
        }
        return this.#parkJoin(member, req, signal, () => this.#prepareRebalance())
      case GroupState.Stable:
        if (member.memberId === this.#leaderId || !sameProtocols(member.protocols, req.protocols)) {
          return this.#parkJoin(member, req, signal, () => this.#prepareRebalance())
        }
        this.#armSession(member)
        return Promise.resolve(this.#joinResult(member.memberId, false))
      default:
        return Promise.resolve(this.#joinError(ErrorCode.UNKNOWN_MEMBER_ID, req.memberId))
    }
  }

  /** KIP-345: a static member rejoining without its member id takes over its old identity. */
  #replaceStaticMember (oldId: string, newId: string, req: JoinRequest, signal?: AbortSignal): Promise<JoinResult> {
    const member = this.#members.get(oldId)!
    const fenced = this.#joinError(ErrorCode.FENCED_INSTANCE_ID, oldId)
    member.joinWaiter?.(fenced)
    member.joinWaiter = null
    member.syncWaiter?.({ errorCode: ErrorCode.FENCED_INSTANCE_ID, protocolType: null, protocolName: null, assignment: EMPTY })
    member.syncWaiter = null
    this.#members.delete(oldId)
    member.memberId = newId
    this.#members.set(newId, member)
    this.#static.set(req.groupInstanceId!, newId)
    if (this.#leaderId === oldId) this.#leaderId = newId
    const isLeader = this.#leaderId === newId
    const changed = !sameProtocols(member.protocols, req.protocols)
    if (this.#state === GroupState.Stable && !changed && (!isLeader || req.supportsSkipAssignment)) {
      updateMember(member, req)
      this.#armSession(member)
      const result = this.#joinResult(newId, isLeader)
      result.skipAssignment = isLeader
      return this.#store().then(() => result, () => this.#joinError(ErrorCode.COORDINATOR_NOT_AVAILABLE, newId))
    }
    if (this.#state === GroupState.PreparingRebalance) return this.#parkJoin(member, req, signal, () => this.#tryCompleteJoin())
    return this.#parkJoin(member, req, signal, () => this.#prepareRebalance())
  }

  #addMemberAndRebalance (memberId: string, req: JoinRequest, signal?: AbortSignal): Promise<JoinResult> {
    const member: Member = {
      memberId,
      groupInstanceId: req.groupInstanceId,
      clientId: req.clientId,
      clientHost: req.clientHost,
      sessionTimeoutMs: req.sessionTimeoutMs,
      rebalanceTimeoutMs: req.rebalanceTimeoutMs,
      protocols: req.protocols,
      assignment: EMPTY,
      joinWaiter: null,
      syncWaiter: null,
      sessionTimer: null,
    }
    this.#members.set(memberId, member)
    if (req.groupInstanceId !== null) this.#static.set(req.groupInstanceId, memberId)
    this.#leaderId ??= memberId
    if (this.#protocolType === null || this.#state === GroupState.Empty) this.#protocolType = req.protocolType
    if (this.#initialDelay) this.#initialDelay.newMemberJoined = true
    const next = this.#state === GroupState.PreparingRebalance ? () => this.#tryCompleteJoin() : () => this.#prepareRebalance()
    return this.#parkJoin(member, req, signal, next)
  }

  #parkJoin (member: Member, req: JoinRequest, signal: AbortSignal | undefined, then: () => void): Promise<JoinResult> {
    updateMember(member, req)
    member.sessionTimer?.cancel()
    member.sessionTimer = null
    // A client only ever has one JoinGroup in flight; a duplicate supersedes the older one.
    member.joinWaiter?.(this.#joinError(ErrorCode.REBALANCE_IN_PROGRESS, member.memberId))
    const promise = new Promise<JoinResult>((resolve) => {
      member.joinWaiter = resolve
    })
    if (signal) {
      // The connection went away while parked: a dynamic member is gone for good; a static one may return.
      const onAbort = (): void => {
        if (this.#members.get(member.memberId) !== member || member.joinWaiter === null) return
        if (member.groupInstanceId === null) this.#removeMember(member)
        else {
          member.joinWaiter = null
          this.#armSession(member)
        }
      }
      if (signal.aborted) queueMicrotask(onAbort)
      else {
        signal.addEventListener('abort', onAbort, { once: true })
        void promise.then(() => signal.removeEventListener('abort', onAbort))
      }
    }
    then()
    return promise
  }

  #prepareRebalance (): void {
    if (this.#state === GroupState.CompletingRebalance) {
      for (const m of this.#members.values()) {
        m.assignment = EMPTY
        this.#resolveSync(m, { errorCode: ErrorCode.REBALANCE_IN_PROGRESS, protocolType: null, protocolName: null, assignment: EMPTY })
      }
    }
    this.#rebalanceTimer?.cancel()
    const wasEmpty = this.#state === GroupState.Empty
    this.#state = GroupState.PreparingRebalance
    if (wasEmpty && this.#initialDelayMs > 0) {
      // group.initial.rebalance.delay.ms: wait for more members before the first rebalance,
      // extending while members keep arriving, up to the rebalance timeout.
      this.#initialDelay = { remainingMs: Math.max(0, this.#maxRebalanceTimeout() - this.#initialDelayMs), newMemberJoined: false }
      this.#scheduleInitialDelay(this.#initialDelayMs)
      return
    }
    this.#rebalanceTimer = this.#clock.schedule(this.#maxRebalanceTimeout(), () => {
      this.#rebalanceTimer = null
      this.#completeJoin()
    })
    this.#tryCompleteJoin()
  }

  #scheduleInitialDelay (delayMs: number): void {
    this.#rebalanceTimer = this.#clock.schedule(delayMs, () => {
      this.#rebalanceTimer = null
      const delay = this.#initialDelay
      if (delay && delay.newMemberJoined && delay.remainingMs > 0) {
        const next = Math.min(this.#initialDelayMs, delay.remainingMs)
        delay.remainingMs -= next
        delay.newMemberJoined = false
        this.#scheduleInitialDelay(next)
        return
      }
      this.#initialDelay = null
      this.#completeJoin()
    })
  }

  #maxRebalanceTimeout (): number {
    let max = 0
    for (const m of this.#members.values()) max = Math.max(max, m.rebalanceTimeoutMs)
    return max
  }

  #tryCompleteJoin (): void {
    if (this.#state !== GroupState.PreparingRebalance || this.#initialDelay) return
    if (this.#pending.size > 0) return
    for (const m of this.#members.values()) if (m.joinWaiter === null) return
    this.#completeJoin()
  }

  #completeJoin (): void {
    if (this.#state !== GroupState.PreparingRebalance) return
    this.#rebalanceTimer?.cancel()
    this.#rebalanceTimer = null
    this.#initialDelay = null
    // Members that did not rejoin within the rebalance timeout leave the group.
    for (const m of [...this.#members.values()]) if (m.joinWaiter === null) this.#dropMember(m)
    this.#generationId++
    if (this.#members.size === 0) {
      this.#state = GroupState.Empty
      this.#protocolName = null
      this.#leaderId = null
      this.#store().catch(() => {})
      return
    }
    if (this.#leaderId === null || !this.#members.has(this.#leaderId)) this.#leaderId = this.#members.keys().next().value!
    this.#protocolName = selectProtocol([...this.#members.values()])
    this.#state = GroupState.CompletingRebalance
    for (const m of this.#members.values()) {
      const waiter = m.joinWaiter
      m.joinWaiter = null
      this.#armSession(m)
      waiter?.(this.#joinResult(m.memberId, m.memberId === this.#leaderId))
    }
  }

  #supportsProtocols (protocolType: string, protocols: GroupProtocol[]): boolean {
    if (this.#members.size === 0) return protocolType !== '' && protocols.length > 0
    return protocolType === this.#protocolType && acceptsProtocols([...this.#members.values()], protocols)
  }

  #joinResult (memberId: string, withMembers: boolean): JoinResult {
    return {
      errorCode: ErrorCode.NONE,
      generationId: this.#generationId,
      protocolType: this.#protocolType,
      protocolName: this.#protocolName,
      leader: this.#leaderId ?? '',
      skipAssignment: false,
      memberId,
      members: withMembers
        ? [...this.#members.values()].map((m) => ({
            memberId: m.memberId,
            groupInstanceId: m.groupInstanceId,
            metadata: m.protocols.find((p) => p.name === this.#protocolName)?.metadata ?? EMPTY,
          }))
        : [],
    }
  }

  #joinError (errorCode: number, memberId: string): JoinResult {
    return { errorCode, generationId: -1, protocolType: null, protocolName: null, leader: '', skipAssignment: false, memberId, members: [] }
  }

  // ---- SyncGroup -------------------------------------------------------------------------

  sync (req: SyncRequest): Promise<SyncResult> {
    const error = (errorCode: number): Promise<SyncResult> => Promise.resolve({ errorCode, protocolType: null, protocolName: null, assignment: EMPTY })
    const member = this.#members.get(req.memberId)
    if (this.#state === GroupState.Dead || this.#state === GroupState.Empty) return error(ErrorCode.UNKNOWN_MEMBER_ID)
    const fenced = this.#checkMember(req)
    if (fenced !== ErrorCode.NONE) return error(fenced)
    if (!member) return error(ErrorCode.UNKNOWN_MEMBER_ID)
    if (req.generationId !== this.#generationId) return error(ErrorCode.ILLEGAL_GENERATION)
    if ((req.protocolType !== null && req.protocolType !== this.#protocolType) ||
      (req.protocolName !== null && req.protocolName !== this.#protocolName)) return error(ErrorCode.INCONSISTENT_GROUP_PROTOCOL)

    if (this.#state === GroupState.PreparingRebalance) return error(ErrorCode.REBALANCE_IN_PROGRESS)
    if (this.#state === GroupState.Stable) {
      this.#armSession(member)
      return Promise.resolve({ errorCode: ErrorCode.NONE, protocolType: this.#protocolType, protocolName: this.#protocolName, assignment: member.assignment })
    }
    // CompletingRebalance: park until the leader's assignment is stored.
    this.#resolveSync(member, { errorCode: ErrorCode.REBALANCE_IN_PROGRESS, protocolType: null, protocolName: null, assignment: EMPTY })
    member.sessionTimer?.cancel()
    member.sessionTimer = null
    const promise = new Promise<SyncResult>((resolve) => { member.syncWaiter = resolve })
    if (member.memberId === this.#leaderId) {
      const assigned = new Map(req.assignments.map((a) => [a.memberId, a.assignment]))
      for (const m of this.#members.values()) m.assignment = assigned.get(m.memberId) ?? EMPTY
      const generation = this.#generationId
      this.#store().then(
        () => {
          if (this.#state !== GroupState.CompletingRebalance || this.#generationId !== generation) return
          this.#state = GroupState.Stable
          for (const m of this.#members.values()) {
            this.#resolveSync(m, { errorCode: ErrorCode.NONE, protocolType: this.#protocolType, protocolName: this.#protocolName, assignment: m.assignment })
          }
        },
        () => {
          if (this.#state !== GroupState.CompletingRebalance || this.#generationId !== generation) return
          for (const m of this.#members.values()) {
            m.assignment = EMPTY
            this.#resolveSync(m, { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, protocolType: null, protocolName: null, assignment: EMPTY })
          }
          this.#prepareRebalance()
        },
      )
    }
    return promise
  }

  #resolveSync (member: Member, result: SyncResult): void {
    const waiter = member.syncWaiter
    if (!waiter) return
    member.syncWaiter = null
    if (this.#members.get(member.memberId) === member) this.#armSession(member)
    waiter(result)
  }

  // ---- Heartbeat / LeaveGroup / offsets validation ----------------------------------------

  heartbeat (req: MemberIdentity & { generationId: number }): number {
    if (this.#state === GroupState.Dead || this.#state === GroupState.Empty) return ErrorCode.UNKNOWN_MEMBER_ID
    const fenced = this.#checkMember(req)
    if (fenced !== ErrorCode.NONE) return fenced
    const member = this.#members.get(req.memberId)
    if (!member) return ErrorCode.UNKNOWN_MEMBER_ID
    if (req.generationId !== this.#generationId) return ErrorCode.ILLEGAL_GENERATION
    if (member.joinWaiter === null && member.syncWaiter === null) this.#armSession(member)
    return this.#state === GroupState.PreparingRebalance ? ErrorCode.REBALANCE_IN_PROGRESS : ErrorCode.NONE
  }

  /** Returns one error code per member, in order. */
  leave (members: MemberIdentity[]): number[] {
    return members.map((identity) => {
      if (this.#state === GroupState.Dead) return ErrorCode.COORDINATOR_NOT_AVAILABLE
      let memberId = identity.memberId
      if (identity.groupInstanceId !== null) {
        const mapped = this.#static.get(identity.groupInstanceId)
        if (mapped === undefined) return ErrorCode.UNKNOWN_MEMBER_ID
        if (memberId !== '' && mapped !== memberId) return ErrorCode.FENCED_INSTANCE_ID
        memberId = mapped
      }
      const pendingTimer = this.#pending.get(memberId)
      if (pendingTimer) {
        pendingTimer.cancel()
        this.#pending.delete(memberId)
        this.#tryCompleteJoin()
        return ErrorCode.NONE
      }
      const member = this.#members.get(memberId)
      if (!member) return ErrorCode.UNKNOWN_MEMBER_ID
      this.#removeMember(member)
      return ErrorCode.NONE
    })
  }

  /**
   * Who may commit offsets (OffsetCommit, and TxnOffsetCommit v3+ with `transactional`).
   * Generation -1 with no member id is an admin/"simple" commit, allowed only while the group has no members.
   */
  validateOffsetCommit (req: MemberIdentity & { generationId: number; transactional?: boolean }): number {
    if (this.#state === GroupState.Dead) return ErrorCode.COORDINATOR_NOT_AVAILABLE
    const anonymous = req.generationId < 0 && req.memberId === '' && req.groupInstanceId === null
    if (anonymous && (req.transactional || this.#members.size === 0)) return ErrorCode.NONE
    if (req.generationId < 0 && this.#members.size === 0) return ErrorCode.NONE
    const fenced = this.#checkMember(req)
    if (fenced !== ErrorCode.NONE) return fenced
    if (!this.#members.has(req.memberId)) return ErrorCode.UNKNOWN_MEMBER_ID
    if (req.generationId !== this.#generationId) return ErrorCode.ILLEGAL_GENERATION
    // A transactional commit of the current generation may land while the leader's sync is pending.
    if (this.#state === GroupState.CompletingRebalance && !req.transactional) return ErrorCode.REBALANCE_IN_PROGRESS
    return ErrorCode.NONE
  }

  #checkMember (req: MemberIdentity): number {
    if (req.groupInstanceId === null) return ErrorCode.NONE
    const mapped = this.#static.get(req.groupInstanceId)
    if (mapped !== undefined && mapped !== req.memberId) return ErrorCode.FENCED_INSTANCE_ID
    return ErrorCode.NONE
  }

  // ---- membership bookkeeping --------------------------------------------------------------

  #armSession (member: Member): void {
    member.sessionTimer?.cancel()
    member.sessionTimer = this.#clock.schedule(member.sessionTimeoutMs, () => {
      member.sessionTimer = null
      if (this.#members.get(member.memberId) === member) this.#removeMember(member)
    })
  }

  /** Removes a member without starting a rebalance (used while completing one). */
  #dropMember (member: Member): void {
    member.sessionTimer?.cancel()
    member.sessionTimer = null
    const joinWaiter = member.joinWaiter
    const syncWaiter = member.syncWaiter
    member.joinWaiter = null
    member.syncWaiter = null
    this.#members.delete(member.memberId)
    if (member.groupInstanceId !== null && this.#static.get(member.groupInstanceId) === member.memberId) this.#static.delete(member.groupInstanceId)
    if (this.#leaderId === member.memberId) this.#leaderId = this.#members.keys().next().value ?? null
    joinWaiter?.(this.#joinError(ErrorCode.UNKNOWN_MEMBER_ID, member.memberId))
    syncWaiter?.({ errorCode: ErrorCode.UNKNOWN_MEMBER_ID, protocolType: null, protocolName: null, assignment: EMPTY })
  }

  #removeMember (member: Member): void {
    this.#dropMember(member)
    if (this.#state === GroupState.Stable || this.#state === GroupState.CompletingRebalance) this.#prepareRebalance()
    else this.#tryCompleteJoin()
  }

  // ---- admin -----------------------------------------------------------------------------

  describe (): GroupDescription {
    const stable = this.#state === GroupState.Stable
    return {
      groupId: this.groupId,
      state: this.#state,
      protocolType: this.#protocolType ?? '',
      protocolName: stable ? this.#protocolName ?? '' : '',
      members: [...this.#members.values()].map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        metadata: stable ? m.protocols.find((p) => p.name === this.#protocolName)?.metadata ?? EMPTY : EMPTY,
        assignment: stable ? m.assignment : EMPTY,
      })),
    }
  }

  /** Each member's metadata for the selected protocol (OffsetDelete reads consumer subscriptions from it). */
  selectedMetadata (): Buffer[] {
    if (this.#protocolName === null) return []
    return [...this.#members.values()].map((m) => m.protocols.find((p) => p.name === this.#protocolName)?.metadata ?? EMPTY)
  }

  /** Marks the group Dead (DeleteGroups, shutdown) and releases every timer and parked call. */
  close (): void {
    this.#rebalanceTimer?.cancel()
    this.#rebalanceTimer = null
    this.#initialDelay = null
    for (const t of this.#pending.values()) t.cancel()
    this.#pending.clear()
    for (const m of this.#members.values()) {
      m.sessionTimer?.cancel()
      m.sessionTimer = null
      const joinWaiter = m.joinWaiter
      const syncWaiter = m.syncWaiter
      m.joinWaiter = null
      m.syncWaiter = null
      joinWaiter?.(this.#joinError(ErrorCode.COORDINATOR_NOT_AVAILABLE, m.memberId))
      syncWaiter?.({ errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, protocolType: null, protocolName: null, assignment: EMPTY })
    }
    this.#state = GroupState.Dead
  }
}

function updateMember (member: Member, req: JoinRequest): void {
  member.protocols = req.protocols
  member.sessionTimeoutMs = req.sessionTimeoutMs
  member.rebalanceTimeoutMs = req.rebalanceTimeoutMs
  member.clientId = req.clientId
  member.clientHost = req.clientHost
}
