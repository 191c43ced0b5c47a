// Connector and task statuses (Kafka's status backing store). Standalone keeps them in memory, as
// Kafka's MemoryStatusBackingStore does; the shape matches the status-topic records
// (state, trace, worker_id, generation) so a topic-backed store can replace it.
import type { State } from '../herder/entities.ts'

export interface StatusRecord { state: State, trace: string | null, workerId: string, generation: number }

export class StatusStore {
  readonly #connectors = new Map<string, StatusRecord>()
  readonly #tasks = new Map<string, Map<number, StatusRecord>>()
  readonly #listeners: Array<(kind: 'connector' | 'task', name: string, task: number | null, status: StatusRecord | null) => void> = []

  onChange (fn: (kind: 'connector' | 'task', name: string, task: number | null, status: StatusRecord | null) => void): void {
    this.#listeners.push(fn)
  }

  putConnector (name: string, status: StatusRecord): void {
    this.#connectors.set(name, status)
    for (const l of this.#listeners) l('connector', name, null, status)
  }

  putTask (name: string, task: number, status: StatusRecord): void {
    let m = this.#tasks.get(name)
    if (m === undefined) { m = new Map(); this.#tasks.set(name, m) }
    m.set(task, status)
    for (const l of this.#listeners) l('task', name, task, status)
  }

  connector (name: string): StatusRecord | undefined { return this.#connectors.get(name) }
  task (name: string, task: number): StatusRecord | undefined { return this.#tasks.get(name)?.get(task) }
  tasks (name: string): Array<[number, StatusRecord]> { return [...(this.#tasks.get(name) ?? [])].sort((a, b) => a[0] - b[0]) }

  /** DESTROYED: the status disappears (a tombstone in the status topic). */
  removeTask (name: string, task: number): void {
    this.#tasks.get(name)?.delete(task)
    for (const l of this.#listeners) l('task', name, task, null)
  }

  removeConnector (name: string): void {
    this.#connectors.delete(name)
    for (const [t] of this.tasks(name)) this.removeTask(name, t)
    this.#tasks.delete(name)
    for (const l of this.#listeners) l('connector', name, null, null)
  }
}
