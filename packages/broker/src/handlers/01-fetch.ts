// Fetch (key 1), v4–17. v13+ address topics by id (unknown id → UNKNOWN_TOPIC_ID);
// @platformatic/kafka needs them: its v12 encoder puts the topic id where the name goes.
// No fetch sessions: SessionId is always 0
// (clients then do full fetches); a request naming a session gets FETCH_SESSION_ID_NOT_FOUND.
// Long-poll: answers once min.bytes are available, max.wait.ms has passed, or the connection
// closed; woken by log appends. Response max.bytes and per-partition max bytes are honoured
// (the first batch is always returned whole, KIP-74). Record batches are passed through as
// the log's Buffers, never copied or re-encoded. read_committed reads up to the LSO with the
// aborted transactions of the range. One leader epoch (0): a newer CurrentLeaderEpoch is
// UNKNOWN_LEADER_EPOCH; diverging-epoch checks are not needed.

import { ErrorCode } from '@tributary/protocol'
import type { FetchRequest, FetchResponse, FetchResponsePartitionData } from '@tributary/protocol'
import type { ApiHandler, RequestContext } from '../handler.ts'
import type { ReadBufferLease } from '../log/read-buffer-pool.ts'
import type { PartitionLog } from '../log/types.ts'
import { leaderEpochError } from './leader-epoch.ts'
import { waitForAppend } from './wait-for-append.ts'

type PartitionData = FetchResponsePartitionData<Buffer[]>

const ZERO_UUID = '0'.repeat(32)

interface Wanted { topic: string; partition: number; fetchOffset: number; maxBytes: number; log: PartitionLog | undefined; missingCode: number; epochError: number }

/** An errored partition carries no positions, as in Kafka (aborted list [] for unknown partitions, null otherwise). */
function partitionError (partitionIndex: number, errorCode: number): PartitionData {
  const unknown = errorCode === ErrorCode.UNKNOWN_TOPIC_OR_PARTITION || errorCode === ErrorCode.UNKNOWN_TOPIC_ID
  return { partitionIndex, errorCode, highWatermark: -1, lastStableOffset: -1, logStartOffset: -1, abortedTransactions: unknown ? [] : null, preferredReadReplica: -1, records: [] }
}

interface PartitionRead { part: PartitionData; bytes: number; error: boolean }

/** One partition's share of a fetch, read with `budget` bytes (≤ 0: positions only). */
async function readPartition (w: Wanted, budget: number, readCommitted: boolean, lease: ReadBufferLease, ctx: RequestContext): Promise<PartitionRead> {
  if (w.log === undefined || w.epochError !== 0) {
    return { part: partitionError(w.partition, w.log === undefined ? w.missingCode : w.epochError), bytes: 0, error: true }
  }
  try {
    if (budget <= 0) {
      // Out of response budget: report positions without data.
      return { part: { partitionIndex: w.partition, errorCode: 0, highWatermark: w.log.logEndOffset(), lastStableOffset: w.log.lastStableOffset(), logStartOffset: w.log.logStartOffset(), abortedTransactions: readCommitted ? [] : null, preferredReadReplica: -1, records: [] }, bytes: 0, error: false }
    }
    const r = await w.log.read(w.fetchOffset, budget, readCommitted ? 'read_committed' : 'read_uncommitted', lease)
    if (r.errorCode !== 0) return { part: partitionError(w.partition, r.errorCode), bytes: 0, error: true }
    const part: PartitionData = {
      partitionIndex: w.partition,
      errorCode: r.errorCode,
      highWatermark: r.highWatermark,
      lastStableOffset: r.lastStableOffset,
      logStartOffset: r.logStartOffset,
      abortedTransactions: readCommitted ? (r.abortedTransactions ?? []) : null,
      preferredReadReplica: -1,
      records: r.records,
    }
    return { part, bytes: r.bytes, error: false }
  } catch (err) {
    ctx.broker.logger.error({ err, topic: w.topic, partition: w.partition }, 'fetch read failed')
    return { part: partitionError(w.partition, ErrorCode.KAFKA_STORAGE_ERROR), bytes: 0, error: true }
  }
}

