// KIP-558 active topics: recorded once per (connector, topic) when a task first produces to or
// consumes from it; reset forgets them. Kept with the statuses (status-topic-<t>:connector-<c>).

export class TopicTracker {
  readonly #topics = new Map<string, Map<string, { task: number, discoverTimestamp: number }>>()
  readonly #enabled: boolean

  constructor (enabled: boolean) { this.#enabled = enabled }

  record (connector: string, topic: string, task: number): void {
    if (!this.#enabled) return
    let m = this.#topics.get(connector)
    if (m === undefined) { m = new Map(); this.#topics.set(connector, m) }
    if (!m.has(topic)) m.set(topic, { task, discoverTimestamp: Date.now() })
  }

  topics (connector: string): string[] { return [...(this.#topics.get(connector)?.keys() ?? [])].sort() }
  reset (connector: string): void { this.#topics.delete(connector) }
}
