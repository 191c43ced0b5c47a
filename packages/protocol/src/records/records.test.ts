// Record batch v2: building and reading batches with every codec, the produce-side
// validation rules one by one, control markers, and decompression limits.

import assert from 'node:assert/strict'
import { gzipSync } from 'node:zlib'
import { describe, test } from 'node:test'
import { snappyCompress as rawSnappy } from '@platformatic/wasm-utils'
import {
  BatchField, buildControlBatch, buildRecordBatch, CompressionCodec, compress, crc32c, decompress, DecompressionError,
  ErrorCode, iterateRecords, lz4OutputBound, readBatchHeader, readControlMarker, readRecords, validateClientBatch, writeBatchCrc,
} from '../index.ts'
import type { RecordInput } from '../index.ts'

const OPTS = { maxMessageBytes: 1048588, compactedTopic: false }

function sampleRecords (n: number): RecordInput[] {
  return Array.from({ length: n }, (_, i) => ({
    key: i % 3 === 0 ? null : `key-${i}`,
    value: i % 5 === 0 ? null : Buffer.from(`value-${i}-`.repeat(i % 7 + 1)),
    headers: i % 2 === 0 ? [{ key: 'h1', value: `v${i}` }, { key: 'nul', value: null }] : [],
    timestamp: 1_700_000_000_000 + i * 10,
  }))
}

describe('build and iterate with every codec', () => {
  for (const [name, codec] of Object.entries(CompressionCodec)) {
    test(name, () => {
      const input = sampleRecords(50)
      const batch = buildRecordBatch({ records: input, compression: codec, baseOffset: 1000, producerId: 9, producerEpoch: 2, baseSequence: 40 })
      const h = readBatchHeader(batch)
      assert.equal(h.magic, 2)
      assert.equal(h.compression, codec)
      assert.equal(h.batchLength, batch.length - 12)
      assert.equal(h.recordsCount, 50)
      assert.equal(h.lastOffsetDelta, 49)
      assert.equal(h.baseOffset, 1000)
      assert.equal(h.baseTimestamp, 1_700_000_000_000)
      assert.equal(h.maxTimestamp, 1_700_000_000_490)
      assert.deepEqual([h.producerId, h.producerEpoch, h.baseSequence], [9, 2, 40])
      assert.equal(h.crc, crc32c(batch, 21))
      const out = readRecords(batch)
      assert.equal(out.length, 50)
      out.forEach((r, i) => {
        assert.equal(r.offset, 1000 + i)
        assert.equal(r.offsetDelta, i)
        assert.equal(r.timestamp, 1_700_000_000_000 + i * 10)
        assert.equal(r.key?.toString() ?? null, input[i].key)
        assert.deepEqual(r.value, input[i].value)
        assert.deepEqual(r.headers.map(x => [x.key, x.value?.toString() ?? null]), (input[i].headers ?? []).map(x => [x.key, x.value]))
      })
      assert.equal(validateClientBatch(batch, OPTS), null)
    })
  }

  test('compression given by name', () => {
    assert.equal(readBatchHeader(buildRecordBatch({ records: [{ value: 'x' }], compression: 'lz4' })).compression, 3)
  })

  test('transactional and LogAppendTime attribute bits', () => {
    const b = buildRecordBatch({ records: [{ value: 'x' }], transactional: true, producerId: 1, producerEpoch: 0, baseSequence: 0, timestampType: 1 })
    const h = readBatchHeader(b)
    assert.equal(h.isTransactional, true)
    assert.equal(h.timestampType, 1)
    assert.equal(h.isControl, false)
  })
})

