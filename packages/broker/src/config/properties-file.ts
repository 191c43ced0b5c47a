// Reads Java .properties text (server.properties): comments (# !), key=value, key: value,
// key value, backslash line continuations and the common escapes.

export function parseProperties (text: string): Map<string, string> {
  const out = new Map<string, string>()
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/^\s+/, '')
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue
    // An odd number of trailing backslashes continues the logical line.
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++i].replace(/^\s+/, '')
    }
    const sep = findSeparator(line)
    const key = unescape(sep === -1 ? line : line.slice(0, sep))
    let rest = sep === -1 ? '' : line.slice(sep)
    rest = rest.replace(/^\s*[=:]?\s*/, '')
    out.set(key, unescape(rest))
  }
  return out
}

function findSeparator (line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === '\\') { i++; continue }
    if (c === '=' || c === ':' || c === ' ' || c === '\t') return i
  }
  return -1
}

function unescape (s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16))
    return ({ t: '\t', n: '\n', r: '\r', f: '\f' } as Record<string, string>)[e] ?? e
  })
}
