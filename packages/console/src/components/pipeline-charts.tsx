// Live charts of one pipeline from the backend's one-hour ring buffer, refreshed every 3 s.
import { api } from '../api/client.ts'
import { usePoll } from '../api/use-poll.ts'
import { LagBadge } from './badges.tsx'
import { ErrorBanner } from './error-banner.tsx'
import { LineChart } from './line-chart.tsx'
import type { ChartSeries } from './line-chart.tsx'
import type { Sample } from '../api/types.ts'

const PALETTE = ['#d97706', '#0891b2', '#be185d', '#4d7c0f', '#6d28d9', '#b45309', '#0f766e', '#9f1239']

/** One line per partition (up to eight, the rest summed as "other"), from each sample's partition lags. */
function lagSeries (samples: Sample[]): ChartSeries[] {
  const keys: string[] = []
  for (const s of samples) for (const p of s.partitions) { const k = `${p.topic}-${p.partition}`; if (!keys.includes(k)) keys.push(k) }
  const shown = keys.slice(0, 8)
  const series: ChartSeries[] = shown.map((k, i) => ({
    label: k,
    color: PALETTE[i],
    points: samples.filter(s => s.lag !== null).map(s => ({ t: s.t, v: s.partitions.find(p => `${p.topic}-${p.partition}` === k)?.lag ?? 0 })),
  }))
  if (keys.length > shown.length) {
    series.push({ label: 'other', color: '#6b7280', points: samples.filter(s => s.lag !== null).map(s => ({ t: s.t, v: s.partitions.filter(p => !shown.includes(`${p.topic}-${p.partition}`)).reduce((a, p) => a + p.lag, 0) })) })
  }
  return series.length > 0 ? series : [{ label: 'lag', color: PALETTE[0], points: samples.filter(s => s.lag !== null).map(s => ({ t: s.t, v: s.lag as number })) }]
}

export function PipelineCharts ({ name, type }: { name: string, type: string }) {
  const series = usePoll(() => api.series(name), 3000, [name])
  const samples = series.data?.samples ?? []
  const last = samples.at(-1)
  const lag = series.data?.lag ?? null
  return (
    <>
      <ErrorBanner error={series.error} />
      <dl className="counters">
        <div><dt>Errors (total)</dt><dd data-testid="errors">{last?.errors ?? 0}</dd></div>
        <div><dt>Dead letter queue (total)</dt><dd data-testid="dlq">{last?.dlq ?? 0}</dd></div>
        {type === 'sink' && <div><dt>Lag status</dt><dd data-testid="lag-status"><LagBadge status={lag?.status ?? null} lag={lag && lag.partitions.length > 0 ? lag.totalLag : null} /></dd></div>}
      </dl>
      <div className="charts">
        <LineChart testId="chart-rate" title="Records per second" unit="rec/s" series={[
          { label: 'in', color: '#2563eb', points: samples.map(s => ({ t: s.t, v: s.inRate })) },
          { label: 'out', color: '#16a34a', points: samples.map(s => ({ t: s.t, v: s.outRate })) },
        ]} />
        {type === 'sink' && <LineChart testId="chart-lag" title="Consumer lag per partition" unit="records" series={lagSeries(samples)} />}
        <LineChart testId="chart-errors" title="Errors and dead letter queue (totals)" unit="" series={[
          { label: 'errors', color: '#dc2626', points: samples.map(s => ({ t: s.t, v: s.errors })) },
          { label: 'DLQ', color: '#7c3aed', points: samples.map(s => ({ t: s.t, v: s.dlq })) },
        ]} />
      </div>
      {lag?.error && <p className="field-error">{lag.error}</p>}
      {type === 'sink' && lag && lag.partitions.length > 0 && (
        <table className="lag-partitions">
          <caption>Lag per partition (group {lag.groupId})</caption>
          <thead><tr><th scope="col">Topic</th><th scope="col">Partition</th><th scope="col" className="num">Committed</th><th scope="col" className="num">End</th><th scope="col" className="num">Lag</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {lag.partitions.map(p => (
              <tr key={`${p.topic}-${p.partition}`}>
                <td>{p.topic}</td><td>{p.partition}</td><td className="num">{p.committedOffset}</td><td className="num">{p.logEndOffset}</td><td className="num">{p.lag}</td><td>{p.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
