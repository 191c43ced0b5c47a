import type { ConfigChange } from '../api/types.ts'

export function ConfigDiffView ({ diff }: { diff: ConfigChange[] }) {
  if (diff.length === 0) return null
  return (
    <table className="diff">
      <tbody>
        {diff.map(c => (
          <tr key={c.key} className={`diff-${c.kind}`}>
            <td className="mono">{c.kind === 'added' ? '+' : c.kind === 'removed' ? '−' : '~'} {c.key}</td>
            <td className="mono">{c.kind === 'added' ? '' : <del>{c.before}</del>}</td>
            <td className="mono">{c.kind === 'removed' ? '' : <ins>{c.after}</ins>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
