// Hash routes (#/pipelines/x) so any /ui/ URL works without server-side route knowledge.
import { useEffect, useState } from 'react'

export type Route =
  | { page: 'list' }
  | { page: 'new', copyFrom?: string }
  | { page: 'edit', name: string }
  | { page: 'detail', name: string }
  | { page: 'lineage', pipeline?: string, topic?: string }
  | { page: 'history' }

export function parseRoute (hash: string): Route {
  const [path, query = ''] = hash.replace(/^#/, '').split('?')
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent)
  const params = new URLSearchParams(query)
  if (parts[0] === 'new') return params.get('from') ? { page: 'new', copyFrom: params.get('from') as string } : { page: 'new' }
  if (parts[0] === 'history') return { page: 'history' }
  if (parts[0] === 'lineage') {
    return { page: 'lineage', ...(params.get('pipeline') ? { pipeline: params.get('pipeline') as string } : {}), ...(params.get('topic') ? { topic: params.get('topic') as string } : {}) }
  }
  if (parts[0] === 'pipelines' && parts[1] !== undefined) return parts[2] === 'edit' ? { page: 'edit', name: parts[1] } : { page: 'detail', name: parts[1] }
  return { page: 'list' }
}

export const href = {
  list: () => '#/',
  history: () => '#/history',
  create: () => '#/new',
  copy: (name: string) => `#/new?from=${encodeURIComponent(name)}`,
  detail: (name: string) => `#/pipelines/${encodeURIComponent(name)}`,
  edit: (name: string) => `#/pipelines/${encodeURIComponent(name)}/edit`,
  lineage: (focus: { pipeline?: string, topic?: string } = {}) => {
    const q = new URLSearchParams(focus as Record<string, string>).toString()
    return `#/lineage${q ? `?${q}` : ''}`
  },
}

export function navigate (to: string): void { window.location.hash = to }

export function useRoute (): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
