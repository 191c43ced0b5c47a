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
import { describeConfigsHandler } from './32-describe-configs.ts'
import { alterConfigsHandler } from './33-alter-configs.ts'
import { createPartitionsHandler } from './37-create-partitions.ts'
import { incrementalAlterConfigsHandler } from './44-incremental-alter-configs.ts'
import { describeClusterHandler } from './60-describe-cluster.ts'

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
  describeConfigsHandler,
  alterConfigsHandler,
  createPartitionsHandler,
  incrementalAlterConfigsHandler,
  describeClusterHandler,
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
