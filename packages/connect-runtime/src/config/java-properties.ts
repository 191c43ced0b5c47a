// Parses the java.util.Properties text format (worker.properties, connector .properties files):
// `#`/`!` comments, `=`, `:` or whitespace separators, backslash line continuations and escapes.

export function parseJavaProperties (text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split(/\r\n|\r|\n/)
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/^[ \t\f]+/, '')
    if (line === '' || line[0] === '#' || line[0] === '!') continue
    // Join continuation lines: an odd number of trailing backslashes continues the logical line.
    while (endsWithContinuation(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++i].replace(/^[ \t\f]+/, '')
    }
    if (endsWithContinuation(line)) line = line.slice(0, -1)
    const [key, value] = splitKeyValue(line)
    out[unescape(key)] = unescape(value)
  }
  return out
}

function endsWithContinuation (line: string): boolean {
  let n = 0
  for (let j = line.length - 1; j >= 0 && line[j] === '\\'; j--) n++
  return n % 2 === 1
}

function splitKeyValue (line: string): [string, string] {
  let i = 0
  while (i < line.length) {
    const c = line[i]
    if (c === '\\') { i += 2; continue }
    if (c === '=' || c === ':' || c === ' ' || c === '\t' || c === '\f') break
    i++
  }
  const key = line.slice(0, i)
  let j = i
  while (j < line.length && (line[j] === ' ' || line[j] === '\t' || line[j] === '\f')) j++
  if (j < line.length && (line[j] === '=' || line[j] === ':')) j++
  while (j < line.length && (line[j] === ' ' || line[j] === '\t' || line[j] === '\f')) j++
  return [key, line.slice(j)]
}

function unescape (s: string): string {
  if (!s.includes('\\')) return s
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c !== '\\') { out += c; continue }
    const n = s[++i]
    if (n === undefined) break
    if (n === 't') out += '\t'
    else if (n === 'n') out += '\n'
    else if (n === 'r') out += '\r'
    else if (n === 'f') out += '\f'
    else if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(s.slice(i + 1, i + 5), 16))
      i += 4
    } else out += n
  }
  return out
}
