// Round trips through the generated codecs: every API of kafka-broker-notes.md §3 at every
// version with default bodies, and rich bodies (nested arrays, nulls, tagged fields) for the
// hot and tricky messages at flexible and non-flexible versions. The byte-level property is
// encode(decode(encode(x))) == encode(x); field checks pin what each version carries.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { ApiKey, apiInfo, codecs, decodeRequest, decodeRequestHeader, decodeResponse, encodeRequest, encodeResponse } from './index.ts'
import { Reader } from './reader.ts'
import { Writer } from './writer.ts'

const SECTION_3 = [
  ApiKey.ApiVersions, ApiKey.Metadata, ApiKey.Produce, ApiKey.Fetch, ApiKey.ListOffsets, ApiKey.FindCoordinator,
  ApiKey.JoinGroup, ApiKey.SyncGroup, ApiKey.Heartbeat, ApiKey.LeaveGroup, ApiKey.OffsetCommit, ApiKey.OffsetFetch,
  ApiKey.CreateTopics, ApiKey.DeleteTopics, ApiKey.DescribeConfigs, ApiKey.InitProducerId, ApiKey.AddPartitionsToTxn,
  ApiKey.AddOffsetsToTxn, ApiKey.EndTxn, ApiKey.TxnOffsetCommit, ApiKey.OffsetForLeaderEpoch, ApiKey.DescribeGroups,
  ApiKey.ListGroups, ApiKey.DeleteGroups, ApiKey.DeleteRecords, ApiKey.CreatePartitions, ApiKey.AlterConfigs,
  ApiKey.IncrementalAlterConfigs, ApiKey.OffsetDelete, ApiKey.DescribeCluster,
]

const bytes = (chunks: Buffer[]): Buffer => Buffer.concat(chunks)
const frameOf = (chunks: Buffer[]): Buffer => bytes(chunks).subarray(4)

function requestRoundTrip (apiKey: number, v: number, body: object): { frame: Buffer; decoded: any } {
  const first = encodeRequest(apiKey, v, 123, 'client-1', body)
  const frame = frameOf(first)
  assert.equal(bytes(first).readInt32BE(0), frame.length, 'size prefix')
  const header = decodeRequestHeader(frame)
  assert.deepEqual([header.apiKey, header.apiVersion, header.correlationId, header.clientId], [apiKey, v, 123, 'client-1'])
  const decoded = decodeRequest(apiKey, v, frame)
  const again = frameOf(encodeRequest(apiKey, v, 123, 'client-1', decoded))
  assert.deepEqual(again, frame, `request ${apiInfo[apiKey].name} v${v} re-encodes identically`)
  return { frame, decoded }
}

function responseRoundTrip (apiKey: number, v: number, body: object): { frame: Buffer; decoded: any } {
  const frame = frameOf(encodeResponse(apiKey, v, 77, body))
  assert.equal(frame.readInt32BE(0), 77)
  const decoded = decodeResponse(apiKey, v, frame)
  const again = frameOf(encodeResponse(apiKey, v, 77, decoded))
  assert.deepEqual(again, frame, `response ${apiInfo[apiKey].name} v${v} re-encodes identically`)
  return { frame, decoded }
}

describe('every §3 API at every version', () => {
  for (const apiKey of SECTION_3) {
    const info = apiInfo[apiKey]
    test(`${info.name} v${info.minVersion}-${info.maxVersion} with default bodies`, () => {
      for (let v = info.minVersion; v <= info.maxVersion; v++) {
        requestRoundTrip(apiKey, v, {})
        responseRoundTrip(apiKey, v, {})
      }
    })
  }
})

test('registry covers every request/response pair with an api key', () => {
  assert.equal(ApiKey.Produce, 0)
  assert.equal(ApiKey.ApiVersions, 18)
  assert.deepEqual(apiInfo[ApiKey.Fetch], { name: 'Fetch', minVersion: 0, maxVersion: 17, flexibleMin: 12 })
  assert.equal(apiInfo[ApiKey.SaslHandshake].flexibleMin, Infinity)
  for (const key of Object.values(ApiKey)) assert.ok(codecs[key] !== undefined, `codec for ${key}`)
})

