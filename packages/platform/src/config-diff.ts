// Key-by-key difference between two connector configs, for the change history.
// Secrets never reach the history file: values of password-like keys are masked.
export type ConfigChange =
  | { key: string, kind: 'added', after: string }
  | { key: string, kind: 'removed', before: string }
  | { key: string, kind: 'changed', before: string, after: string }

export type ConfigMap = Record<string, string>

const SECRET_KEY = /(password|secret|token|credential|api[._-]?key)/i
export const MASKED = '[hidden]'

function shown (key: string, value: string): string {
  return SECRET_KEY.test(key) ? MASKED : value
}

export function diffConfigs (before: ConfigMap | null | undefined, after: ConfigMap | null | undefined): ConfigChange[] {
  const a = before ?? {}
  const b = after ?? {}
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
  const changes: ConfigChange[] = []
  for (const key of keys) {
    const inA = Object.hasOwn(a, key)
    const inB = Object.hasOwn(b, key)
    if (inA && !inB) changes.push({ key, kind: 'removed', before: shown(key, a[key]) })
    else if (!inA && inB) changes.push({ key, kind: 'added', after: shown(key, b[key]) })
    else if (a[key] !== b[key]) {
      const masked = SECRET_KEY.test(key)
      changes.push({ key, kind: 'changed', before: masked ? MASKED : a[key], after: masked ? `${MASKED} (changed)` : b[key] })
    }
  }
  return changes
}

export function configsEqual (before: ConfigMap | null | undefined, after: ConfigMap | null | undefined): boolean {
  const a = before ?? {}
  const b = after ?? {}
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  return ka.every(k => Object.hasOwn(b, k) && a[k] === b[k])
}
