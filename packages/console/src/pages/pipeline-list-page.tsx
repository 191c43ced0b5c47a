// Every pipeline in one table, loaded with one request (GET /api/pipelines) every few seconds.
// Search and state filter; actions per row or on a checkbox selection.
import { useState } from 'react'
import { api } from '../api/client.ts'
import { usePoll } from '../api/use-poll.ts'
import { LagBadge, StateBadge } from '../components/badges.tsx'
import { ErrorBanner } from '../components/error-banner.tsx'
import { LineChart } from '../components/line-chart.tsx'
import { matchesQuery } from '../pipeline-filter.ts'
import { href } from '../router.ts'
import type { PipelineSummary } from '../api/types.ts'

const ACTIONS = ['pause', 'resume', 'stop', 'restart'] as const
const STATES = ['RUNNING', 'PAUSED', 'STOPPED', 'FAILED', 'UNASSIGNED', 'RESTARTING']

const rate = (v: number): string => v >= 100 ? v.toFixed(0) : v.toFixed(1)

/** Whole-platform figures above the list: how many run, overall throughput, who lags. */
function PlatformTotals ({ pipelines }: { pipelines: PipelineSummary[] }) {
  const count = (state: string): number => pipelines.filter(p => p.state === state).length
  const lagging = pipelines.filter(p => p.lagStatus !== null && p.lagStatus !== 'OK')
  return (
    <dl className="counters totals" data-testid="totals">
      <div><dt>Pipelines</dt><dd>{pipelines.length}</dd></div>
      <div><dt>Running</dt><dd>{count('RUNNING')}</dd></div>
      <div><dt>Paused / stopped</dt><dd>{count('PAUSED')} / {count('STOPPED')}</dd></div>
      <div><dt>Failed</dt><dd className={count('FAILED') > 0 ? 'bad' : undefined}>{count('FAILED')}</dd></div>
      <div><dt>Records in/s (all)</dt><dd>{rate(pipelines.filter(p => p.type === 'source').reduce((a, p) => a + p.inRate, 0))}</dd></div>
      <div><dt>Records out/s (all)</dt><dd>{rate(pipelines.filter(p => p.type === 'sink').reduce((a, p) => a + p.outRate, 0))}</dd></div>
      <div><dt>Sinks not OK on lag</dt><dd className={lagging.length > 0 ? 'bad' : undefined}>{lagging.length === 0 ? 'none' : lagging.map(p => `${p.name} (${p.lagStatus})`).join(', ')}</dd></div>
    </dl>
  )
}

/** Overall throughput of the platform over the last hour (sum over pipelines, sampled server-side). */
function PlatformThroughput () {
  const series = usePoll(api.platformSeries, 5000, [])
  const samples = series.data?.samples ?? []
  return (
    <details className="overview" open>
      <summary>Overall throughput, last hour</summary>
      <ErrorBanner error={series.error} />
      <div className="charts">
        <LineChart testId="chart-platform" title="All pipelines, records/s" unit="rec/s" series={[
          { label: 'into Kafka', color: '#2563eb', points: samples.map(s => ({ t: s.t, v: s.inRate })) },
          { label: 'out of Kafka', color: '#16a34a', points: samples.map(s => ({ t: s.t, v: s.outRate })) },
        ]} />
        <LineChart testId="chart-platform-lag" title="All sinks, consumer lag" unit="records" series={[
          { label: 'lag', color: '#d97706', points: samples.map(s => ({ t: s.t, v: s.lag })) },
        ]} />
      </div>
    </details>
  )
}

