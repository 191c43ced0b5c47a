// Produce (key 0), advertised v0–11, served v3–11: v0–2 (pre-v2 message formats) close the
// connection, as Kafka 4 does; the low min is advertised only for old librdkafka's
// exact-version feature checks (KAFKA-18659). CreateTime timestamps outside the topic's
// message.timestamp.before/after.max.ms window → INVALID_TIMESTAMP. acks 0/1/-1 (others
// INVALID_REQUIRED_ACKS); each partition's batch is validated (CRC, structure, size, null keys on
// compacted topics), auto-creates unknown topics when allowed, and is appended with
// `durable: acks === -1`. acks=0 gets no response at all.

import { ErrorCode, readBatchHeader, validateClientBatch } from '@tributary/protocol'
import type { BatchHeader, ProduceRequest, ProduceResponse, ProduceResponsePartitionProduceResponse } from '@tributary/protocol'
import { topicConfigValue } from '../config/topic-config.ts'
import type { ApiHandler, RequestContext } from '../handler.ts'
import type { Topic } from '../topics/topic-registry.ts'
import { resolveTopicForWrite } from './topic-lookup.ts'

type PartitionResponse = ProduceResponsePartitionProduceResponse

function failed (index: number, errorCode: number, errorMessage: string | null = null): PartitionResponse {
  return { index, errorCode, baseOffset: -1, logAppendTimeMs: -1, logStartOffset: -1, recordErrors: [], errorMessage }
}

/**
 * CreateTime timestamps must lie within [now - message.timestamp.before.max.ms,
 * now + message.timestamp.after.max.ms] (Kafka 4 defaults: unbounded before, 1 hour after).
 * The batch header bounds the records: maxTimestamp for "after", baseTimestamp for "before".
 */
function timestampProblem (ctx: RequestContext, topic: Topic, header: BatchHeader): string | null {
  if (header.timestampType !== 0) return null
  const now = Date.now()
  const before = topicConfigValue('message.timestamp.before.max.ms', topic.configs, ctx.broker.config) as number
  const after = topicConfigValue('message.timestamp.after.max.ms', topic.configs, ctx.broker.config) as number
  const low = now - before
  const high = now + after
  const bad = header.maxTimestamp > high ? header.maxTimestamp : header.baseTimestamp < low ? header.baseTimestamp : null
  return bad === null ? null : `Timestamp ${bad} of a record in the batch is out of range. The timestamp should be within [${low}, ${high}]`
}

/**
 * The request frame is this request's alone and nothing reads it after the handler, so the log
 * may keep its batches without a copy — when they are most of its memory (a frame of batches,
 * not a few small ones in a large socket chunk, which the tail cache would pin).
 */
function batchesFillTheirMemory (req: ProduceRequest): boolean {
  let memory: ArrayBufferLike | null = null
  let total = 0
  for (const td of req.topicData) {
    for (const p of td.partitionData) {
      if (p.records === null) continue
      if (memory === null) memory = p.records.buffer
      else if (memory !== p.records.buffer) return false
      total += p.records.length
    }
  }
  return memory !== null && total * 2 >= memory.byteLength
}

async function producePartition (ctx: RequestContext, topic: Topic, index: number, records: Buffer | null, acks: number, transactionalId: string | null, adopt: boolean): Promise<PartitionResponse> {
  const log = topic.partitions[index]
  if (log === undefined) return failed(index, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'This server does not host this topic-partition.')
  if (records === null || records.length === 0) return failed(index, ErrorCode.CORRUPT_MESSAGE, 'Produce request carries no record batch')
  const problem = validateClientBatch(records, {
    produceVersion: ctx.apiVersion,
    maxMessageBytes: topic.logConfig.maxMessageBytes,
    compactedTopic: topic.logConfig.cleanupPolicy.includes('compact'),
  })
  if (problem !== null) return failed(index, problem.errorCode, problem.message)
  const header = readBatchHeader(records)
  // Kafka refuses transactional records in a request without a transactional id this way.
  if (header.isTransactional && transactionalId === null) return failed(index, ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED)
  const skew = timestampProblem(ctx, topic, header)
  if (skew !== null) {
    return { ...failed(index, ErrorCode.INVALID_TIMESTAMP, skew), logStartOffset: log.logStartOffset(), recordErrors: [{ batchIndex: 0, batchIndexErrorMessage: skew }] }
  }
  const transactions = ctx.broker.transactions
  if (header.isTransactional && transactions !== null) {
    const txnError = transactions.transactionalProduceError(header.producerId, header.producerEpoch, topic.name, index)
    if (txnError === ErrorCode.INVALID_PRODUCER_EPOCH) return failed(index, txnError, 'Producer attempted to produce with an old epoch (fenced by a newer producer)')
    if (txnError !== ErrorCode.NONE) return failed(index, txnError, `Partition ${topic.name}-${index} was not added to the transaction`)
  }
  try {
    const r = await log.append(records, { durable: acks === -1, adopt })
    return { index, errorCode: r.errorCode, baseOffset: r.errorCode === 0 ? r.baseOffset : -1, logAppendTimeMs: r.logAppendTime, logStartOffset: r.logStartOffset, recordErrors: [], errorMessage: r.errorMessage ?? null }
  } catch (err) {
    ctx.broker.logger.error({ err, topic: topic.name, partition: index }, 'append failed')
    return failed(index, ErrorCode.KAFKA_STORAGE_ERROR, 'Append to the partition log failed')
  }
}

export const produceHandler: ApiHandler<ProduceRequest, ProduceResponse> = {
  apiKey: 0,
  name: 'Produce',
  minVersion: 0,
  servedMinVersion: 3,
  maxVersion: 11,
  async handle (req, ctx) {
    const acks = req.acks
    const adopt = batchesFillTheirMemory(req)
    const responses = await Promise.all(req.topicData.map(async (td) => {
      let partitionResponses: PartitionResponse[]
      if (acks !== 0 && acks !== 1 && acks !== -1) {
        partitionResponses = td.partitionData.map((p) => failed(p.index, ErrorCode.INVALID_REQUIRED_ACKS))
      } else {
        const found = await resolveTopicForWrite(ctx.broker, td.name, true)
        partitionResponses = 'errorCode' in found
          ? td.partitionData.map((p) => failed(p.index, found.errorCode, found.message))
          : await Promise.all(td.partitionData.map((p) => producePartition(ctx, found.topic, p.index, p.records, acks, req.transactionalId, adopt)))
      }
      return { name: td.name, partitionResponses }
    }))
    if (acks === 0) return null
    return { responses, throttleTimeMs: 0 }
  },
}
