// Converter stages for both directions, each under the retry/tolerance operator with its own stage
// (KEY_CONVERTER, VALUE_CONVERTER, HEADER_CONVERTER). Converters are synchronous, so the common
// path returns a plain value and allocates no promise; only a failure takes the async path.
import { ConnectHeaders, SinkRecord, TimestampType, type SchemaAndValue, type SourceRecord } from '@tributary/connect-api'
import type { MessageToProduce, Message } from '@platformatic/kafka'
import { SKIPPED, type RetryWithToleranceOperator, type Skipped } from '../errors/retry-with-tolerance.ts'
import { Stages, type ConsumedRecord } from '../errors/stages.ts'
import type { ConverterSet } from '../plugins/plugin-factory.ts'

type Out<T> = T | Skipped | Promise<T | Skipped>
type ByteMessage = MessageToProduce<Buffer, Buffer, Buffer, Buffer>

const toBuffer = (b: Uint8Array | null): Buffer | undefined => b === null ? undefined : Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength)
const className = (o: object): string => { const c = o.constructor as { CLASS_NAME?: string, className?: string, name: string }; return c.CLASS_NAME ?? c.className ?? c.name }

/** Applies `f` now when `v` is a value, after it resolves when it is a promise; SKIPPED short-circuits. */
function then<T, U> (v: Out<T>, f: (x: T) => Out<U>): Out<U> {
  if (v instanceof Promise) return v.then((x) => x === SKIPPED ? SKIPPED : f(x))
  return v === SKIPPED ? SKIPPED : f(v)
}

/** SourceRecord → bytes for the producer; SKIPPED when a tolerated conversion failed. */
export function sourceToMessage (r: SourceRecord, c: ConverterSet, op: RetryWithToleranceOperator): Out<ByteMessage> {
  // Only built if an error is reported: it is not cheap.
  const describe = (): string => `SourceRecord{sourcePartition=${JSON.stringify(r.sourcePartition)}, sourceOffset=${JSON.stringify(r.sourceOffset)}} ConnectRecord{topic='${r.topic}', kafkaPartition=${r.kafkaPartition}}`
  const key = op.execute({ stage: Stages.KEY_CONVERTER, executingClass: className(c.key), sourceRecord: describe }, () => c.key.fromConnectData(r.topic, r.headers, r.keySchema, r.key))
  return then(key, (k) => {
    const value = op.execute({ stage: Stages.VALUE_CONVERTER, executingClass: className(c.value), sourceRecord: describe }, () => c.value.fromConnectData(r.topic, r.headers, r.valueSchema, r.value))
    return then(value, (v) => {
      const headers: Out<Map<Buffer, Buffer> | undefined> = r.headers.isEmpty()
        ? undefined
        : op.execute({ stage: Stages.HEADER_CONVERTER, executingClass: className(c.header), sourceRecord: describe }, () => {
          const m = new Map<Buffer, Buffer>()
          for (const h of r.headers) m.set(Buffer.from(h.key), toBuffer(c.header.fromConnectHeader(r.topic, h.key, h.schema, h.value)) ?? Buffer.alloc(0))
          return m
        })
      return then(headers, (h) => {
        const msg: ByteMessage = { topic: r.topic, key: toBuffer(k), value: toBuffer(v) }
        if (h !== undefined) msg.headers = h
        if (r.kafkaPartition !== null) msg.partition = r.kafkaPartition
        if (r.timestamp !== null) msg.timestamp = BigInt(r.timestamp)
        return msg
      })
    })
  })
}

/** A consumed message as the sink side keeps it (leaderEpoch for the offset commit). */
export type SinkConsumedRecord = ConsumedRecord & { leaderEpoch: number }

export function consumedOf (m: Message<Buffer, Buffer, Buffer, Buffer>): SinkConsumedRecord {
  return {
    topic: m.topic,
    partition: m.partition,
    offset: Number(m.offset),
    timestamp: m.timestamp === undefined ? null : Number(m.timestamp),
    key: m.key === undefined || m.key === null ? null : m.key,
    value: m.value === undefined || m.value === null ? null : m.value,
    headers: m.headerEntries ?? [...m.headers],
    leaderEpoch: m.leaderEpoch,
  }
}

/** Consumed bytes → SinkRecord; SKIPPED when a tolerated conversion failed. */
export function messageToSinkRecord (m: ConsumedRecord, c: ConverterSet, op: RetryWithToleranceOperator): Out<SinkRecord> {
  const key = op.execute({ stage: Stages.KEY_CONVERTER, executingClass: className(c.key), consumed: m }, () => c.key.toConnectData(m.topic, null, m.key))
  return then(key, (k: SchemaAndValue) => {
    const value = op.execute({ stage: Stages.VALUE_CONVERTER, executingClass: className(c.value), consumed: m }, () => c.value.toConnectData(m.topic, null, m.value))
    return then(value, (v: SchemaAndValue) => {
      const headers: Out<ConnectHeaders> = m.headers.length === 0
        ? new ConnectHeaders()
        : op.execute({ stage: Stages.HEADER_CONVERTER, executingClass: className(c.header), consumed: m }, () => {
          const h = new ConnectHeaders()
          for (const [hk, hv] of m.headers) {
            const name = hk.toString('utf8')
            const sv = c.header.toConnectHeader(m.topic, name, hv)
            h.add(name, sv.value, sv.schema)
          }
          return h
        })
      return then(headers, (h) => new SinkRecord({
        topic: m.topic,
        kafkaPartition: m.partition,
        kafkaOffset: m.offset,
        keySchema: k.schema,
        key: k.value,
        valueSchema: v.schema,
        value: v.value,
        timestamp: m.timestamp,
        timestampType: m.timestamp === null ? TimestampType.NO_TIMESTAMP_TYPE : TimestampType.CREATE_TIME,
        headers: h,
      }))
    })
  })
}
