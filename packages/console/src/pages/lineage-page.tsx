// The whole platform's lineage, or focused on one pipeline or topic (?pipeline= / ?topic=).
import { useState } from 'react'
import type { FormEvent } from 'react'
import { api } from '../api/client.ts'
import { usePoll } from '../api/use-poll.ts'
import { ErrorBanner } from '../components/error-banner.tsx'
import { LineageGraphView } from '../components/lineage-graph.tsx'
import { href, navigate } from '../router.ts'

export function LineagePage ({ pipeline, topic }: { pipeline?: string, topic?: string }) {
  const focus = { ...(pipeline ? { pipeline } : {}), ...(topic ? { topic } : {}) }
  const graph = usePoll(() => api.lineage(focus), 5000, [pipeline, topic])
  // The whole graph names every pipeline and topic one can focus on.
  const everything = usePoll(() => api.lineage({}), 15000, [])
  const [choice, setChoice] = useState('')
  const options = (everything.data?.nodes ?? [])
    .filter(n => n.kind !== 'system')
    .map(n => ({ value: `${n.kind === 'topic' ? 'topic' : 'pipeline'}:${n.label}`, label: `${n.kind === 'topic' ? 'topic' : 'pipeline'} ${n.label}` }))
    .sort((a, b) => a.label.localeCompare(b.label))

  const submit = (e: FormEvent): void => {
    e.preventDefault()
    const i = choice.indexOf(':')
    if (i < 0) return
    const kind = choice.slice(0, i)
    const name = choice.slice(i + 1)
    navigate(href.lineage(kind === 'topic' ? { topic: name } : { pipeline: name }))
  }

  return (
    <section className="page">
      <div className="page-head">
        <h1>Lineage{pipeline ? ` of pipeline ${pipeline}` : topic ? ` of topic ${topic}` : ''}</h1>
        {(pipeline || topic) && <a className="button" href={href.lineage()}>Whole platform</a>}
      </div>
      <form className="toolbar" onSubmit={submit} role="search">
        <label htmlFor="lineage-focus">Focus on</label>
        <select id="lineage-focus" value={choice} onChange={e => setChoice(e.target.value)}>
          <option value="">a pipeline or topic…</option>
          {options.map(o => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
        <button type="submit" disabled={choice === ''}>Show</button>
      </form>
      <p className="help">Built from the topics each connector actually used (topic tracking), so renamed topics show as they are. Dashed lines are topics a config declares but no record has used yet.</p>
      <ErrorBanner error={graph.error} />
      {graph.data === undefined ? <p className="muted">Loading…</p> : <div className="lineage-wrap"><LineageGraphView graph={graph.data} /></div>}
    </section>
  )
}