describe('Produce', () => {
  const records = Buffer.from('pretend-record-batch-bytes')
  const body = {
    transactionalId: 'tx-1',
    acks: -1,
    timeoutMs: 30000,
    topicData: [
      { name: 'orders', partitionData: [{ index: 0, records }, { index: 1, records: null }] },
      { name: 'éè-topic', partitionData: [] },
    ],
  }
  for (const v of [3, 7, 8, 9, 11]) {
    test(`request v${v}`, () => {
      const { decoded } = requestRoundTrip(ApiKey.Produce, v, body)
      assert.equal(decoded.transactionalId, 'tx-1')
      assert.equal(decoded.acks, -1)
      assert.equal(decoded.topicData[0].name, 'orders')
      assert.deepEqual(decoded.topicData[0].partitionData[0].records, records)
      assert.equal(decoded.topicData[0].partitionData[1].records, null)
      assert.equal(decoded.topicData[1].name, 'éè-topic')
    })
  }

  test('request v2 has no transactionalId (decodes to its default null)', () => {
    const { decoded } = requestRoundTrip(ApiKey.Produce, 2, body)
    assert.equal(decoded.transactionalId, null)
  })

  test('records given as Buffer[] are passed through as chunks, not copied', () => {
    const a = Buffer.from('first-half-')
    const b = Buffer.from('second-half')
    const chunks = encodeRequest(ApiKey.Produce, 9, 1, null, { transactionalId: null, acks: 1, timeoutMs: 1, topicData: [{ name: 't', partitionData: [{ index: 0, records: [a, b] }] }] })
    assert.ok(chunks.includes(a) && chunks.includes(b))
    const decoded = decodeRequest(ApiKey.Produce, 9, frameOf(chunks))
    assert.equal(decoded.topicData[0].partitionData[0].records.toString(), 'first-half-second-half')
  })

  const response = {
    responses: [{
      name: 'orders',
      partitionResponses: [{
        index: 0, errorCode: 0, baseOffset: 2 ** 40 + 5, logAppendTimeMs: -1, logStartOffset: 0,
        recordErrors: [{ batchIndex: 3, batchIndexErrorMessage: null }], errorMessage: 'boom',
        currentLeader: { leaderId: 1, leaderEpoch: 9 },
      }],
    }],
    throttleTimeMs: 5,
    nodeEndpoints: [{ nodeId: 1, host: 'localhost', port: 9092, rack: null }],
  }
  for (const v of [3, 5, 8, 9, 10, 11]) {
    test(`response v${v}`, () => {
      const { decoded } = responseRoundTrip(ApiKey.Produce, v, response)
      const p = decoded.responses[0].partitionResponses[0]
      assert.equal(p.baseOffset, 2 ** 40 + 5)
      assert.equal(p.logStartOffset, v >= 5 ? 0 : -1)
      assert.deepEqual(p.recordErrors, v >= 8 ? [{ batchIndex: 3, batchIndexErrorMessage: null }] : [])
      assert.equal(p.errorMessage, v >= 8 ? 'boom' : null)
      // Tagged fields (v10+): decoded into their named field when present in the version.
      assert.deepEqual(p.currentLeader, v >= 10 ? { leaderId: 1, leaderEpoch: 9 } : { leaderId: -1, leaderEpoch: -1 })
      assert.deepEqual(decoded.nodeEndpoints, v >= 10 ? response.nodeEndpoints : [])
    })
  }

  test('tagged fields with default values are not written', () => {
    const withDefaults = frameOf(encodeResponse(ApiKey.Produce, 10, 1, { ...response, nodeEndpoints: [], responses: [{ name: 'o', partitionResponses: [{ ...response.responses[0].partitionResponses[0], currentLeader: { leaderId: -1, leaderEpoch: -1 } }] }] }))
    const omitted = frameOf(encodeResponse(ApiKey.Produce, 10, 1, { ...response, nodeEndpoints: undefined, responses: [{ name: 'o', partitionResponses: [{ ...response.responses[0].partitionResponses[0], currentLeader: undefined }] }] }))
    assert.deepEqual(withDefaults, omitted)
  })
})

