// Headers and whole-frame entry points: header versions, tolerance of unknown keys, and
// every way a truncated or hostile frame must fail with ProtocolDecodeError (never a
// RangeError, never a huge allocation).

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  ApiKey, decodeRequest, decodeRequestHeader, decodeResponseFrame, encodeRequest, encodeResponse,
  ProtocolDecodeError, requestHeaderVersion, responseHeaderVersion, UnsupportedApiError,
} from './index.ts'
import { Reader } from './reader.ts'
import { Writer } from './writer.ts'

const frameOf = (chunks: Buffer[]): Buffer => Buffer.concat(chunks).subarray(4)

describe('header versions', () => {
  test('derived from flexibleVersions, with the ApiVersions and ControlledShutdown v0 exceptions', () => {
    assert.equal(requestHeaderVersion(ApiKey.Produce, 8), 1)
    assert.equal(requestHeaderVersion(ApiKey.Produce, 9), 2)
    assert.equal(responseHeaderVersion(ApiKey.Produce, 8), 0)
    assert.equal(responseHeaderVersion(ApiKey.Produce, 9), 1)
    assert.equal(requestHeaderVersion(ApiKey.ApiVersions, 3), 2)
    assert.equal(responseHeaderVersion(ApiKey.ApiVersions, 3), 0)
    assert.equal(responseHeaderVersion(ApiKey.ApiVersions, 4), 0)
    assert.equal(requestHeaderVersion(ApiKey.ControlledShutdown, 0), 0)
    assert.equal(requestHeaderVersion(9999, 0), 1)
  })

  test('request header v2 keeps client_id as an int16-length string, then a tag buffer', () => {
    const frame = frameOf(encodeRequest(ApiKey.Metadata, 12, 7, 'abc', { topics: null }))
    assert.equal(frame.readInt16BE(0), ApiKey.Metadata)
    assert.equal(frame.readInt16BE(2), 12)
    assert.equal(frame.readInt32BE(4), 7)
    assert.equal(frame.readInt16BE(8), 3, 'classic int16 length, not a compact varint')
    assert.equal(frame.toString('utf8', 10, 13), 'abc')
    assert.equal(frame[13], 0, 'empty header tag buffer')
    const h = decodeRequestHeader(frame)
    assert.deepEqual(h, { apiKey: ApiKey.Metadata, apiVersion: 12, correlationId: 7, clientId: 'abc', headerSize: 14 })
  })

  test('null client id', () => {
    const h = decodeRequestHeader(frameOf(encodeRequest(ApiKey.Produce, 7, 1, null, {})))
    assert.equal(h.clientId, null)
    assert.equal(h.headerSize, 10)
  })

  test('an ApiVersions request header tagged-field buffer with unknown tags is skipped', () => {
    const w = new Writer()
    w.writeInt16(ApiKey.ApiVersions); w.writeInt16(3); w.writeInt32(1); w.writeNullableString('c', false)
    w.writeUVarint(1); w.writeUVarint(42); w.writeUVarint(2); w.writeInt16(0x7777)
    w.writeString('name', true); w.writeString('1.0', true); w.writeUVarint(0)
    const frame = w.toBuffer()
    const h = decodeRequestHeader(frame)
    assert.equal(h.headerSize, 2 + 2 + 4 + 3 + 1 + 1 + 1 + 2)
    assert.deepEqual(decodeRequest(ApiKey.ApiVersions, 3, frame, h.headerSize), { clientSoftwareName: 'name', clientSoftwareVersion: '1.0' })
  })
})

test('unknown tagged fields in a body are skipped; known ones after them are still read', () => {
  const w = new Writer()
  w.writeInt16(ApiKey.Fetch); w.writeInt16(12); w.writeInt32(1); w.writeNullableString(null, false); w.writeUInt8(0)
  w.writeInt32(-1); w.writeInt32(500); w.writeInt32(1); w.writeInt32(1024); w.writeInt8(0); w.writeInt32(0); w.writeInt32(-1)
  w.writeUVarint(1); w.writeUVarint(1); w.writeUVarint(1) // topics [], forgotten [], rackId ''
  w.writeUVarint(2)
  const id = new Writer(); id.writeNullableString('cluster-7', true); w.writeTaggedField(0, id)
  w.writeUVarint(99); w.writeUVarint(3); w.writeRaw(Buffer.from([1, 2, 3]))
  const body = decodeRequest(ApiKey.Fetch, 12, w.toBuffer())
  assert.equal(body.clusterId, 'cluster-7')
  assert.equal(body.maxWaitMs, 500)
})

describe('unknown and unsupported', () => {
  test('decodeRequestHeader does not throw on unknown api keys or versions', () => {
    const w = new Writer()
    w.writeInt16(31000); w.writeInt16(99); w.writeInt32(5); w.writeNullableString('x', false); w.writeInt32(12345)
    const h = decodeRequestHeader(w.toBuffer())
    assert.deepEqual([h.apiKey, h.apiVersion, h.correlationId, h.clientId, h.headerSize], [31000, 99, 5, 'x', 11])
  })

  test('decodeRequest throws UnsupportedApiError for unknown keys and out-of-range versions', () => {
    const frame = frameOf(encodeRequest(ApiKey.Produce, 7, 1, null, {}))
    assert.throws(() => decodeRequest(31000, 0, frame, 10), UnsupportedApiError)
    assert.throws(() => decodeRequest(ApiKey.Produce, 99, frame, 10), (err: unknown) =>
      err instanceof UnsupportedApiError && err.apiKey === 0 && err.apiVersion === 99)
    assert.throws(() => encodeResponse(ApiKey.Produce, -1, 1, {}), UnsupportedApiError)
  })
})

