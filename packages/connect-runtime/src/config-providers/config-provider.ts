// KIP-297 config providers: `${provider:path:key}` placeholders resolved when configs are used.
// A provider answers the keys it knows; unknown keys leave the placeholder as written (as Kafka does).

export interface ConfigProvider {
  get (path: string, keys: readonly string[]): Map<string, string>
}

export function allowedPathCheck (allowed: string | undefined): (path: string) => boolean {
  if (allowed === undefined || allowed.trim() === '') return () => true
  const roots = allowed.split(',').map((p) => p.trim()).filter(Boolean).map(normalize)
  return (path) => {
    const p = normalize(path)
    return roots.some((root) => p === root || p.startsWith(root.endsWith('/') ? root : root + '/'))
  }
}

function normalize (p: string): string {
  const parts: string[] = []
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') parts.pop()
    else parts.push(seg)
  }
  return '/' + parts.join('/')
}
