// The record every plugin sees. Immutable by convention: `newRecord` returns a copy with changes,
// keeping the subclass's own fields (source offsets, sink offsets) and duplicating headers.
import type { Schema } from '../model/schema.ts'
import type { Header } from '../header/connect-headers.ts'
import { ConnectHeaders } from '../header/connect-headers.ts'
import { valuesEqual } from '../model/values-equal.ts'
import { javaToString } from '../model/java-to-string.ts'

export interface ConnectRecordInit {
  topic: string
  kafkaPartition?: number | null
  keySchema?: Schema | null
  key?: unknown
  valueSchema?: Schema | null
  value?: unknown
  /** Milliseconds since the epoch, or null. */
  timestamp?: number | null
  headers?: ConnectHeaders | Iterable<Header> | null
}

/** What `newRecord` may change; absent keys keep the current value. */
export type RecordChanges = Partial<ConnectRecordInit>

export abstract class ConnectRecord {
  readonly topic: string
  readonly kafkaPartition: number | null
  readonly keySchema: Schema | null
  readonly key: unknown
  readonly valueSchema: Schema | null
  readonly value: unknown
  readonly timestamp: number | null
  readonly headers: ConnectHeaders

  constructor(init: ConnectRecordInit) {
    this.topic = init.topic
    this.kafkaPartition = init.kafkaPartition ?? null
    this.keySchema = init.keySchema ?? null
    this.key = init.key ?? null
    this.valueSchema = init.valueSchema ?? null
    this.value = init.value ?? null
    this.timestamp = init.timestamp ?? null
    this.headers = init.headers instanceof ConnectHeaders ? init.headers : new ConnectHeaders(init.headers ?? undefined)
  }

  /** A copy of this record with `changes` applied (same class, same source/sink bookkeeping). */
  newRecord(changes: RecordChanges = {}): this {
    return this.withChanges({
      topic: 'topic' in changes ? changes.topic! : this.topic,
      kafkaPartition: 'kafkaPartition' in changes ? changes.kafkaPartition : this.kafkaPartition,
      keySchema: 'keySchema' in changes ? changes.keySchema : this.keySchema,
      key: 'key' in changes ? changes.key : this.key,
      valueSchema: 'valueSchema' in changes ? changes.valueSchema : this.valueSchema,
      value: 'value' in changes ? changes.value : this.value,
      timestamp: 'timestamp' in changes ? changes.timestamp : this.timestamp,
      headers: changes.headers != null ? changes.headers : this.headers.duplicate(),
    }) as this
  }

  protected abstract withChanges(init: ConnectRecordInit): ConnectRecord

  /** Kafka's ConnectRecord.toString (appears in error messages such as TimestampRouter's). */
  toString(): string {
    const q = (v: unknown, schema: Schema | null): string => javaToString(v, schema)
    return `ConnectRecord{topic='${this.topic}', kafkaPartition=${this.kafkaPartition}, key=${q(this.key, this.keySchema)}, ` +
      `keySchema=${String(this.keySchema)}, value=${q(this.value, this.valueSchema)}, valueSchema=${String(this.valueSchema)}, ` +
      `timestamp=${this.timestamp}, headers=${this.headers.toString()}}`
  }

  equals(other: unknown): boolean {
    if (!(other instanceof ConnectRecord) || other.constructor !== this.constructor) return false
    return (
      this.topic === other.topic &&
      this.kafkaPartition === other.kafkaPartition &&
      this.timestamp === other.timestamp &&
      schemaEq(this.keySchema, other.keySchema) &&
      schemaEq(this.valueSchema, other.valueSchema) &&
      valuesEqual(this.key, other.key) &&
      valuesEqual(this.value, other.value) &&
      this.headers.equals(other.headers)
    )
  }
}

function schemaEq(a: Schema | null, b: Schema | null): boolean {
  return a === null || b === null ? a === b : a.equals(b)
}
