// One pipeline: owner and ticket, connector and task status with failure traces, actions,
// live charts and lag, topics and focused lineage, config, offsets, and the change history.
import { useState } from 'react'
import { api } from '../api/client.ts'
import { usePoll } from '../api/use-poll.ts'
import { StateBadge } from '../components/badges.tsx'
import { ConfirmDialog } from '../components/confirm-dialog.tsx'
import { ErrorBanner } from '../components/error-banner.tsx'
import { HistoryList } from '../components/history-list.tsx'
import { LineageGraphView } from '../components/lineage-graph.tsx'
import { OffsetsEditor } from '../components/offsets-editor.tsx'
import { PipelineCharts } from '../components/pipeline-charts.tsx'
import { href, navigate } from '../router.ts'

const ACTIONS = ['pause', 'resume', 'stop', 'restart'] as const

export function PipelineDetailPage ({ name }: { name: string }) {
  const detail = usePoll(() => api.pipeline(name), 3000, [name])
  const history = usePoll(() => api.history(name), 5000, [name])
  const lineage = usePoll(() => api.lineage({ pipeline: name }), 5000, [name])
  const [error, setError] = useState<string>()
  const [message, setMessage] = useState<string>()
  const [confirmDelete, setConfirmDelete] = useState(false)

  const refresh = async (): Promise<void> => {
    await api.refresh().catch(() => undefined)
    await Promise.all([detail.reload(), history.reload()])
  }
  const run = async (label: string, op: () => Promise<unknown>): Promise<void> => {
    setError(undefined)
    setMessage(undefined)
    try {
      await op()
      setMessage(`${label}: done`)
      await refresh()
    } catch (err) { setError((err as Error).message) }
  }
  const remove = async (): Promise<void> => {
    setConfirmDelete(false)
    try {
      await api.remove(name)
      navigate(href.list())
    } catch (err) { setError((err as Error).message) }
  }

  const p = detail.data
  if (p === undefined) {
    return (
      <section className="page">
        <h1>{name}</h1>
        {detail.error ? <ErrorBanner error={detail.error} /> : <p className="muted">Loading…</p>}
        <p><a href={href.list()}>Back to pipelines</a></p>
      </section>
    )
  }
  const stopped = p.state === 'STOPPED'
  return (
    <section className="page">
      <div className="page-head">
        <h1>{p.name} <StateBadge state={p.state} /></h1>
        <div className="actions">
          {ACTIONS.map(a => <button key={a} type="button" onClick={() => { void run(a, () => api.action(name, a)) }}>{a[0].toUpperCase() + a.slice(1)}</button>)}
          <a className="button" href={href.edit(name)}>Edit</a>
          <a className="button" href={href.copy(name)}>Copy</a>
          <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>Delete</button>
        </div>
      </div>
      <ErrorBanner error={error ?? detail.error} onDismiss={error ? () => setError(undefined) : undefined} />
      {message && <p className="notice" role="status">{message}</p>}

      <dl className="meta">
        <div><dt>Owner</dt><dd data-testid="owner">{p.owner || <span className="muted">unowned — edit to set</span>}</dd></div>
        <div><dt>Ticket</dt><dd data-testid="ticket">{p.ticket || '—'}</dd></div>
        <div><dt>Type</dt><dd>{p.type}</dd></div>
        <div><dt>Plugin</dt><dd className="mono">{p.plugin}</dd></div>
        <div className="wide"><dt>Description</dt><dd>{p.description || '—'}</dd></div>
      </dl>

      <h2>Status</h2>
      <table className="status">
        <thead><tr><th scope="col">Instance</th><th scope="col">State</th><th scope="col">Worker</th><th scope="col">Trace</th><th scope="col"><span className="sr-only">Actions</span></th></tr></thead>
        <tbody>
          <tr data-instance="connector">
            <td>connector</td><td><StateBadge state={p.status?.connector.state ?? 'UNASSIGNED'} /></td><td className="mono">{p.status?.connector.worker_id ?? '—'}</td>
            <td>{p.status?.connector.trace ? <details><summary>failure trace</summary><pre>{p.status.connector.trace}</pre></details> : '—'}</td><td />
          </tr>
          {(p.status?.tasks ?? []).map(t => (
            <tr key={t.id} data-instance={`task-${t.id}`}>
              <td>task {t.id}</td><td><StateBadge state={t.state} /></td><td className="mono">{t.worker_id}</td>
              <td>{t.trace ? <details><summary>failure trace</summary><pre>{t.trace}</pre></details> : '—'}</td>
              <td><button type="button" className="small" onClick={() => { void run(`restart task ${t.id}`, () => api.restartTask(name, t.id)) }}>Restart task {t.id}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {(p.status?.tasks.length ?? 0) === 0 && <p className="muted">No tasks{stopped ? ' (a stopped pipeline has none)' : ''}.</p>}

      <h2>Monitoring</h2>
      <PipelineCharts name={name} type={p.type} />

      <h2>Topics and lineage</h2>
      <p>{p.topics.length === 0 ? <span className="muted">No topic used yet.</span> : p.topics.map(t => <a key={t} className="topic" href={href.lineage({ topic: t })}>{t}</a>)}</p>
      <ErrorBanner error={lineage.error} />
      {lineage.data && <div className="lineage-wrap"><LineageGraphView graph={lineage.data} /></div>}

      <h2>Configuration</h2>
      <table className="config">
        <tbody>
          {Object.entries(p.config).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => (
            <tr key={k}><th scope="row" className="mono">{k}</th><td className="mono">{/password/i.test(k) ? '[hidden]' : v}</td></tr>
          ))}
        </tbody>
      </table>

      <h2>Offsets</h2>
      <OffsetsEditor name={name} stopped={stopped} />

      <h2>History</h2>
      <ErrorBanner error={history.error} />
      {history.data !== undefined && <HistoryList entries={history.data} />}

      <ConfirmDialog open={confirmDelete} title={`Delete ${name}?`} confirmLabel="Delete pipeline" danger onConfirm={() => { void remove() }} onCancel={() => setConfirmDelete(false)}>
        <p>The connector and its tasks are removed from the worker. Its history is kept.</p>
      </ConfirmDialog>
    </section>
  )
}