export function PipelineListPage () {
  const list = usePoll(api.pipelines, 3000, [])
  const [query, setQuery] = useState('')
  const [state, setState] = useState('')
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [message, setMessage] = useState<string>()
  const [error, setError] = useState<string>()

  const rows = (list.data ?? []).filter(p => matchesQuery(p, query) && (state === '' || p.state === state))
  const visibleSelected = rows.filter(p => selected.has(p.name)).map(p => p.name)

  const toggle = (name: string): void => {
    const next = new Set(selected)
    if (next.has(name)) next.delete(name); else next.add(name)
    setSelected(next)
  }

  const act = async (names: string[], action: string): Promise<void> => {
    setError(undefined)
    setMessage(undefined)
    try {
      const { results } = await api.bulkAction(names, action)
      const failed = results.filter(r => !r.ok)
      if (failed.length > 0) setError(`${action} failed for ${failed.map(f => `${f.name} (${f.message})`).join('; ')}`)
      else setMessage(`${action} sent to ${names.join(', ')}`)
      await api.refresh().catch(() => undefined)
      await list.reload()
    } catch (err) {
      setError((err as Error).message)
    }
  }

  return (
    <section className="page">
      <div className="page-head">
        <h1>Pipelines</h1>
        <a className="button primary" href={href.create()}>New pipeline</a>
      </div>
      <ErrorBanner error={error ?? list.error} onDismiss={error ? () => setError(undefined) : undefined} />
      {message && <p className="notice" role="status">{message}</p>}
      {(list.data ?? []).length > 0 && <PlatformTotals pipelines={list.data ?? []} />}
      {(list.data ?? []).length > 0 && <PlatformThroughput />}
      <div className="toolbar" role="search">
        <label htmlFor="search" className="sr-only">Search pipelines</label>
        <input id="search" type="search" placeholder="Search name, owner, ticket, topic… or owner:cory state:running" value={query} onChange={e => setQuery(e.target.value)} />
        <label htmlFor="state-filter" className="sr-only">Filter by state</label>
        <select id="state-filter" value={state} onChange={e => setState(e.target.value)}>
          <option value="">All states</option>
          {STATES.map(s => <option key={s} value={s}>{s}</option>)}
        </select>
        <span className="selection" aria-live="polite">{visibleSelected.length > 0 ? `${visibleSelected.length} selected:` : 'Select rows for bulk actions'}</span>
        {ACTIONS.map(a => (
          <button key={a} type="button" disabled={visibleSelected.length === 0} onClick={() => { void act(visibleSelected, a) }} data-bulk-action={a}>
            {a[0].toUpperCase() + a.slice(1)} selected
          </button>
        ))}
      </div>
      {list.loading && list.data === undefined ? <p className="muted">Loading pipelines…</p>
        : (list.data ?? []).length === 0 ? (
          <div className="empty">
            <p>No pipelines yet.</p>
            <p>A pipeline is a connector with an owner and a ticket. <a href={href.create()}>Create the first one</a>.</p>
          </div>
        ) : rows.length === 0 ? <p className="empty">No pipeline matches “{query}”{state ? ` in state ${state}` : ''}.</p> : (
          <table className="pipelines">
            <thead>
              <tr>
                <th scope="col">
                  <input type="checkbox" aria-label="Select all shown pipelines" checked={visibleSelected.length === rows.length}
                    onChange={e => setSelected(e.target.checked ? new Set(rows.map(r => r.name)) : new Set())} />
                </th>
                <th scope="col">Name</th><th scope="col">Type</th><th scope="col">State</th><th scope="col">Owner</th><th scope="col">Ticket</th>
                <th scope="col">Topics</th><th scope="col" className="num">In/s</th><th scope="col" className="num">Out/s</th><th scope="col">Lag</th><th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(p => (
                <tr key={p.name} data-pipeline={p.name}>
                  <td><input type="checkbox" aria-label={`Select ${p.name}`} checked={selected.has(p.name)} onChange={() => toggle(p.name)} /></td>
                  <td><a href={href.detail(p.name)}>{p.name}</a><div className="muted small">{p.plugin.split('.').pop()}</div></td>
                  <td>{p.type}</td>
                  <td><StateBadge state={p.state} /><div className="muted small">{p.tasks.length === 0 ? 'no tasks' : p.tasks.map(t => `${t.id}:${t.state}`).join(' ')}</div></td>
                  <td>{p.owner || <span className="muted">unowned</span>}</td>
                  <td>{p.ticket || <span className="muted">—</span>}</td>
                  <td>{p.topics.length === 0 ? <span className="muted">—</span> : p.topics.map(t => <a key={t} className="topic" href={href.lineage({ topic: t })}>{t}</a>)}</td>
                  <td className="num">{rate(p.inRate)}</td>
                  <td className="num">{rate(p.outRate)}</td>
                  <td>{p.type === 'sink' ? <LagBadge status={p.lagStatus} lag={p.lag} /> : <span className="muted">n/a</span>}</td>
                  <td className="row-actions">
                    {ACTIONS.map(a => <button key={a} type="button" className="small" onClick={() => { void act([p.name], a) }} aria-label={`${a} ${p.name}`}>{a}</button>)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
    </section>
  )
}