/**
 * Partitions are served in request order, each with min(its max bytes, what the response has
 * left). When the per-partition limits fit in the response limit, every partition is read at
 * once (disk reads overlap instead of queueing one thread-pool round trip behind another); a
 * prefetched result is used only where the in-order budget equals the limit it was read with,
 * so the answer is the one in-order reads give (a first batch larger than its limit, KIP-74,
 * falls back to in-order reads after it).
 */
async function readOnce (wanted: Wanted[], responseMaxBytes: number, readCommitted: boolean, lease: ReadBufferLease, ctx: RequestContext): Promise<{ parts: PartitionData[]; bytes: number; error: boolean }> {
  let limits = 0
  for (const w of wanted) limits += w.maxBytes
  const prefetched = wanted.length > 1 && limits <= responseMaxBytes
    ? await Promise.all(wanted.map((w) => readPartition(w, w.maxBytes, readCommitted, lease, ctx)))
    : null
  let bytes = 0
  let error = false
  const parts: PartitionData[] = []
  for (let i = 0; i < wanted.length; i++) {
    const w = wanted[i]
    const budget = Math.min(w.maxBytes, responseMaxBytes - bytes)
    const read = prefetched !== null && budget === w.maxBytes ? prefetched[i] : await readPartition(w, budget, readCommitted, lease, ctx)
    bytes += read.bytes
    if (read.error) error = true
    parts.push(read.part)
  }
  return { parts, bytes, error }
}

export const fetchHandler: ApiHandler<FetchRequest, FetchResponse<Buffer[]>> = {
  apiKey: 1,
  name: 'Fetch',
  minVersion: 4,
  maxVersion: 17,
  async handle (req, ctx) {
    if (ctx.apiVersion >= 7 && req.sessionId !== 0) {
      return { throttleTimeMs: 0, errorCode: ErrorCode.FETCH_SESSION_ID_NOT_FOUND, sessionId: 0, responses: [] }
    }
    const byId = ctx.apiVersion >= 13
    const wanted: Wanted[] = req.topics.flatMap((t) => {
      const name = byId ? ctx.broker.topics.getById(t.topicId)?.name : t.topic
      const missingCode = byId && name === undefined ? ErrorCode.UNKNOWN_TOPIC_ID : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION
      return t.partitions.map((p) => ({
        topic: name ?? t.topic,
        partition: p.partition,
        fetchOffset: p.fetchOffset,
        maxBytes: p.partitionMaxBytes,
        log: name === undefined ? undefined : ctx.broker.topics.getPartition(name, p.partition),
        missingCode,
        epochError: leaderEpochError(ctx.apiVersion >= 9 ? p.currentLeaderEpoch : -1),
      }))
    })
    const readCommitted = req.isolationLevel === 1
    const maxBytes = ctx.apiVersion >= 3 ? req.maxBytes : 0x7fffffff
    const deadline = Date.now() + Math.max(0, req.maxWaitMs)
    // Disk reads land in pooled buffers, handed back once the response is on the socket.
    const lease = ctx.broker.readBuffers.lease()
    ctx.afterResponseWritten(() => lease.release())
    let result = await readOnce(wanted, maxBytes, readCommitted, lease, ctx)
    while (result.bytes < req.minBytes && !result.error && !ctx.signal.aborted) {
      const left = deadline - Date.now()
      if (left <= 0) break
      await waitForAppend(wanted.flatMap((w) => (w.log === undefined ? [] : [w.log])), left, ctx.signal)
      if (ctx.signal.aborted) return null
      result = await readOnce(wanted, maxBytes, readCommitted, lease, ctx)
    }
    // Group the partition results back under their topics, in request order.
    let i = 0
    const responses = req.topics.map((t) => ({ topic: t.topic, partitions: t.partitions.map(() => result.parts[i++]), topicId: byId ? t.topicId : ZERO_UUID }))
    return { throttleTimeMs: 0, errorCode: 0, sessionId: 0, responses }
  },
}
