// Converter stages for both directions, each under the retry/tolerance operator with its own stage
// (KEY_CONVERTER, VALUE_CONVERTER, HEADER_CONVERTER). Converters are synchronous, so the common
// path allocates no promise.
import { ConnectHeaders, SinkRecord, TimestampType, type SourceRecord } from '@tributary/connect-api'
import type { MessageToProduce, Message } from '@platformatic/kafka'
import { SKIPPED, type RetryWithToleranceOperator, type Skipped } from '../errors/retry-with-tolerance.ts'
import { Stages, type ConsumedRecord } from '../errors/stages.ts'
import type { ConverterSet } from '../plugins/plugin-factory.ts'

const toBuffer = (b: Uint8Array | null): Buffer | undefined => b === null ? undefined : Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength)
const name = (o: object): string => { const c = o.constructor as { CLASS_NAME?: string, className?: string, name: string }; return c.CLASS_NAME ?? c.className ?? c.name }

type Out<T> = T | Skipped | Promise<T | Skipped>

/** SourceRecord → bytes for the producer; SKIPPED when a tolerated conversion failed. */
export async function sourceToMessage (r: SourceRecord, c: ConverterSet, op: RetryWithToleranceOperator): Promise<MessageToProduce<Buffer, Buffer, Buffer, Buffer> | Skipped> {
  const describe = (): string => `SourceRecord{sourcePartition=${JSON.stringify(r.sourcePartition)}, sourceOffset=${JSON.stringify(r.sourceOffset)}} ConnectRecord{topic='${r.topic}', kafkaPartition=${r.kafkaPartition}}`
  let key: Out<Uint8Array | null> = op.execute({ stage: Stages.KEY_CONVERTER, executingClass: name(c.key), sourceRecord: describe() }, () => c.key.fromConnectData(r.topic, r.headers, r.keySchema, r.key))
  if (key instanceof Promise) key = await key
  if (key === SKIPPED) return SKIPPED
  let value: Out<Uint8Array | null> = op.execute({ stage: Stages.VALUE_CONVERTER, executingClass: name(c.value), sourceRecord: describe() }, () => c.value.fromConnectData(r.topic, r.headers, r.valueSchema, r.value))
  if (value instanceof Promise) value = await value
  if (value === SKIPPED) return SKIPPED
  let headers: Out<Map<Buffer, Buffer> | undefined> = undefined
  if (!r.headers.isEmpty()) {
    headers = op.execute({ stage: Stages.HEADER_CONVERTER, executingClass: name(c.header), sourceRecord: describe() }, () => {
      const m = new Map<Buffer, Buffer>()
      for (const h of r.headers) m.set(Buffer.from(h.key), toBuffer(c.header.fromConnectHeader(r.topic, h.key, h.schema, h.value)) ?? Buffer.alloc(0))
      return m
    })
    if (headers instanceof Promise) headers = await headers
    if (headers === SKIPPED) return SKIPPED
  }
  const msg: MessageToProduce<Buffer, Buffer, Buffer, Buffer> = { topic: r.topic, key: toBuffer(key), value: toBuffer(value) }
  if (headers !== undefined) msg.headers = headers
  if (r.kafkaPartition !== null) msg.partition = r.kafkaPartition
  if (r.timestamp !== null) msg.timestamp = BigInt(r.timestamp)
  return msg
}

export function consumedOf (m: Message<Buffer, Buffer, Buffer, Buffer>): ConsumedRecord {
  return {
    topic: m.topic,
    partition: m.partition,
    offset: Number(m.offset),
    timestamp: m.timestamp === undefined ? null : Number(m.timestamp),
    key: m.key === undefined || m.key === null ? null : m.key,
    value: m.value === undefined || m.value === null ? null : m.value,
    headers: m.headerEntries ?? [...m.headers],
  }
}

const emptyToNull = (b: Buffer | null): Buffer | null => b

/** Consumed bytes → SinkRecord; SKIPPED when a tolerated conversion failed. */
export async function messageToSinkRecord (m: ConsumedRecord, c: ConverterSet, op: RetryWithToleranceOperator): Promise<SinkRecord | Skipped> {
  let key: Out<{ schema: unknown, value: unknown }> = op.execute({ stage: Stages.KEY_CONVERTER, executingClass: name(c.key), consumed: m }, () => c.key.toConnectData(m.topic, null, emptyToNull(m.key)))
  if (key instanceof Promise) key = await key
  if (key === SKIPPED) return SKIPPED
  let value: Out<{ schema: unknown, value: unknown }> = op.execute({ stage: Stages.VALUE_CONVERTER, executingClass: name(c.value), consumed: m }, () => c.value.toConnectData(m.topic, null, emptyToNull(m.value)))
  if (value instanceof Promise) value = await value
  if (value === SKIPPED) return SKIPPED
  let headers: Out<ConnectHeaders> = new ConnectHeaders()
  if (m.headers.length > 0) {
    headers = op.execute({ stage: Stages.HEADER_CONVERTER, executingClass: name(c.header), consumed: m }, () => {
      const h = new ConnectHeaders()
      for (const [k, v] of m.headers) {
        const key = k.toString('utf8')
        const sv = c.header.toConnectHeader(m.topic, key, v)
        h.add(key, sv.value, sv.schema)
      }
      return h
    })
    if (headers instanceof Promise) headers = await headers
    if (headers === SKIPPED) return SKIPPED
  }
  return new SinkRecord({
    topic: m.topic,
    kafkaPartition: m.partition,
    kafkaOffset: m.offset,
    keySchema: key.schema as SinkRecord['keySchema'],
    key: key.value,
    valueSchema: value.schema as SinkRecord['valueSchema'],
    value: value.value,
    timestamp: m.timestamp,
    timestampType: m.timestamp === null ? TimestampType.NO_TIMESTAMP_TYPE : TimestampType.CREATE_TIME,
    headers,
  })
}
