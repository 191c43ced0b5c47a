// Small pieces the coordinator's API handlers share.

import type { RequestContext } from '../handler.ts'
import { ErrorCode } from './error-codes.ts'
import type { GroupCoordinator } from './group/group-coordinator.ts'
import type { TransactionCoordinator } from './txn/transaction-coordinator.ts'

export function groupsOf (ctx: RequestContext): GroupCoordinator {
  const groups = ctx.broker.groups
  if (groups === null) throw new Error('the group coordinator is not open')
  return groups
}

export function transactionsOf (ctx: RequestContext): TransactionCoordinator {
  const transactions = ctx.broker.transactions
  if (transactions === null) throw new Error('the transaction coordinator is not open')
  return transactions
}

/**
 * KIP-588: clients older than `firstVersion` of an API know PRODUCER_FENCED only as
 * INVALID_PRODUCER_EPOCH, which they treat the same way (fatal for the producer).
 */
export function fencedForVersion (errorCode: number, apiVersion: number, firstVersion: number): number {
  return errorCode === ErrorCode.PRODUCER_FENCED && apiVersion < firstVersion ? ErrorCode.INVALID_PRODUCER_EPOCH : errorCode
}
