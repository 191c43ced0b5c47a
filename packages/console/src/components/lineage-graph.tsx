// Lineage as an SVG graph in five columns: systems in → sources → topics → sinks → systems out.
// Rows are ordered by the average row of each node's neighbours (two sweeps) to keep lines short.
// Nodes are links, so the graph is walkable with Tab and Enter.
import type { LineageEdge, LineageGraph, LineageNode } from '../api/types.ts'
import { href } from '../router.ts'

const COL_W = 210
const NODE_W = 170
const NODE_H = 40
const ROW_H = 58
const TOP = 34

const COLUMN_TITLES = ['Source systems', 'Source connectors', 'Topics', 'Sink connectors', 'Sink systems']

function layout (graph: LineageGraph): Map<string, { x: number, y: number }> {
  const columns: LineageNode[][] = [[], [], [], [], []]
  for (const n of graph.nodes) columns[Math.min(4, Math.max(0, n.column))].push(n)
  const row = new Map<string, number>()
  columns.forEach(col => col.forEach((n, i) => row.set(n.id, i)))
  const neighbours = (id: string): string[] => graph.edges.flatMap((e: LineageEdge) => e.from === id ? [e.to] : e.to === id ? [e.from] : [])
  for (let sweep = 0; sweep < 2; sweep++) {
    for (const col of columns) {
      const score = (n: LineageNode): number => {
        const rows = neighbours(n.id).map(id => row.get(id) ?? 0)
        return rows.length === 0 ? (row.get(n.id) ?? 0) : rows.reduce((a, b) => a + b, 0) / rows.length
      }
      col.sort((a, b) => score(a) - score(b) || a.label.localeCompare(b.label))
      col.forEach((n, i) => row.set(n.id, i))
    }
  }
  const pos = new Map<string, { x: number, y: number }>()
  columns.forEach((col, c) => col.forEach((n, i) => pos.set(n.id, { x: 10 + c * COL_W, y: TOP + i * ROW_H })))
  return pos
}

function linkOf (n: LineageNode): string | undefined {
  if (n.kind === 'topic') return href.lineage({ topic: n.label })
  if (n.kind === 'source' || n.kind === 'sink' || n.kind === 'connector') return href.detail(n.label)
  return undefined
}

function short (label: string): string {
  return label.length > 21 ? `…${label.slice(-20)}` : label
}

export function LineageGraphView ({ graph }: { graph: LineageGraph }) {
  if (graph.nodes.length === 0) return <p className="empty">No lineage yet: create a pipeline and it appears here once it runs.</p>
  const pos = layout(graph)
  const rows = Math.max(...[...pos.values()].map(p => (p.y - TOP) / ROW_H)) + 1
  const width = 10 + 4 * COL_W + NODE_W + 10
  const height = TOP + rows * ROW_H + 24
  return (
    <svg className="lineage" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="group" aria-label="Lineage graph">
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" className="arrow" />
        </marker>
      </defs>
      {COLUMN_TITLES.map((t, c) => <text key={t} x={10 + c * COL_W} y={18} className="column-title">{t}</text>)}
      {graph.edges.map(e => {
        const a = pos.get(e.from)
        const b = pos.get(e.to)
        if (!a || !b) return null
        if (b.x < a.x) {
          // Backwards (a sink's dead letter queue): loop under the nodes, bottom to bottom.
          const x1 = a.x + NODE_W / 2
          const y1 = a.y + NODE_H
          const x2 = b.x + NODE_W / 2
          const y2 = b.y + NODE_H
          const low = Math.max(y1, y2) + 16
          return (
            <path key={`${e.from}->${e.to}`} data-edge={`${e.from}->${e.to}`} className="edge edge-dlq"
              d={`M ${x1} ${y1} C ${x1} ${low}, ${x2} ${low}, ${x2} ${y2}`} markerEnd="url(#arrow)">
              <title>{e.dlq ? 'dead letter queue: records this sink could not process' : 'flows back'}</title>
            </path>
          )
        }
        const x1 = a.x + NODE_W
        const y1 = a.y + NODE_H / 2
        const x2 = b.x
        const y2 = b.y + NODE_H / 2
        const mid = (x1 + x2) / 2
        return (
          <path key={`${e.from}->${e.to}`} data-edge={`${e.from}->${e.to}`} className={e.observed ? 'edge' : 'edge edge-declared'}
            d={`M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`} markerEnd="url(#arrow)">
            <title>{e.observed ? 'observed topic usage' : 'declared in config, not used yet'}</title>
          </path>
        )
      })}
      {graph.nodes.map(n => {
        const p = pos.get(n.id)
        if (!p) return null
        const body = (
          <g className={`node node-${n.kind}`} data-node-id={n.id} transform={`translate(${p.x} ${p.y})`}>
            <rect width={NODE_W} height={NODE_H} rx={n.kind === 'topic' ? 20 : 6} />
            <text x={10} y={16} className="node-kind">{n.kind === 'system' ? (n.systemKind ?? 'system') : n.kind}{n.state ? ` · ${n.state}` : ''}</text>
            <text x={10} y={32} className="node-label">{short(n.label)}</text>
            <title>{n.label}</title>
          </g>
        )
        const link = linkOf(n)
        return link ? <a key={n.id} href={link} aria-label={`${n.kind} ${n.label}`}>{body}</a> : <g key={n.id}>{body}</g>
      })}
    </svg>
  )
}
