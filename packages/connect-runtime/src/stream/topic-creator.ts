// KIP-158 topic.creation.* for source connectors: before the first send to a topic, pick the first
// group (topic.creation.groups order) whose include matches and exclude does not, else "default",
// and create the topic through the admin client when it does not exist. Existing topics are untouched.
import type { Admin } from '@platformatic/kafka'

interface Group { name: string, include: RegExp[], exclude: RegExp[], partitions: number, replication: number, configs: Record<string, string> }

const list = (v: string | undefined): string[] => v === undefined || v.trim() === '' ? [] : v.split(/\s*,\s*/).filter(Boolean)
const full = (p: string): RegExp => new RegExp(`^(?:${p})$`)

export class TopicCreator {
  readonly #groups: Group[]
  readonly #admin: Admin
  readonly #done = new Set<string>()

  /** null when topic creation does not apply (worker disabled or no topic.creation.* keys). */
  static from (config: Record<string, string>, admin: Admin, workerEnabled: boolean): TopicCreator | null {
    if (!workerEnabled || !Object.keys(config).some((k) => k.startsWith('topic.creation.'))) return null
    const groupOf = (name: string, fallback?: Group): Group => {
      const p = `topic.creation.${name}.`
      const configs: Record<string, string> = {}
      for (const [k, v] of Object.entries(config)) {
        if (!k.startsWith(p)) continue
        const sub = k.slice(p.length)
        if (!['include', 'exclude', 'partitions', 'replication.factor'].includes(sub)) configs[sub] = v
      }
      return {
        name,
        include: name === 'default' ? [/.*/] : list(config[p + 'include']).map(full),
        exclude: list(config[p + 'exclude']).map(full),
        partitions: Number(config[p + 'partitions'] ?? fallback?.partitions ?? -1),
        replication: Number(config[p + 'replication.factor'] ?? fallback?.replication ?? -1),
        configs: { ...fallback?.configs, ...configs },
      }
    }
    const def = groupOf('default')
    const groups = list(config['topic.creation.groups']).filter((g) => g !== 'default').map((g) => groupOf(g, def))
    return new TopicCreator([...groups, def], admin)
  }

  constructor (groups: Group[], admin: Admin) {
    this.#groups = groups
    this.#admin = admin
  }

  async ensure (topic: string): Promise<void> {
    if (this.#done.has(topic)) return
    const existing = await this.#admin.listTopics({ includeInternals: true })
    if (!existing.includes(topic)) {
      const g = this.#groups.find((x) => x.include.some((r) => r.test(topic)) && !x.exclude.some((r) => r.test(topic)))!
      try {
        await this.#admin.createTopics({
          topics: [topic],
          partitions: g.partitions,
          replicas: g.replication,
          configs: Object.entries(g.configs).map(([name, value]) => ({ name, value })),
        })
      } catch (err) {
        // Someone else may have created it meanwhile; only an absent topic is an error.
        const again = await this.#admin.listTopics({ includeInternals: true })
        if (!again.includes(topic)) throw err
      }
    }
    this.#done.add(topic)
  }
}
