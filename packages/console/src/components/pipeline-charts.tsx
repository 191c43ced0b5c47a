// Live charts of one pipeline from the backend's one-hour ring buffer, refreshed every 3 s.
import { api } from '../api/client.ts'
import { usePoll } from '../api/use-poll.ts'
import { LagBadge } from './badges.tsx'
import { ErrorBanner } from './error-banner.tsx'
import { LineChart } from './line-chart.tsx'

export function PipelineCharts ({ name, type }: { name: string, type: string }) {
  const series = usePoll(() => api.series(name), 3000, [name])
  const samples = series.data?.samples ?? []
  const last = samples.at(-1)
  const lag = series.data?.lag ?? null
  return (
    <div className="charts">
      <ErrorBanner error={series.error} />
      <LineChart testId="chart-rate" title="Records per second" unit="rec/s" series={[
        { label: 'in', color: '#2563eb', points: samples.map(s => ({ t: s.t, v: s.inRate })) },
        { label: 'out', color: '#16a34a', points: samples.map(s => ({ t: s.t, v: s.outRate })) },
      ]} />
      {type === 'sink' && (
        <LineChart testId="chart-lag" title="Consumer lag" unit="records" series={[
          { label: 'lag', color: '#d97706', points: samples.filter(s => s.lag !== null).map(s => ({ t: s.t, v: s.lag as number })) },
        ]} />
      )}
      <dl className="counters">
        <div><dt>Errors (total)</dt><dd data-testid="errors">{last?.errors ?? 0}</dd></div>
        <div><dt>Dead letter queue (total)</dt><dd data-testid="dlq">{last?.dlq ?? 0}</dd></div>
        {type === 'sink' && <div><dt>Lag status</dt><dd data-testid="lag-status"><LagBadge status={lag?.status ?? null} lag={lag?.totalLag ?? null} /></dd></div>}
      </dl>
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
    </div>
  )
}
