// The registry of API handlers: the one list of what this broker serves. ApiVersions answers
// from it and the server dispatches through it. The coordinator's handlers (groups,
// transactions; issue 3) are appended to `handlers` below.

import type { ApiHandler } from '../handler.ts'
import { produceHandler } from './00-produce.ts'
import { fetchHandler } from './01-fetch.ts'
import { listOffsetsHandler } from './02-list-offsets.ts'
import { metadataHandler } from './03-metadata.ts'
import { apiVersionsHandler } from './18-api-versions.ts'
import { createTopicsHandler } from './19-create-topics.ts'
import { deleteTopicsHandler } from './20-delete-topics.ts'
import { deleteRecordsHandler } from './21-delete-records.ts'
import { initProducerIdHandler } from './22-init-producer-id.ts'
import { offsetForLeaderEpochHandler } from './23-offset-for-leader-epoch.ts'
import { describeLogDirsHandler } from './35-describe-log-dirs.ts'
import { describeConfigsHandler } from './32-describe-configs.ts'
import { alterConfigsHandler } from './33-alter-configs.ts'
import { createPartitionsHandler } from './37-create-partitions.ts'
import { incrementalAlterConfigsHandler } from './44-incremental-alter-configs.ts'
import { describeClusterHandler } from './60-describe-cluster.ts'
import { offsetCommitHandler } from './08-offset-commit.ts'
import { offsetFetchHandler } from './09-offset-fetch.ts'
import { findCoordinatorHandler } from './10-find-coordinator.ts'
import { joinGroupHandler } from './11-join-group.ts'
import { heartbeatHandler } from './12-heartbeat.ts'
import { leaveGroupHandler } from './13-leave-group.ts'
import { syncGroupHandler } from './14-sync-group.ts'
import { describeGroupsHandler } from './15-describe-groups.ts'
import { listGroupsHandler } from './16-list-groups.ts'
import { addPartitionsToTxnHandler } from './24-add-partitions-to-txn.ts'
import { addOffsetsToTxnHandler } from './25-add-offsets-to-txn.ts'
import { endTxnHandler } from './26-end-txn.ts'
import { txnOffsetCommitHandler } from './28-txn-offset-commit.ts'
import { deleteGroupsHandler } from './42-delete-groups.ts'
import { offsetDeleteHandler } from './47-offset-delete.ts'

export const handlers: ApiHandler[] = [
  produceHandler,
  fetchHandler,
  listOffsetsHandler,
  metadataHandler,
  apiVersionsHandler,
  createTopicsHandler,
  deleteTopicsHandler,
  deleteRecordsHandler,
  initProducerIdHandler,
  offsetForLeaderEpochHandler,
  describeLogDirsHandler,
  describeConfigsHandler,
  alterConfigsHandler,
  createPartitionsHandler,
  incrementalAlterConfigsHandler,
  describeClusterHandler,
  // Group and transaction coordinator (coordinator/).
  offsetCommitHandler,
  offsetFetchHandler,
  findCoordinatorHandler,
  joinGroupHandler,
  heartbeatHandler,
  leaveGroupHandler,
  syncGroupHandler,
  describeGroupsHandler,
  listGroupsHandler,
  addPartitionsToTxnHandler,
  addOffsetsToTxnHandler,
  endTxnHandler,
  txnOffsetCommitHandler,
  deleteGroupsHandler,
  offsetDeleteHandler,
]

let byKey: Map<number, ApiHandler> | null = null

/** Handler for an api key (the registry is indexed on first use, after every module has loaded). */
export function handlerFor (apiKey: number): ApiHandler | undefined {
  if (byKey === null || byKey.size !== handlers.length) byKey = new Map(handlers.map((h) => [h.apiKey, h]))
  return byKey.get(apiKey)
}

/** ApiVersions' body (without throttle time): every served key with its advertised range. */
export function apiVersionsBody (): { errorCode: number; apiKeys: Array<{ apiKey: number; minVersion: number; maxVersion: number }> } {
  const apiKeys = [...handlers]
    .sort((a, b) => a.apiKey - b.apiKey)
    .map((h) => ({ apiKey: h.apiKey, minVersion: h.minVersion, maxVersion: h.maxVersion }))
  return { errorCode: 0, apiKeys }
}
