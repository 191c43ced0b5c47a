// Change history entries, newest first: when, what, who (when known), and the config diff.
import type { HistoryEntry } from '../api/types.ts'
import { href } from '../router.ts'
import { ConfigDiffView } from './config-diff-view.tsx'

export function HistoryList ({ entries, showPipeline }: { entries: HistoryEntry[], showPipeline?: boolean }) {
  if (entries.length === 0) return <p className="empty">No recorded changes.</p>
  return (
    <ol className="history">
      {entries.map(h => (
        <li key={h.id} data-history-action={h.action}>
          <div>
            <time dateTime={h.at}>{new Date(h.at).toLocaleString()}</time>
            {showPipeline && <> · <a href={href.detail(h.pipeline)}>{h.pipeline}</a></>}
            {' · '}<strong>{h.action}</strong> · {h.user ?? <span className="muted">unknown user</span>}
          </div>
          {h.detail && Object.keys(h.detail).length > 0 && <div className="muted small mono">{JSON.stringify(h.detail)}</div>}
          <ConfigDiffView diff={h.diff} />
        </li>
      ))}
    </ol>
  )
}