describe('truncated and hostile input → ProtocolDecodeError', () => {
  const produce = frameOf(encodeRequest(ApiKey.Produce, 9, 1, 'client', {
    transactionalId: null, acks: 1, timeoutMs: 100,
    topicData: [{ name: 'topic', partitionData: [{ index: 0, records: Buffer.alloc(70, 1) }] }],
  }))
  const fetch = frameOf(encodeRequest(ApiKey.Fetch, 11, 1, 'client', {
    replicaId: -1, maxWaitMs: 1, minBytes: 1, maxBytes: 1, isolationLevel: 0, sessionId: 0, sessionEpoch: -1,
    topics: [{ topic: 't', partitions: [{ partition: 0, currentLeaderEpoch: -1, fetchOffset: 5, lastFetchedEpoch: -1, logStartOffset: -1, partitionMaxBytes: 1 }] }],
    forgottenTopicsData: [], rackId: '',
  }))

  test('every strict prefix of a request frame fails cleanly', () => {
    for (const [key, version, frame] of [[ApiKey.Produce, 9, produce], [ApiKey.Fetch, 11, fetch]] as const) {
      for (let n = 0; n < frame.length; n++) {
        const cut = frame.subarray(0, n)
        assert.throws(() => {
          const h = decodeRequestHeader(cut)
          decodeRequest(key, version, cut, h.headerSize)
        }, ProtocolDecodeError, `prefix of ${n} bytes`)
      }
    }
  })

  test('an array claiming 2^31-1 elements is refused before allocating', () => {
    const w = new Writer()
    w.writeInt16(ApiKey.Produce); w.writeInt16(7); w.writeInt32(1); w.writeNullableString(null, false)
    w.writeNullableString(null, false); w.writeInt16(1); w.writeInt32(100); w.writeInt32(0x7fffffff)
    const frame = w.toBuffer()
    assert.throws(() => decodeRequest(ApiKey.Produce, 7, frame), (err: unknown) =>
      err instanceof ProtocolDecodeError && /array of 2147483647/.test(err.message))
  })

  test('a string or bytes length past the end is refused', () => {
    const w = new Writer()
    w.writeInt16(ApiKey.Produce); w.writeInt16(7); w.writeInt32(1); w.writeNullableString(null, false)
    w.writeInt16(30000)
    assert.throws(() => decodeRequest(ApiKey.Produce, 7, w.toBuffer()), ProtocolDecodeError)
  })

  test('null in a non-nullable array or string is refused', () => {
    const w = new Writer()
    w.writeInt16(ApiKey.Produce); w.writeInt16(7); w.writeInt32(1); w.writeNullableString(null, false)
    w.writeNullableString(null, false); w.writeInt16(1); w.writeInt32(100); w.writeInt32(-1)
    assert.throws(() => decodeRequest(ApiKey.Produce, 7, w.toBuffer()), /null in a non-nullable array/)
  })

  test('an over-long varint and a tagged field running past the frame are refused', () => {
    const r = new Reader(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))
    assert.throws(() => r.readUVarint(), ProtocolDecodeError)
    const tags = new Reader(Buffer.from([1, 0, 10, 1, 2]))
    assert.throws(() => tags.skipTaggedFields(), ProtocolDecodeError)
  })

  test('a truncated header throws; a response frame decodes with its correlation id', () => {
    assert.throws(() => decodeRequestHeader(Buffer.from([0, 1, 0])), ProtocolDecodeError)
    const res = frameOf(encodeResponse(ApiKey.Heartbeat, 4, 99, { throttleTimeMs: 0, errorCode: 27 }))
    assert.deepEqual(decodeResponseFrame(ApiKey.Heartbeat, 4, res), { correlationId: 99, body: { throttleTimeMs: 0, errorCode: 27 } })
    assert.throws(() => decodeResponseFrame(ApiKey.Heartbeat, 4, res.subarray(0, res.length - 1)), ProtocolDecodeError)
  })
})

describe('Writer', () => {
  test('grows past its initial size and frames the total length', () => {
    const w = new Writer({ framed: true, initialSize: 8 })
    const big = 'x'.repeat(5000)
    w.writeString(big, false)
    w.writeRecords([Buffer.alloc(3000, 7), Buffer.alloc(0), Buffer.alloc(10, 8)], true)
    w.writeInt32(-5)
    const chunks = w.finish()
    const all = Buffer.concat(chunks)
    assert.equal(all.readInt32BE(0), all.length - 4)
    const r = new Reader(all, 4)
    assert.equal(r.readString(false), big)
    assert.equal(r.readRecords(true)?.length, 3010)
    assert.equal(r.readInt32(), -5)
    assert.equal(r.remaining, 0)
  })
})