describe('Fetch', () => {
  const request = {
    clusterId: 'cluster-x',
    replicaId: -1,
    maxWaitMs: 500,
    minBytes: 1,
    maxBytes: 52428800,
    isolationLevel: 1,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [{
      topic: 'orders',
      topicId: '0123456789abcdef0123456789abcdef',
      partitions: [{ partition: 2, currentLeaderEpoch: -1, fetchOffset: 1234567890123, lastFetchedEpoch: -1, logStartOffset: -1, partitionMaxBytes: 1048576 }],
    }],
    forgottenTopicsData: [],
    rackId: 'rack-a',
  }
  for (const v of [4, 7, 11, 12, 13, 15, 17]) {
    test(`request v${v}`, () => {
      const { decoded } = requestRoundTrip(ApiKey.Fetch, v, request)
      const t = decoded.topics[0]
      assert.equal(t.topic, v <= 12 ? 'orders' : '')
      assert.equal(t.topicId, v >= 13 ? request.topics[0].topicId : '0'.repeat(32))
      assert.equal(t.partitions[0].fetchOffset, 1234567890123)
      assert.equal(decoded.isolationLevel, 1)
      assert.equal(decoded.rackId, v >= 11 ? 'rack-a' : '')
      assert.equal(decoded.clusterId, v >= 12 ? 'cluster-x' : null)
    })
  }

  test('response v11 and v12 carry records chunks and aborted transactions', () => {
    const records = [Buffer.from('batch-one|'), Buffer.from('batch-two')]
    for (const v of [11, 12]) {
      const chunks = encodeResponse(ApiKey.Fetch, v, 9, {
        throttleTimeMs: 0, errorCode: 0, sessionId: 0,
        responses: [{
          topic: 'orders',
          partitions: [{
            partitionIndex: 0, errorCode: 0, highWatermark: 100, lastStableOffset: 90, logStartOffset: 0,
            abortedTransactions: [{ producerId: 7, firstOffset: 50 }], preferredReadReplica: -1, records,
          }, {
            partitionIndex: 1, errorCode: 1, highWatermark: -1, lastStableOffset: -1, logStartOffset: -1,
            abortedTransactions: null, preferredReadReplica: -1, records: null,
          }],
        }],
      })
      assert.ok(chunks.includes(records[0]) && chunks.includes(records[1]), 'records are not copied')
      const decoded = decodeResponse(ApiKey.Fetch, v, frameOf(chunks))
      const [p0, p1] = decoded.responses[0].partitions
      assert.equal(p0.records.toString(), 'batch-one|batch-two')
      assert.deepEqual(p0.abortedTransactions, [{ producerId: 7, firstOffset: 50 }])
      assert.equal(p1.abortedTransactions, null)
      assert.equal(p1.records, null)
      assert.equal(p0.lastStableOffset, 90)
    }
  })
})

describe('Metadata', () => {
  test('request: null topics (all topics) vs empty list, across versions', () => {
    for (const v of [1, 4, 6, 9, 10, 12]) {
      assert.equal(requestRoundTrip(ApiKey.Metadata, v, { topics: null, allowAutoTopicCreation: true }).decoded.topics, null)
      assert.deepEqual(requestRoundTrip(ApiKey.Metadata, v, { topics: [], allowAutoTopicCreation: false }).decoded.topics, [])
      const named = requestRoundTrip(ApiKey.Metadata, v, { topics: [{ name: 'a', topicId: '0'.repeat(32) }], allowAutoTopicCreation: true }).decoded
      assert.equal(named.topics[0].name, 'a')
      assert.equal(named.allowAutoTopicCreation, true)
    }
  })

  test('response v6 and v12', () => {
    const body = {
      throttleTimeMs: 0,
      brokers: [{ nodeId: 1, host: '127.0.0.1', port: 9092, rack: null }],
      clusterId: 'abc',
      controllerId: 1,
      topics: [{
        errorCode: 0, name: 'orders', topicId: 'ffeeddccbbaa99887766554433221100', isInternal: false,
        partitions: [{ errorCode: 0, partitionIndex: 0, leaderId: 1, leaderEpoch: 0, replicaNodes: [1], isrNodes: [1], offlineReplicas: [] }],
        topicAuthorizedOperations: -2147483648,
      }],
      clusterAuthorizedOperations: -2147483648,
    }
    for (const v of [6, 9, 12]) {
      const { decoded } = responseRoundTrip(ApiKey.Metadata, v, body)
      assert.deepEqual(decoded.brokers, body.brokers)
      assert.equal(decoded.topics[0].topicId, v >= 10 ? body.topics[0].topicId : '0'.repeat(32))
      assert.deepEqual(decoded.topics[0].partitions[0].replicaNodes, [1])
    }
  })
})

