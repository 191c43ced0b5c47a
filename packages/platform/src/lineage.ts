// Lineage graph: external systems → source connectors → topics → sink connectors → external systems.
// Topic edges come from actual topic usage (GET /connectors/{c}/topics, KIP-558), so a RegexRouter
// rename shows the topic really written. Until a connector has touched a topic we fall back to the
// topics its config declares and mark those edges `observed: false`.
import { externalSystemOf } from './external-system.ts'
import type { ConfigMap } from './config-diff.ts'

export interface LineagePipeline {
  name: string
  type: 'source' | 'sink' | 'unknown'
  config: ConfigMap
  /** Active topics reported by topic tracking. */
  topics: readonly string[]
  state?: string
}

export type LineageNodeKind = 'system' | 'source' | 'sink' | 'connector' | 'topic'

export interface LineageNode {
  id: string
  kind: LineageNodeKind
  label: string
  /** Column in a left-to-right layout: 0 systems in, 1 sources, 2 topics, 3 sinks, 4 systems out. */
  column: number
  state?: string
  systemKind?: string
}

export interface LineageEdge {
  from: string
  to: string
  observed: boolean
  /** A sink's dead letter queue: records it could not process go back into this topic. */
  dlq?: boolean
}

export interface LineageGraph {
  nodes: LineageNode[]
  edges: LineageEdge[]
}

export interface LineageFocus {
  pipeline?: string
  topic?: string
}

export const connectorNodeId = (name: string): string => `connector:${name}`
export const topicNodeId = (name: string): string => `topic:${name}`

function declaredTopics (p: LineagePipeline): string[] {
  const c = p.config
  const raw = p.type === 'source' ? (c.topic ?? c.topics ?? '') : (c.topics ?? '')
  return raw.split(',').map(t => t.trim()).filter(t => t !== '')
}

export function buildLineage (pipelines: readonly LineagePipeline[], focus: LineageFocus = {}): LineageGraph {
  const nodes = new Map<string, LineageNode>()
  const edges = new Map<string, LineageEdge>()
  const addNode = (n: LineageNode): void => { if (!nodes.has(n.id)) nodes.set(n.id, n) }
  const addEdge = (from: string, to: string, observed: boolean, dlq = false): void => {
    const key = `${from}\u0000${to}`
    const existing = edges.get(key)
    if (existing) existing.observed ||= observed
    else edges.set(key, { from, to, observed, ...(dlq ? { dlq } : {}) })
  }

  for (const p of pipelines) {
    const kind: LineageNodeKind = p.type === 'unknown' ? 'connector' : p.type
    const id = connectorNodeId(p.name)
    addNode({ id, kind, label: p.name, column: p.type === 'sink' ? 3 : 1, ...(p.state ? { state: p.state } : {}) })
    const observed = p.topics.length > 0
    const topics = observed ? p.topics : declaredTopics(p)
    const system = externalSystemOf(p.name, p.config)
    if (p.type === 'sink') {
      const sysId = `${system.id}>out`
      addNode({ id: sysId, kind: 'system', label: system.label, column: 4, systemKind: system.kind })
      addEdge(id, sysId, true)
      for (const t of topics) {
        addNode({ id: topicNodeId(t), kind: 'topic', label: t, column: 2 })
        addEdge(topicNodeId(t), id, observed)
      }
      const dlq = p.config['errors.deadletterqueue.topic.name']?.trim()
      if (dlq) {
        addNode({ id: topicNodeId(dlq), kind: 'topic', label: dlq, column: 2 })
        addEdge(id, topicNodeId(dlq), false, true)
      }
    } else {
      const sysId = `${system.id}>in`
      addNode({ id: sysId, kind: 'system', label: system.label, column: 0, systemKind: system.kind })
      addEdge(sysId, id, true)
      for (const t of topics) {
        addNode({ id: topicNodeId(t), kind: 'topic', label: t, column: 2 })
        addEdge(id, topicNodeId(t), observed)
      }
    }
  }

  const graph: LineageGraph = { nodes: [...nodes.values()], edges: [...edges.values()] }
  const start = focus.pipeline !== undefined ? connectorNodeId(focus.pipeline) : focus.topic !== undefined ? topicNodeId(focus.topic) : undefined
  return start === undefined ? graph : focusOn(graph, start)
}

/** Keeps what flows into the start node and what flows out of it (ancestors and descendants). */
function focusOn (graph: LineageGraph, start: string): LineageGraph {
  if (!graph.nodes.some(n => n.id === start)) return { nodes: [], edges: [] }
  const keep = new Set<string>([start])
  const walk = (next: (e: LineageEdge) => [string, string]): void => {
    const queue = [start]
    const visited = new Set(queue)
    while (queue.length > 0) {
      const current = queue.shift() as string
      for (const e of graph.edges) {
        const [here, there] = next(e)
        if (here === current && !visited.has(there)) { visited.add(there); keep.add(there); queue.push(there) }
      }
    }
  }
  walk(e => [e.from, e.to])
  walk(e => [e.to, e.from])
  return {
    nodes: graph.nodes.filter(n => keep.has(n.id)),
    edges: graph.edges.filter(e => keep.has(e.from) && keep.has(e.to)),
  }
}
