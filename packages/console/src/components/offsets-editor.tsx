// Offsets of a pipeline: shown always; editable (PATCH) and resettable (DELETE) only while the
// pipeline is STOPPED, which is what Connect allows.
import { useEffect, useState } from 'react'
import { api } from '../api/client.ts'
import type { Offsets } from '../api/types.ts'
import { ConfirmDialog } from './confirm-dialog.tsx'
import { ErrorBanner } from './error-banner.tsx'

export function OffsetsEditor ({ name, stopped }: { name: string, stopped: boolean }) {
  const [offsets, setOffsets] = useState<Offsets>()
  const [drafts, setDrafts] = useState<string[]>([])
  const [error, setError] = useState<string>()
  const [message, setMessage] = useState<string>()
  const [confirmReset, setConfirmReset] = useState(false)

  const load = async (): Promise<void> => {
    try {
      const o = await api.offsets(name)
      setOffsets(o)
      setDrafts(o.offsets.map(e => JSON.stringify(e.offset)))
      setError(undefined)
    } catch (err) { setError((err as Error).message) }
  }
  // While running, offsets move: refresh them. While stopped they are being edited: load once.
  useEffect(() => {
    void load()
    if (stopped) return
    const timer = setInterval(() => { void load() }, 5000)
    return () => clearInterval(timer)
  }, [name, stopped])

  const save = async (): Promise<void> => {
    if (!offsets) return
    setMessage(undefined)
    try {
      const body: Offsets = { offsets: offsets.offsets.map((e, i) => ({ partition: e.partition, offset: JSON.parse(drafts[i]) as Record<string, unknown> | null })) }
      const res = await api.alterOffsets(name, body)
      setMessage(res.message)
      await load()
    } catch (err) { setError((err as Error).message) }
  }

  const reset = async (): Promise<void> => {
    setConfirmReset(false)
    setMessage(undefined)
    try {
      const res = await api.resetOffsets(name)
      setMessage(res.message)
      await load()
    } catch (err) { setError((err as Error).message) }
  }

  return (
    <div className="offsets">
      <ErrorBanner error={error} onDismiss={() => setError(undefined)} />
      {message && <p className="notice" role="status">{message}</p>}
      {!stopped && <p className="help">Stop the pipeline to edit or reset its offsets.</p>}
      {offsets === undefined ? <p className="muted">Loading offsets…</p> : offsets.offsets.length === 0 ? <p className="empty">No committed offsets yet.</p> : (
        <table>
          <thead><tr><th scope="col">Partition</th><th scope="col">Offset</th></tr></thead>
          <tbody>
            {offsets.offsets.map((e, i) => (
              <tr key={JSON.stringify(e.partition)}>
                <td className="mono">{JSON.stringify(e.partition)}</td>
                <td>
                  {stopped
                    ? <input className="mono wide" aria-label={`Offset for ${JSON.stringify(e.partition)}`} data-offset-index={i} value={drafts[i] ?? ''}
                        onChange={ev => setDrafts(drafts.map((d, j) => j === i ? ev.target.value : d))} />
                    : <span className="mono">{JSON.stringify(e.offset)}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {stopped && (
        <div className="actions">
          <button type="button" className="primary" onClick={() => { void save() }} disabled={!offsets || offsets.offsets.length === 0}>Save offsets</button>
          <button type="button" className="danger" onClick={() => setConfirmReset(true)}>Reset offsets</button>
        </div>
      )}
      <ConfirmDialog open={confirmReset} title={`Reset offsets of ${name}?`} confirmLabel="Reset offsets" danger onConfirm={() => { void reset() }} onCancel={() => setConfirmReset(false)}>
        <p>The pipeline will start over from the beginning of its input when resumed.</p>
      </ConfirmDialog>
    </div>
  )
}