describe('ApiVersions', () => {
  const body = {
    errorCode: 0,
    apiKeys: [{ apiKey: 0, minVersion: 0, maxVersion: 11 }, { apiKey: 18, minVersion: 0, maxVersion: 4 }],
    throttleTimeMs: 0,
    finalizedFeaturesEpoch: 3,
    supportedFeatures: [{ name: 'transaction.version', minVersion: 0, maxVersion: 2 }],
  }

  test('responses always use header v0: no tag buffer after the correlation id', () => {
    for (const v of [0, 2, 3, 4]) {
      const frame = frameOf(encodeResponse(ApiKey.ApiVersions, v, 0x01020304, body))
      assert.equal(frame.readInt32BE(0), 0x01020304)
      assert.equal(frame.readInt16BE(4), 0, 'error code directly after the correlation id')
      const { decoded } = responseRoundTrip(ApiKey.ApiVersions, v, body)
      assert.deepEqual(decoded.apiKeys, body.apiKeys)
      assert.equal(decoded.finalizedFeaturesEpoch, v >= 3 ? 3 : -1)
      assert.deepEqual(decoded.supportedFeatures, v >= 3 ? body.supportedFeatures : [])
    }
  })

  test('other flexible responses use header v1 (tag buffer after the correlation id)', () => {
    const frame = frameOf(encodeResponse(ApiKey.Metadata, 9, 5, { brokers: [], topics: [] }))
    assert.equal(frame.readInt32BE(0), 5)
    assert.equal(frame[4], 0, 'empty header tag buffer')
    const old = frameOf(encodeResponse(ApiKey.Metadata, 8, 5, { brokers: [], topics: [] }))
    assert.equal(old.readInt32BE(4), 0, 'v8 goes straight to throttleTimeMs')
  })

  test('request v3 carries client software name/version', () => {
    const { decoded } = requestRoundTrip(ApiKey.ApiVersions, 3, { clientSoftwareName: 'tributary', clientSoftwareVersion: '0.1.0' })
    assert.equal(decoded.clientSoftwareName, 'tributary')
  })
})

