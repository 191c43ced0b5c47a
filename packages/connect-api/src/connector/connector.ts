// Connector plugins. The runtime calls: initialize(ctx) → validate?/config → start(props) →
// taskClass/taskConfigs(maxTasks) → … → stop(). Methods typed MaybePromise may be async.
import type { ConfigDef } from '../config/config-def.ts'
import type { ConfigValue } from '../config/config-value.ts'
import type { ConfigProps, MaybePromise } from '../maybe-promise.ts'
import type { SourceTask } from './source-task.ts'
import type { SinkTask } from './sink-task.ts'
import type { SourcePartition, SourceOffset } from '../record/source-record.ts'

export interface ConnectorContext {
  /** Ask the runtime to call taskConfigs() again (e.g. the source's tables changed). */
  requestTaskReconfiguration(): void
  /** Fail the connector with this error. */
  raiseError(error: Error): void
}

/** A task class the runtime instantiates with `new`. */
export type TaskClass<T> = new () => T

export abstract class Connector {
  #context: ConnectorContext | null = null

  initialize(context: ConnectorContext): void {
    this.#context = context
  }

  get context(): ConnectorContext {
    if (this.#context === null) throw new Error('Connector context used before initialize()')
    return this.#context
  }

  /** The plugin version shown by GET /connector-plugins; "undefined" hides it. */
  abstract version(): string
  abstract start(props: ConfigProps): MaybePromise<void>
  abstract taskClass(): TaskClass<SourceTask | SinkTask>
  /** At most maxTasks configs, one per task to run. */
  abstract taskConfigs(maxTasks: number): MaybePromise<ConfigProps[]>
  abstract stop(): MaybePromise<void>
  abstract config(): ConfigDef

  /** Per-key validation of the connector's own keys; override for cross-key rules. */
  validate(props: ConfigProps): MaybePromise<ConfigValue[]> {
    return this.config().validate(props)
  }

  reconfigure(props: ConfigProps): MaybePromise<void> {
    return (async () => {
      await this.stop()
      await this.start(props)
    })()
  }
}

export const ExactlyOnceSupport = { SUPPORTED: 'SUPPORTED', UNSUPPORTED: 'UNSUPPORTED' } as const
export type ExactlyOnceSupport = (typeof ExactlyOnceSupport)[keyof typeof ExactlyOnceSupport]

export const ConnectorTransactionBoundaries = { SUPPORTED: 'SUPPORTED', UNSUPPORTED: 'UNSUPPORTED' } as const
export type ConnectorTransactionBoundaries = (typeof ConnectorTransactionBoundaries)[keyof typeof ConnectorTransactionBoundaries]

/** Offsets as given to alterOffsets: partition → offset, a null offset meaning "reset". */
export type SourceOffsetsToAlter = ReadonlyArray<{ partition: SourcePartition; offset: SourceOffset | null }>
export type SinkOffsetsToAlter = ReadonlyArray<{ topic: string; partition: number; offset: number | null }>

export abstract class SourceConnector extends Connector {
  abstract override taskClass(): TaskClass<SourceTask>

  /** KIP-618; null means "unknown", like Kafka's default. */
  exactlyOnceSupport(_props: ConfigProps): ExactlyOnceSupport | null {
    return null
  }

  canDefineTransactionBoundaries(_props: ConfigProps): ConnectorTransactionBoundaries {
    return ConnectorTransactionBoundaries.UNSUPPORTED
  }

  /** KIP-875: return true if the connector accepts the new offsets (or throws to reject). */
  alterOffsets(_props: ConfigProps, _offsets: SourceOffsetsToAlter): MaybePromise<boolean> {
    return false
  }
}

export abstract class SinkConnector extends Connector {
  /** The key listing the topics a sink consumes (and topics.regex). */
  static readonly TOPICS_CONFIG = 'topics'
  static readonly TOPICS_REGEX_CONFIG = 'topics.regex'

  abstract override taskClass(): TaskClass<SinkTask>

  alterOffsets(_props: ConfigProps, _offsets: SinkOffsetsToAlter): MaybePromise<boolean> {
    return false
  }
}
