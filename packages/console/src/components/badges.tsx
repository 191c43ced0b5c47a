// Small status pills. Colour is never the only signal: the text says the state.
import type { LagStatus } from '../api/types.ts'

const STATE_TONE: Record<string, string> = {
  RUNNING: 'ok', PAUSED: 'warn', STOPPED: 'muted', FAILED: 'bad', UNASSIGNED: 'muted', RESTARTING: 'warn',
}

export function StateBadge ({ state }: { state: string }) {
  return <span className={`badge badge-${STATE_TONE[state] ?? 'muted'}`} data-state={state}>{state}</span>
}

const LAG_TONE: Record<LagStatus, string> = { OK: 'ok', WARN: 'warn', STALL: 'bad', STOP: 'bad', ERR: 'bad' }
const LAG_HELP: Record<LagStatus, string> = {
  OK: 'Consumer keeps up (Burrow rules)',
  WARN: 'Consumer is moving but lag is not shrinking',
  STALL: 'Consumer commits but its offset does not move',
  STOP: 'Consumer stopped committing while lag remains',
  ERR: 'Offsets went backwards or lag could not be read',
}

export function LagBadge ({ status, lag }: { status: LagStatus | null, lag?: number | null }) {
  if (status === null) return <span className="muted">—</span>
  return (
    <span className={`badge badge-${LAG_TONE[status]}`} title={LAG_HELP[status]} data-lag-status={status}>
      {status}{lag !== undefined && lag !== null ? ` · ${lag}` : ''}
    </span>
  )
}
