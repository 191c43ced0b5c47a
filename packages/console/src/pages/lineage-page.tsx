// The whole platform's lineage, or focused on one pipeline or topic (?pipeline= / ?topic=).
import { api } from '../api/client.ts'
import { usePoll } from '../api/use-poll.ts'
import { ErrorBanner } from '../components/error-banner.tsx'
import { LineageGraphView } from '../components/lineage-graph.tsx'
import { href } from '../router.ts'

export function LineagePage ({ pipeline, topic }: { pipeline?: string, topic?: string }) {
  const focus = { ...(pipeline ? { pipeline } : {}), ...(topic ? { topic } : {}) }
  const graph = usePoll(() => api.lineage(focus), 5000, [pipeline, topic])
  return (
    <section className="page">
      <div className="page-head">
        <h1>Lineage{pipeline ? ` of pipeline ${pipeline}` : topic ? ` of topic ${topic}` : ''}</h1>
        {(pipeline || topic) && <a className="button" href={href.lineage()}>Whole platform</a>}
      </div>
      <p className="help">Built from the topics each connector actually used (topic tracking), so renamed topics show as they are. Dashed lines are topics a config declares but no record has used yet.</p>
      <ErrorBanner error={graph.error} />
      {graph.data === undefined ? <p className="muted">Loading…</p> : <div className="lineage-wrap"><LineageGraphView graph={graph.data} /></div>}
    </section>
  )
}
