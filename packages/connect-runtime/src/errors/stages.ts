// Where in the pipeline an error happened (Kafka's errors.Stage), and what a failure carries.

export const Stages = {
  TASK_POLL: 'TASK_POLL',
  TASK_PUT: 'TASK_PUT',
  TRANSFORMATION: 'TRANSFORMATION',
  KEY_CONVERTER: 'KEY_CONVERTER',
  VALUE_CONVERTER: 'VALUE_CONVERTER',
  HEADER_CONVERTER: 'HEADER_CONVERTER',
  KAFKA_PRODUCE: 'KAFKA_PRODUCE',
  KAFKA_CONSUME: 'KAFKA_CONSUME',
} as const
export type Stage = typeof Stages[keyof typeof Stages]

/** The raw record a sink task consumed (what goes to the DLQ, untouched). */
export interface ConsumedRecord {
  topic: string
  partition: number
  offset: number
  timestamp: number | null
  key: Buffer | null
  value: Buffer | null
  headers: Array<[Buffer, Buffer]>
}

export interface ErrorContext {
  stage: Stage
  executingClass: string
  error: unknown
  consumed?: ConsumedRecord
  /** A printable view of a source record (source tasks have no raw bytes yet), built only when reported. */
  sourceRecord?: () => string
}

export interface ErrorReporter {
  report (ctx: ErrorContext): Promise<void>
}

/** Kafka's class name for an error: connect-api errors carry it, anything else is a plain exception. */
export function kafkaClassName (err: unknown): string {
  if (err !== null && typeof err === 'object' && 'kafkaClassName' in err && typeof err.kafkaClassName === 'string') return err.kafkaClassName
  return err instanceof Error ? `java.lang.${err.name === 'TypeError' || err.name === 'RangeError' ? 'IllegalArgumentException' : 'RuntimeException'}` : 'java.lang.RuntimeException'
}

/** A stack trace in the spirit of Java's printStackTrace: "<class>: <message>" then frames, then causes. */
export function traceOf (err: unknown): string {
  const lines: string[] = []
  let cur: unknown = err
  let first = true
  for (let depth = 0; cur !== undefined && cur !== null && depth < 8; depth++) {
    const msg = cur instanceof Error ? cur.message : String(cur)
    const head = `${first ? '' : 'Caused by: '}${kafkaClassName(cur)}: ${msg}`
    lines.push(head)
    if (cur instanceof Error && cur.stack !== undefined) {
      for (const l of cur.stack.split('\n').slice(1)) lines.push('\t' + l.trim())
    }
    first = false
    cur = cur instanceof Error ? cur.cause : undefined
  }
  return lines.join('\n')
}
