// Every change to every pipeline, newest first, filterable by pipeline, user or action.
import { useState } from 'react'
import { api } from '../api/client.ts'
import { usePoll } from '../api/use-poll.ts'
import { ErrorBanner } from '../components/error-banner.tsx'
import { HistoryList } from '../components/history-list.tsx'

export function HistoryPage () {
  const history = usePoll(api.allHistory, 5000, [])
  const [query, setQuery] = useState('')
  const q = query.trim().toLowerCase()
  const entries = (history.data ?? []).filter(h => q === '' || [h.pipeline, h.user ?? '', h.action].some(v => v.toLowerCase().includes(q)))
  return (
    <section className="page">
      <h1>Change history</h1>
      <ErrorBanner error={history.error} />
      <div className="toolbar" role="search">
        <label htmlFor="history-search" className="sr-only">Filter history</label>
        <input id="history-search" type="search" placeholder="Filter by pipeline, user or action" value={query} onChange={e => setQuery(e.target.value)} />
      </div>
      {history.data === undefined ? <p className="muted">Loading…</p> : <HistoryList entries={entries} showPipeline />}
    </section>
  )
}
