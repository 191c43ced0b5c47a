// Micro-benchmark of the hot paths (not a test): decoding Produce, validating a batch,
// encoding Fetch and Metadata responses. Usage: node scripts/bench-codec.ts

import { ApiKey, buildRecordBatch, decodeRequest, decodeRequestHeader, encodeRequest, encodeResponse, validateClientBatch } from '../src/index.ts'

function bench (name: string, iterations: number, bytesPerOp: number, fn: () => void): void {
  for (let i = 0; i < Math.min(iterations, 2000); i++) fn()
  const start = process.hrtime.bigint()
  for (let i = 0; i < iterations; i++) fn()
  const ns = Number(process.hrtime.bigint() - start)
  const rate = bytesPerOp > 0 ? `  ${((bytesPerOp * iterations) / (ns / 1e9) / 1e6).toFixed(0)} MB/s` : ''
  console.log(`${name.padEnd(44)} ${(ns / iterations / 1000).toFixed(2).padStart(8)} µs/op${rate}`)
}

const batch = buildRecordBatch({
  records: Array.from({ length: 64 }, (_, i) => ({ key: `key-${i}`, value: Buffer.alloc(1024, i) })),
  producerId: 1, producerEpoch: 0, baseSequence: 0,
})
const produceFrame = Buffer.concat(encodeRequest(ApiKey.Produce, 9, 1, 'bench', {
  transactionalId: null, acks: -1, timeoutMs: 30000,
  topicData: [{ name: 'bench', partitionData: Array.from({ length: 6 }, (_, index) => ({ index, records: batch })) }],
})).subarray(4)

bench('decode Produce v9 (6 partitions × 66 KiB)', 100_000, 0, () => {
  const h = decodeRequestHeader(produceFrame)
  decodeRequest(h.apiKey, h.apiVersion, produceFrame, h.headerSize)
})
bench('validateClientBatch (64 × 1 KiB, uncompressed)', 5_000, batch.length, () => {
  validateClientBatch(batch, { maxMessageBytes: 1 << 24, compactedTopic: false })
})
const fetchBody = {
  throttleTimeMs: 0, errorCode: 0, sessionId: 0,
  responses: [{
    topic: 'bench', topicId: '0'.repeat(32),
    partitions: Array.from({ length: 6 }, (_, partitionIndex) => ({
      partitionIndex, errorCode: 0, highWatermark: 1e9, lastStableOffset: 1e9, logStartOffset: 0,
      abortedTransactions: null, preferredReadReplica: -1, records: [batch, batch],
    })),
  }],
}
bench('encode Fetch v11 response (6 partitions)', 100_000, 0, () => encodeResponse(ApiKey.Fetch, 11, 1, fetchBody))
bench('encode Fetch v12 response (6 partitions)', 100_000, 0, () => encodeResponse(ApiKey.Fetch, 12, 1, fetchBody))
bench('encode Metadata v12 response (1 topic × 6)', 100_000, 0, () => encodeResponse(ApiKey.Metadata, 12, 1, {
  throttleTimeMs: 0, brokers: [{ nodeId: 0, host: '127.0.0.1', port: 9092, rack: null }], clusterId: 'c', controllerId: 0,
  topics: [{
    errorCode: 0, name: 'bench', topicId: 'ab'.repeat(16), isInternal: false, topicAuthorizedOperations: 0,
    partitions: Array.from({ length: 6 }, (_, partitionIndex) => ({ errorCode: 0, partitionIndex, leaderId: 0, leaderEpoch: 0, replicaNodes: [0], isrNodes: [0], offlineReplicas: [] })),
  }],
  clusterAuthorizedOperations: 0,
}))
