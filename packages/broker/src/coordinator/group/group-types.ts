// Shapes the classic group state machine takes and returns. Protocol-version details
// (which fields a version carries) stay in the handlers; these are version-free.

export const GroupState = {
  Empty: 'Empty',
  PreparingRebalance: 'PreparingRebalance',
  CompletingRebalance: 'CompletingRebalance',
  Stable: 'Stable',
  Dead: 'Dead',
} as const
export type GroupState = typeof GroupState[keyof typeof GroupState]

export interface GroupProtocol { name: string; metadata: Buffer }

export interface JoinRequest {
  memberId: string
  groupInstanceId: string | null
  clientId: string
  clientHost: string
  sessionTimeoutMs: number
  /** JoinGroup v0 has none: the session timeout is used. */
  rebalanceTimeoutMs: number
  protocolType: string
  protocols: GroupProtocol[]
  /** JoinGroup v4+: a dynamic member without an id gets MEMBER_ID_REQUIRED first (KIP-394). */
  requireKnownMemberId: boolean
  /** JoinGroup v9+: a rejoining static leader may be told to skip the assignment (KIP-814). */
  supportsSkipAssignment: boolean
}

export interface JoinResult {
  errorCode: number
  generationId: number
  protocolType: string | null
  protocolName: string | null
  leader: string
  skipAssignment: boolean
  memberId: string
  members: Array<{ memberId: string; groupInstanceId: string | null; metadata: Buffer }>
}

export interface SyncRequest {
  memberId: string
  groupInstanceId: string | null
  generationId: number
  /** SyncGroup v5+ (null when absent). */
  protocolType: string | null
  protocolName: string | null
  assignments: Array<{ memberId: string; assignment: Buffer }>
}

export interface SyncResult {
  errorCode: number
  protocolType: string | null
  protocolName: string | null
  assignment: Buffer
}

export interface MemberIdentity { memberId: string; groupInstanceId: string | null }

export interface MemberDescription {
  memberId: string
  groupInstanceId: string | null
  clientId: string
  clientHost: string
  metadata: Buffer
  assignment: Buffer
}

export interface GroupDescription {
  groupId: string
  state: GroupState
  protocolType: string
  /** The selected protocol while Stable, else empty (as Kafka reports it). */
  protocolName: string
  members: MemberDescription[]
}

/** What is persisted for a group (at Stable and Empty), and restored on open. */
export interface PersistedGroup {
  groupId: string
  protocolType: string | null
  protocolName: string | null
  generationId: number
  leaderId: string | null
  members: Array<{
    memberId: string
    groupInstanceId: string | null
    clientId: string
    clientHost: string
    sessionTimeoutMs: number
    rebalanceTimeoutMs: number
    protocols: GroupProtocol[]
    assignment: Buffer
  }>
}
