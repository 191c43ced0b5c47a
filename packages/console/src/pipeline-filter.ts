// Search over the pipeline list: free words match name, owner, ticket, plugin and topics;
// `owner:cory`, `ticket:ADS-1`, `state:running`, `topic:clicks`, `name:x`, `type:sink` narrow one field.
import type { PipelineSummary } from './api/types.ts'

const FIELDS: Record<string, (p: PipelineSummary) => string[]> = {
  name: p => [p.name],
  owner: p => [p.owner ?? ''],
  ticket: p => [p.ticket ?? ''],
  state: p => [p.state],
  topic: p => p.topics,
  type: p => [p.type],
  plugin: p => [p.plugin],
}

export function matchesQuery (p: PipelineSummary, query: string): boolean {
  const tokens = query.toLowerCase().split(/\s+/).filter(Boolean)
  return tokens.every(token => {
    const colon = token.indexOf(':')
    const field = colon > 0 ? token.slice(0, colon) : ''
    if (Object.hasOwn(FIELDS, field)) {
      const wanted = token.slice(colon + 1)
      return FIELDS[field](p).some(v => v.toLowerCase().includes(wanted))
    }
    return Object.values(FIELDS).some(f => f(p).some(v => v.toLowerCase().includes(token)))
  })
}