describe('validateClientBatch', () => {
  const good = (): Buffer => buildRecordBatch({ records: sampleRecords(5), producerId: 3, producerEpoch: 0, baseSequence: 0 })
  const expect = (buf: Buffer, code: number, opts: Partial<typeof OPTS> & { produceVersion?: number } = {}): void => {
    const p = validateClientBatch(buf, { ...OPTS, ...opts })
    assert.ok(p !== null, 'expected a problem')
    assert.equal(p.errorCode, code, p.message)
  }

  test('CRC mismatch → CORRUPT_MESSAGE', () => {
    const b = good()
    b[b.length - 1] ^= 0xff
    expect(b, ErrorCode.CORRUPT_MESSAGE)
  })

  test('batchLength larger than the bytes → CORRUPT_MESSAGE; two batches → INVALID_RECORD; too short → CORRUPT_MESSAGE', () => {
    const b = good()
    expect(b.subarray(0, b.length - 1), ErrorCode.CORRUPT_MESSAGE)
    expect(Buffer.concat([b, good()]), ErrorCode.INVALID_RECORD)
    expect(b.subarray(0, 40), ErrorCode.CORRUPT_MESSAGE)
  })

  test('magic other than 2 → INVALID_RECORD', () => {
    const b = good()
    b.writeInt8(1, BatchField.magic)
    expect(b, ErrorCode.INVALID_RECORD)
  })

  test('larger than max.message.bytes → MESSAGE_TOO_LARGE', () => {
    const b = good()
    expect(b, ErrorCode.MESSAGE_TOO_LARGE, { maxMessageBytes: b.length - 1 })
    assert.equal(validateClientBatch(b, { ...OPTS, maxMessageBytes: b.length }), null)
  })

  test('lastOffsetDelta ≠ count-1 → INVALID_RECORD', () => {
    const b = good()
    b.writeInt32BE(7, BatchField.lastOffsetDelta)
    writeBatchCrc(b)
    expect(b, ErrorCode.INVALID_RECORD)
  })

  test('control batch from a client → INVALID_RECORD', () => {
    expect(buildControlBatch({ producerId: 1, producerEpoch: 0, commit: true, coordinatorEpoch: 0 }), ErrorCode.INVALID_RECORD)
  })

  test('unknown codec → CORRUPT_MESSAGE; zstd before Produce v7 → UNSUPPORTED_COMPRESSION_TYPE', () => {
    const b = good()
    b.writeInt16BE(5, BatchField.attributes)
    writeBatchCrc(b)
    expect(b, ErrorCode.CORRUPT_MESSAGE)
    const z = buildRecordBatch({ records: sampleRecords(2), compression: CompressionCodec.zstd })
    expect(z, ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, { produceVersion: 6 })
    assert.equal(validateClientBatch(z, { ...OPTS, produceVersion: 7 }), null)
  })

  test('producer id rules: transactional without producer id, producer id without sequence → INVALID_RECORD', () => {
    expect(buildRecordBatch({ records: [{ value: 'a' }], transactional: true }), ErrorCode.INVALID_RECORD)
    expect(buildRecordBatch({ records: [{ value: 'a' }], producerId: 5, producerEpoch: 0, baseSequence: -1 }), ErrorCode.INVALID_RECORD)
    assert.equal(validateClientBatch(buildRecordBatch({ records: [{ value: 'a' }] }), OPTS), null)
  })

  test('compacted topic: a null key is INVALID_RECORD, compressed or not', () => {
    for (const codec of [0, 1, 2, 3, 4]) {
      const withNull = buildRecordBatch({ records: [{ key: 'k', value: 'a' }, { key: null, value: 'b' }], compression: codec })
      expect(withNull, ErrorCode.INVALID_RECORD, { compactedTopic: true })
      assert.equal(validateClientBatch(withNull, OPTS), null, 'fine on a non-compacted topic')
      const keyed = buildRecordBatch({ records: [{ key: 'k', value: 'a' }, { key: 'j', value: null }], compression: codec })
      assert.equal(validateClientBatch(keyed, { ...OPTS, compactedTopic: true }), null)
    }
  })

  test('records that do not match the header (valid CRC) → CORRUPT_MESSAGE', () => {
    const b = buildRecordBatch({ records: sampleRecords(3) })
    b.writeInt32BE(4, BatchField.recordsCount)
    b.writeInt32BE(3, BatchField.lastOffsetDelta)
    writeBatchCrc(b)
    expect(b, ErrorCode.CORRUPT_MESSAGE)
    const c = buildRecordBatch({ records: sampleRecords(3) })
    c[61] = 0x7e // first record's length varint now claims more than the batch holds
    writeBatchCrc(c)
    expect(c, ErrorCode.CORRUPT_MESSAGE)
  })

  test('compressed stream that is not valid → CORRUPT_MESSAGE (compacted topic forces a read)', () => {
    const b = buildRecordBatch({ records: sampleRecords(3), compression: CompressionCodec.gzip })
    b.fill(0x55, 70)
    writeBatchCrc(b)
    expect(b, ErrorCode.CORRUPT_MESSAGE, { compactedTopic: true })
  })
})

