// A Connector instance and its target-state machine: STARTED (start called) / PAUSED and STOPPED
// (stop called) / FAILED (start, stop or taskConfigs threw, or raiseError). A failed connector
// only leaves FAILED by being stopped, restarted or reconfigured, as in Kafka.
import type { Connector } from '@tributary/connect-api'
import type { Logger } from 'pino'
import type { TargetState } from '../stores/config-store.ts'

export interface ConnectorStatusListener {
  onRunning (connector: string): void
  onPaused (connector: string): void
  onStopped (connector: string): void
  onFailure (connector: string, error: unknown): void
  onShutdown (connector: string): void
}

type Phase = 'INIT' | 'STARTED' | 'PAUSED' | 'STOPPED' | 'FAILED'

export class WorkerConnector {
  readonly name: string
  readonly connector: Connector
  readonly #props: Record<string, string>
  readonly #listener: ConnectorStatusListener
  readonly #log: Logger
  #phase: Phase = 'INIT'

  constructor (name: string, connector: Connector, props: Record<string, string>, listener: ConnectorStatusListener, log: Logger, onReconfigure: () => void) {
    this.name = name
    this.connector = connector
    this.#props = props
    this.#listener = listener
    this.#log = log
    connector.initialize({
      requestTaskReconfiguration: onReconfigure,
      raiseError: (error: Error) => { void this.#fail(error) },
    })
  }

  get failed (): boolean { return this.#phase === 'FAILED' }
  get started (): boolean { return this.#phase === 'STARTED' }

  async transitionTo (target: TargetState): Promise<void> {
    if (this.#phase === 'FAILED' && target !== 'STOPPED') return
    if (target === 'STARTED') {
      if (this.#phase === 'STARTED') return
      try {
        await this.connector.start(this.#props)
        this.#phase = 'STARTED'
        this.#listener.onRunning(this.name)
      } catch (err) {
        await this.#fail(err)
      }
      return
    }
    // PAUSED and STOPPED both suspend the Connector instance (Connector.stop()).
    if (this.#phase === 'STARTED') {
      try {
        await this.connector.stop()
      } catch (err) {
        this.#log.error({ err }, `Error while stopping connector ${this.name}`)
        if (target !== 'STOPPED') { await this.#fail(err); return }
      }
    }
    this.#phase = target
    if (target === 'PAUSED') this.#listener.onPaused(this.name)
    else this.#listener.onStopped(this.name)
  }

  async #fail (err: unknown): Promise<void> {
    this.#log.error({ err }, `Connector ${this.name} failed`)
    this.#phase = 'FAILED'
    this.#listener.onFailure(this.name, err)
  }

  async failWith (err: unknown): Promise<void> {
    if (this.#phase === 'STARTED') await Promise.resolve(this.connector.stop()).catch(() => {})
    await this.#fail(err)
  }

  /** Final shutdown (delete, restart, worker stop): stop the instance if it runs. */
  async shutdown (): Promise<void> {
    if (this.#phase === 'STARTED') {
      try {
        await this.connector.stop()
      } catch (err) {
        this.#log.error({ err }, `Error while shutting down connector ${this.name}`)
      }
    }
    this.#phase = 'INIT'
  }
}
