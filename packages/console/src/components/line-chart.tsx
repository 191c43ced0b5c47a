// A hand-drawn SVG line chart: a few series over time, enough for records/s and lag.
// No chart library: the console needs lines, axes and a legend, ~100 lines of SVG.
export interface ChartSeries {
  label: string
  color: string
  points: { t: number, v: number }[]
}

const W = 560
const H = 180
const PAD = { left: 48, right: 12, top: 12, bottom: 24 }

function niceMax (v: number): number {
  if (v <= 0) return 1
  const p = 10 ** Math.floor(Math.log10(v))
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p
  return 10 * p
}

function fmt (v: number): string {
  if (v >= 1e6) return `${(v / 1e6).toFixed(1)}M`
  if (v >= 1e3) return `${(v / 1e3).toFixed(1)}k`
  return Number.isInteger(v) ? String(v) : v.toFixed(1)
}

export function LineChart ({ title, series, unit, testId }: { title: string, series: ChartSeries[], unit: string, testId?: string }) {
  const all = series.flatMap(s => s.points)
  const latest = series.map(s => s.points.at(-1)?.v ?? 0)
  if (all.length === 0) {
    return (
      <figure className="chart" data-testid={testId}>
        <figcaption>{title}</figcaption>
        <p className="empty">No samples yet — the first arrive a few seconds after the pipeline starts.</p>
      </figure>
    )
  }
  const t0 = Math.min(...all.map(p => p.t))
  const t1 = Math.max(...all.map(p => p.t), t0 + 1)
  const vMax = niceMax(Math.max(...all.map(p => p.v)))
  const x = (t: number): number => PAD.left + ((t - t0) / (t1 - t0)) * (W - PAD.left - PAD.right)
  const y = (v: number): number => H - PAD.bottom - (v / vMax) * (H - PAD.top - PAD.bottom)
  const minutes = Math.max(1, Math.round((t1 - t0) / 60000))
  return (
    <figure className="chart" data-testid={testId} data-max={vMax} data-points={all.length} data-last={latest.join(',')}>
      <figcaption>
        {title}
        <span className="legend">
          {series.map((s, i) => <span key={s.label}><i style={{ background: s.color }} />{s.label}: {fmt(latest[i])}{unit ? ` ${unit}` : ''}</span>)}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}, last ${minutes} min; ${series.map((s, i) => `${s.label} ${fmt(latest[i])} ${unit}`).join(', ')}`}>
        {[0, 0.5, 1].map(f => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(vMax * f)} y2={y(vMax * f)} className="grid" />
            <text x={PAD.left - 6} y={y(vMax * f) + 4} textAnchor="end" className="axis">{fmt(vMax * f)}</text>
          </g>
        ))}
        <text x={PAD.left} y={H - 6} className="axis">-{minutes} min</text>
        <text x={W - PAD.right} y={H - 6} textAnchor="end" className="axis">now</text>
        {series.map(s => (
          <polyline key={s.label} fill="none" stroke={s.color} strokeWidth={2}
            points={s.points.map(p => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ')} />
        ))}
      </svg>
    </figure>
  )
}
