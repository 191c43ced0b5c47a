// What source and sink tasks share: run once (start → loop → close), pause/resume by target
// state, a graceful stop with a time budget, and status reporting. A task that throws fails
// alone: its status becomes FAILED with the trace, and nothing else in the worker is touched.
import type { Logger } from 'pino'
import type { TargetState } from '../stores/config-store.ts'

export interface TaskStatusListener {
  onRunning (connector: string, task: number): void
  onPaused (connector: string, task: number): void
  onFailure (connector: string, task: number, error: unknown): void
  onShutdown (connector: string, task: number): void
}

export interface WorkerTaskOptions {
  connector: string
  task: number
  targetState: TargetState
  listener: TaskStatusListener
  log: Logger
}

export abstract class WorkerTask {
  readonly connector: string
  readonly task: number
  protected readonly log: Logger
  readonly #listener: TaskStatusListener
  #target: TargetState
  #stopping = false
  #started = false
  #failed = false
  #wakers: Array<() => void> = []
  #done: Promise<void> = Promise.resolve()

  constructor (o: WorkerTaskOptions) {
    this.connector = o.connector
    this.task = o.task
    this.#target = o.targetState
    this.#listener = o.listener
    this.log = o.log
  }

  get id (): string { return `${this.connector}-${this.task}` }
  protected get stopping (): boolean { return this.#stopping }
  protected get paused (): boolean { return this.#target === 'PAUSED' }

  start (): void {
    this.#done = this.#run()
  }

  async #run (): Promise<void> {
    try {
      await this.initializeAndStart()
      this.#started = true
      if (this.#stopping) return
      if (this.paused) this.#listener.onPaused(this.connector, this.task)
      else this.#listener.onRunning(this.connector, this.task)
      await this.execute()
    } catch (err) {
      if (!this.#stopping || !this.#started) {
        this.#failed = true
        this.log.error({ err }, `${this.kind} ${this.id} threw an uncaught and unrecoverable exception. Task is being killed and will not recover until manually restarted`)
        this.#listener.onFailure(this.connector, this.task, err)
      }
    } finally {
      try {
        await this.close()
      } catch (err) {
        this.log.warn({ err }, `Could not close ${this.kind} ${this.id} cleanly`)
      }
      if (!this.#failed) this.#listener.onShutdown(this.connector, this.task)
    }
  }

  setTargetState (state: TargetState): void {
    if (state === this.#target || this.#failed) return
    this.#target = state
    if (state === 'STARTED') {
      this.#wake()
      if (this.#started) this.#listener.onRunning(this.connector, this.task)
    } else if (state === 'PAUSED') {
      this.#wake()
      if (this.#started) this.#listener.onPaused(this.connector, this.task)
    }
  }

  /** Asks the loop to finish; resolves when it did, or when the budget ran out (the task is then abandoned). */
  async stop (timeoutMs: number): Promise<boolean> {
    if (!this.#stopping) {
      this.#stopping = true
      this.#wake()
      try {
        await this.onStopRequested()
      } catch (err) {
        this.log.warn({ err }, `Error while asking ${this.kind} ${this.id} to stop`)
      }
    }
    let timer: NodeJS.Timeout | undefined
    const timedOut = await Promise.race([
      this.#done.then(() => false),
      new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(true), timeoutMs) }),
    ])
    clearTimeout(timer)
    if (timedOut) this.log.error(`Graceful stop of ${this.kind} ${this.id} failed.`)
    return !timedOut
  }

  /** Resolves on the next wake-up (target state change, stop, new data) or after ms. */
  protected sleep (ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms)
      function done (): void { clearTimeout(t); resolve() }
      this.#wakers.push(done)
    })
  }

  protected wake (): void { this.#wake() }

  #wake (): void {
    const w = this.#wakers
    this.#wakers = []
    for (const f of w) f()
  }

  protected abstract get kind (): string
  protected abstract initializeAndStart (): Promise<void>
  protected abstract execute (): Promise<void>
  protected abstract onStopRequested (): Promise<void>
  protected abstract close (): Promise<void>
}
