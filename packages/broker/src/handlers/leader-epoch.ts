// The one leader epoch of a single-node broker (0, stamped in every stored batch and reported
// by Metadata) and Kafka's check of a client's CurrentLeaderEpoch against it.

import { ErrorCode } from '@tributary/protocol'

export const LEADER_EPOCH = 0

/** -1 = the client did not say; older → FENCED_LEADER_EPOCH; newer → UNKNOWN_LEADER_EPOCH. */
export function leaderEpochError (currentLeaderEpoch: number): number {
  if (currentLeaderEpoch < 0 || currentLeaderEpoch === LEADER_EPOCH) return 0
  return currentLeaderEpoch < LEADER_EPOCH ? ErrorCode.FENCED_LEADER_EPOCH : ErrorCode.UNKNOWN_LEADER_EPOCH
}
