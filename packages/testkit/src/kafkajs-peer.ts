// KafkaJS 2.2.4 as a test peer. KafkaJS ships only gzip; zstd is registered here from node:zlib
// (Node 24 has it), which is exactly what KafkaJS's codec plugins do with a native library.
import { promisify } from 'node:util'
import { zstdCompress, zstdDecompress } from 'node:zlib'
import kafkajs from 'kafkajs'
import type { Kafka as KafkaClient } from 'kafkajs'
import type { ConsumedRecord, Header, TestRecord } from './test-records.ts'

const { Kafka, CompressionTypes, CompressionCodecs, Partitioners, logLevel } = kafkajs
const compress = promisify(zstdCompress)
const decompress = promisify(zstdDecompress)

CompressionCodecs[CompressionTypes.ZSTD] = () => ({
  compress: (encoder: { buffer: Buffer }) => compress(encoder.buffer),
  decompress: (buffer: Buffer) => decompress(buffer),
})

export const kafkajsCompressions = { none: CompressionTypes.None, gzip: CompressionTypes.GZIP, zstd: CompressionTypes.ZSTD } as const

export interface KafkajsProduceOptions {
  topic: string
  records: readonly TestRecord[]
  compression?: keyof typeof kafkajsCompressions
  idempotent?: boolean
  acks?: -1 | 0 | 1
  /** Records per send() call. */
  chunk?: number
}

export interface KafkajsConsumeOptions {
  topic: string
  group: string
  expect: number
  timeoutMs?: number
  readUncommitted?: boolean
  /** After `expect` records, keep collecting this long, so extra records show up too. */
  settleMs?: number
}

export interface KafkajsPeer {
  readonly kafka: KafkaClient
  createTopic (topic: string, partitions: number): Promise<void>
  produce (options: KafkajsProduceOptions): Promise<void>
  /** A group consumer from the earliest offset until `expect` records have arrived. */
  consume (options: KafkajsConsumeOptions): Promise<ConsumedRecord[]>
}

export function kafkajsPeer (bootstrap: string): KafkajsPeer {
  const kafka = new Kafka({ clientId: 'tributary-testkit', brokers: [bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 8 } })
  return {
    kafka,
    async createTopic (topic, partitions) {
      const admin = kafka.admin()
      await admin.connect()
      try {
        await admin.createTopics({ topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }], waitForLeaders: true })
      } finally {
        await admin.disconnect()
      }
    },
    async produce (options) {
      const producer = kafka.producer({
        idempotent: options.idempotent ?? false,
        maxInFlightRequests: options.idempotent === true ? 1 : undefined,
        createPartitioner: Partitioners.DefaultPartitioner,
      })
      await producer.connect()
      try {
        const chunk = options.chunk ?? 1000
        for (let at = 0; at < options.records.length; at += chunk) {
          await producer.send({
            topic: options.topic,
            acks: options.acks ?? -1,
            compression: kafkajsCompressions[options.compression ?? 'none'],
            messages: options.records.slice(at, at + chunk).map((record) => ({
              key: record.key,
              value: record.value,
              headers: Object.fromEntries(record.headers.map(([key, value]) => [key, value ?? undefined])),
            })),
          })
        }
      } finally {
        await producer.disconnect()
      }
    },
    async consume (options) {
      const consumer = kafka.consumer({ groupId: options.group, readUncommitted: options.readUncommitted ?? false })
      const records: ConsumedRecord[] = []
      await consumer.connect()
      try {
        await consumer.subscribe({ topic: options.topic, fromBeginning: true })
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`KafkaJS consumed ${records.length} of ${options.expect} records in time`)), options.timeoutMs ?? 120_000)
          consumer.run({
            eachBatch: async ({ batch }) => {
              for (const message of batch.messages) {
                const headers: Header[] = Object.entries(message.headers ?? {}).map(([key, value]) => [key, value === undefined ? null : String(value)])
                records.push({
                  partition: batch.partition,
                  offset: Number(message.offset),
                  key: message.key?.toString() ?? null,
                  value: message.value?.toString() ?? null,
                  headers,
                })
              }
              if (records.length >= options.expect) {
                clearTimeout(timer)
                setTimeout(resolve, options.settleMs ?? 0)
              }
            },
          }).catch(reject)
        })
      } finally {
        await consumer.disconnect()
      }
      return records
    },
  }
}
