// A record consumed from Kafka and handed to a SinkTask. The original topic/partition/offset
// survive transforms that rename the topic (KIP-793) so offsets are committed to the right place.
import type { ConnectRecordInit } from './connect-record.ts'
import { ConnectRecord } from './connect-record.ts'

export const TimestampType = {
  NO_TIMESTAMP_TYPE: 'NoTimestampType',
  CREATE_TIME: 'CreateTime',
  LOG_APPEND_TIME: 'LogAppendTime',
} as const
export type TimestampType = (typeof TimestampType)[keyof typeof TimestampType]

export interface SinkRecordInit extends ConnectRecordInit {
  kafkaPartition: number
  kafkaOffset: number
  timestampType?: TimestampType
  originalTopic?: string
  originalKafkaPartition?: number
  originalKafkaOffset?: number
}

export class SinkRecord extends ConnectRecord {
  readonly kafkaOffset: number
  readonly timestampType: TimestampType
  readonly originalTopic: string
  readonly originalKafkaPartition: number
  readonly originalKafkaOffset: number

  constructor(init: SinkRecordInit) {
    super(init)
    this.kafkaOffset = init.kafkaOffset
    this.timestampType = init.timestampType ?? TimestampType.NO_TIMESTAMP_TYPE
    this.originalTopic = init.originalTopic ?? init.topic
    this.originalKafkaPartition = init.originalKafkaPartition ?? init.kafkaPartition
    this.originalKafkaOffset = init.originalKafkaOffset ?? init.kafkaOffset
  }

  protected override withChanges(init: ConnectRecordInit): SinkRecord {
    return new SinkRecord({
      ...init,
      kafkaPartition: init.kafkaPartition ?? this.kafkaPartition!,
      kafkaOffset: this.kafkaOffset,
      timestampType: this.timestampType,
      originalTopic: this.originalTopic,
      originalKafkaPartition: this.originalKafkaPartition,
      originalKafkaOffset: this.originalKafkaOffset,
    })
  }

  override toString(): string {
    return `SinkRecord{kafkaOffset=${this.kafkaOffset}, timestampType=${this.timestampType}, originalTopic=${this.originalTopic}, ` +
      `originalKafkaPartition=${this.originalKafkaPartition}, originalKafkaOffset=${this.originalKafkaOffset}} ${super.toString()}`
  }

  override equals(other: unknown): boolean {
    const o = other as SinkRecord
    return super.equals(other) && this.kafkaOffset === o.kafkaOffset && this.timestampType === o.timestampType
  }
}
