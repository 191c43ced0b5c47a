// Committed offsets per group and topic-partition, plus offsets staged by open transactions
// (TxnOffsetCommit) that become committed when the transaction commits and vanish on abort.

export interface CommittedOffset {
  offset: number
  leaderEpoch: number
  metadata: string
  commitTimestamp: number
}

export interface TopicPartitionOffset extends CommittedOffset { topic: string; partition: number }

const key = (topic: string, partition: number): string => `${partition}:${topic}`

export class CommittedOffsets {
  readonly #committed = new Map<string, Map<string, TopicPartitionOffset>>()
  /** group → producer id → staged offsets. */
  readonly #pending = new Map<string, Map<number, Map<string, TopicPartitionOffset>>>()

  get (groupId: string, topic: string, partition: number): TopicPartitionOffset | undefined {
    return this.#committed.get(groupId)?.get(key(topic, partition))
  }

  all (groupId: string): TopicPartitionOffset[] {
    return [...this.#committed.get(groupId)?.values() ?? []]
  }

  groups (): string[] {
    return [...this.#committed.keys()]
  }

  commit (groupId: string, offsets: readonly TopicPartitionOffset[]): void {
    if (offsets.length === 0) return
    let group = this.#committed.get(groupId)
    if (!group) this.#committed.set(groupId, group = new Map())
    for (const o of offsets) group.set(key(o.topic, o.partition), { ...o })
  }

  delete (groupId: string, partitions: ReadonlyArray<{ topic: string; partition: number }>): void {
    const group = this.#committed.get(groupId)
    if (!group) return
    for (const p of partitions) group.delete(key(p.topic, p.partition))
    if (group.size === 0) this.#committed.delete(groupId)
  }

  deleteGroup (groupId: string): void {
    this.#committed.delete(groupId)
  }

  stage (groupId: string, producerId: number, offsets: readonly TopicPartitionOffset[]): void {
    let byProducer = this.#pending.get(groupId)
    if (!byProducer) this.#pending.set(groupId, byProducer = new Map())
    let staged = byProducer.get(producerId)
    if (!staged) byProducer.set(producerId, staged = new Map())
    for (const o of offsets) staged.set(key(o.topic, o.partition), { ...o })
  }

  /** Ends a producer's staged offsets for a group: committed ones become visible, aborted ones vanish. */
  completeStaged (groupId: string, producerId: number, commit: boolean): void {
    const byProducer = this.#pending.get(groupId)
    const staged = byProducer?.get(producerId)
    if (!byProducer || !staged) return
    byProducer.delete(producerId)
    if (byProducer.size === 0) this.#pending.delete(groupId)
    if (commit) this.commit(groupId, [...staged.values()])
  }

  staged (groupId: string, producerId: number): TopicPartitionOffset[] {
    return [...this.#pending.get(groupId)?.get(producerId)?.values() ?? []]
  }

  stagedProducers (groupId: string): number[] {
    return [...this.#pending.get(groupId)?.keys() ?? []]
  }

  pendingGroups (): string[] {
    return [...this.#pending.keys()]
  }

  hasStaged (groupId: string, topic: string, partition: number): boolean {
    const byProducer = this.#pending.get(groupId)
    if (!byProducer) return false
    const k = key(topic, partition)
    for (const staged of byProducer.values()) if (staged.has(k)) return true
    return false
  }
}