describe('control batches', () => {
  test('commit and abort markers round trip', () => {
    for (const commit of [true, false]) {
      const b = buildControlBatch({ producerId: 77, producerEpoch: 3, commit, coordinatorEpoch: 12, baseOffset: 500, timestamp: 42 })
      const h = readBatchHeader(b)
      assert.deepEqual([h.isControl, h.isTransactional, h.producerId, h.producerEpoch, h.baseOffset, h.recordsCount, h.baseSequence], [true, true, 77, 3, 500, 1, -1])
      assert.deepEqual(readControlMarker(b), { commit, coordinatorEpoch: 12 })
      const [r] = readRecords(b)
      assert.deepEqual(r.key, Buffer.from([0, 0, 0, commit ? 1 : 0]))
      assert.equal(r.value?.readInt32BE(2), 12)
    }
    assert.equal(readControlMarker(buildRecordBatch({ records: [{ value: 'x' }] })), null)
  })
})

describe('decompression limits', () => {
  const bomb = Buffer.alloc(8 * 1024 * 1024)

  for (const [name, codec] of Object.entries(CompressionCodec)) {
    test(`${name}: output beyond the limit is refused`, () => {
      const packed = compress(codec, bomb)
      assert.throws(() => decompress(codec, packed, 1024 * 1024), (err: unknown) =>
        err instanceof DecompressionError && err.reason === 'too-large')
      assert.equal(decompress(codec, packed, bomb.length + 4 * 1024 * 1024).length, bomb.length)
    })
  }

  test('iterateRecords applies the limit to a compressed batch', () => {
    const b = buildRecordBatch({ records: [{ value: Buffer.alloc(2 * 1024 * 1024) }], compression: CompressionCodec.zstd })
    assert.throws(() => [...iterateRecords(b, { maxDecompressedBytes: 1024 * 1024 })], DecompressionError)
  })

  test('snappy: raw (unframed) blocks decode; a block lying about its length is refused before inflating', () => {
    const data = Buffer.from('raw snappy payload '.repeat(100))
    const raw = rawSnappy(data)
    assert.deepEqual(decompress(CompressionCodec.snappy, raw), data)
    const liar = Buffer.concat([Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f]), raw.subarray(2)])
    assert.throws(() => decompress(CompressionCodec.snappy, liar, 1024 * 1024), (err: unknown) =>
      err instanceof DecompressionError && err.reason === 'too-large')
  })

  test('lz4: the frame bound is computed from the frame and garbage is corrupt', () => {
    const packed = compress(CompressionCodec.lz4, Buffer.alloc(1000, 1))
    assert.ok(lz4OutputBound(packed) >= 1000)
    assert.throws(() => decompress(CompressionCodec.lz4, Buffer.from('not an lz4 frame at all')), (err: unknown) =>
      err instanceof DecompressionError && err.reason === 'corrupt')
  })

  test('gzip written by another implementation decodes', () => {
    assert.equal(decompress(CompressionCodec.gzip, gzipSync(Buffer.from('hello'))).toString(), 'hello')
  })
})