describe('group and admin messages', () => {
  test('JoinGroup v5 and v9 (bytes metadata, nullable instance id)', () => {
    for (const v of [5, 6, 9]) {
      const { decoded } = requestRoundTrip(ApiKey.JoinGroup, v, {
        groupId: 'g', sessionTimeoutMs: 10000, rebalanceTimeoutMs: 60000, memberId: '', groupInstanceId: null,
        protocolType: 'consumer', protocols: [{ name: 'range', metadata: Buffer.from([0, 1, 2, 3]) }], reason: 'why',
      })
      assert.deepEqual(decoded.protocols[0].metadata, Buffer.from([0, 1, 2, 3]))
      assert.equal(decoded.groupInstanceId, null)
      assert.equal(decoded.reason, v >= 8 ? 'why' : null)
      const res = responseRoundTrip(ApiKey.JoinGroup, v, {
        throttleTimeMs: 0, errorCode: 79, generationId: -1, protocolType: 'consumer', protocolName: null,
        leader: '', skipAssignment: false, memberId: 'm-1', members: [{ memberId: 'm-1', groupInstanceId: 'i', metadata: Buffer.alloc(0) }],
      }).decoded
      assert.equal(res.errorCode, 79)
      assert.equal(res.protocolName, v >= 7 ? null : '', 'nullable only from v7; null encodes as empty before')
      assert.equal(res.members[0].metadata.length, 0)
    }
  })

  test('OffsetFetch v4 (topics) and v8 (batched groups, nullable topics)', () => {
    const v4 = requestRoundTrip(ApiKey.OffsetFetch, 4, { groupId: 'g', topics: [{ name: 't', partitionIndexes: [0, 1, 2] }] }).decoded
    assert.deepEqual(v4.topics[0].partitionIndexes, [0, 1, 2])
    const v8 = requestRoundTrip(ApiKey.OffsetFetch, 8, { groups: [{ groupId: 'g', topics: null }], requireStable: true }).decoded
    assert.equal(v8.groups[0].topics, null)
    assert.equal(v8.requireStable, true)
  })

  test('CreateTopics v3 and v7; DescribeConfigs response v1 and v4; InitProducerId v1 and v5', () => {
    for (const v of [3, 7]) {
      const { decoded } = requestRoundTrip(ApiKey.CreateTopics, v, {
        topics: [{ name: 't', numPartitions: 3, replicationFactor: 1, assignments: [], configs: [{ name: 'cleanup.policy', value: 'compact' }, { name: 'x', value: null }] }],
        timeoutMs: 1000, validateOnly: false,
      })
      assert.deepEqual(decoded.topics[0].configs[1], { name: 'x', value: null })
      const res = responseRoundTrip(ApiKey.CreateTopics, v, {
        throttleTimeMs: 0,
        topics: [{ name: 't', topicId: 'aa'.repeat(16), errorCode: 0, errorMessage: null, topicConfigErrorCode: 40, numPartitions: 3, replicationFactor: 1, configs: null }],
      }).decoded
      assert.equal(res.topics[0].topicConfigErrorCode, v >= 5 ? 40 : 0)
    }
    for (const v of [1, 4]) {
      const { decoded } = responseRoundTrip(ApiKey.DescribeConfigs, v, {
        throttleTimeMs: 0,
        results: [{
          errorCode: 0, errorMessage: null, resourceType: 2, resourceName: 't',
          configs: [{ name: 'retention.ms', value: '604800000', readOnly: false, configSource: 5, isSensitive: false, synonyms: [], configType: 5, documentation: null }],
        }],
      })
      assert.equal(decoded.results[0].configs[0].value, '604800000')
    }
    for (const v of [1, 5]) {
      const { decoded } = responseRoundTrip(ApiKey.InitProducerId, v, { throttleTimeMs: 0, errorCode: 0, producerId: 4000, producerEpoch: 0 })
      assert.equal(decoded.producerId, 4000)
    }
  })
})

describe('int64 and uuid representation', () => {
  test('negative, large and clamped int64 values', () => {
    const w = new Writer()
    for (const n of [-1, 0, 1, -(2 ** 40), 2 ** 53 - 1, -(2 ** 53) + 1]) w.writeInt64(n)
    w.writeInt64(2 ** 63)
    const r = new Reader(w.toBuffer())
    for (const n of [-1, 0, 1, -(2 ** 40), 2 ** 53 - 1, -(2 ** 53) + 1]) assert.equal(r.readInt64(), n)
    const clamped = r.buf.readBigInt64BE(r.pos)
    assert.equal(clamped, 2n ** 63n - 1n, 'values beyond int64 clamp to Long.MAX_VALUE')
  })

  test('uuid is 32 lowercase hex chars; malformed input writes the zero uuid', () => {
    const w = new Writer()
    w.writeUuid('0123456789ABCDEF0123456789abcdef')
    w.writeUuid('not-a-uuid')
    const r = new Reader(w.toBuffer())
    assert.equal(r.readUuid(), '0123456789abcdef0123456789abcdef')
    assert.equal(r.readUuid(), '0'.repeat(32))
  })
})
