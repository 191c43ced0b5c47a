// Sink dead letter queue (errors.deadletterqueue.topic.name): the consumed record's original
// bytes, timestamp and headers are produced to the DLQ topic, plus Kafka's `__connect.errors.*`
// context headers when errors.deadletterqueue.context.headers.enable=true.
import type { Logger } from 'pino'
import type { ByteProducer } from '../kafka/kafka-clients.ts'
import { kafkaClassName, traceOf, type ErrorContext, type ErrorReporter } from './stages.ts'

export interface DlqReporterOptions {
  producer: ByteProducer
  topic: string
  connector: string
  task: number
  contextHeaders: boolean
  log: Logger
  onProduced: () => void
  onFailed: () => void
}

const PREFIX = '__connect.errors.'

export function dlqReporter (o: DlqReporterOptions): ErrorReporter {
  return {
    async report (ctx: ErrorContext) {
      const c = ctx.consumed
      if (c === undefined) return // source-side failures have no consumed bytes; the DLQ is sink-only
      const headers = new Map<Buffer, Buffer>()
      for (const [k, v] of c.headers) headers.set(k, v)
      if (o.contextHeaders) {
        const add = (k: string, v: string): void => { headers.set(Buffer.from(PREFIX + k), Buffer.from(v, 'utf8')) }
        add('topic', c.topic)
        add('partition', String(c.partition))
        add('offset', String(c.offset))
        add('connector.name', o.connector)
        add('task.id', String(o.task))
        add('stage', ctx.stage)
        add('class.name', ctx.executingClass)
        const err = ctx.error
        add('exception.class.name', kafkaClassName(err))
        if (err instanceof Error && err.message !== '') add('exception.message', err.message)
        add('exception.stacktrace', traceOf(err))
      }
      try {
        await o.producer.send({
          messages: [{
            topic: o.topic,
            key: c.key ?? undefined,
            value: c.value ?? undefined,
            headers,
            ...(c.timestamp === null ? {} : { timestamp: BigInt(c.timestamp) }),
          }],
        })
        o.onProduced()
      } catch (err) {
        o.onFailed()
        o.log.error({ err }, `Could not produce message to dead letter queue. topic=${o.topic}`)
      }
    },
  }
}
