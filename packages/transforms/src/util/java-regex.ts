// Kafka configs carry Java regular expressions and replacement strings; this maps the common
// subset onto JS (full-match semantics for Matcher.matches, $n / ${name} group references).
import { ConfigError } from '@tributary/connect-api'

/** Compiles a Java regex; throws ConfigError as Kafka's RegexValidator does. */
export function compileJavaRegex(name: string, pattern: string): RegExp {
  try {
    return new RegExp(pattern.replace(/\(\?<([a-zA-Z][a-zA-Z0-9]*)>/g, '(?<$1>'), 'u')
  } catch (err) {
    throw ConfigError.invalid(name, pattern, `Invalid regex: ${(err as Error).message}`)
  }
}

/** For Matcher.matches(): a regex that only matches the whole input. */
export function anchoredRegex(regex: RegExp): RegExp {
  return new RegExp(`^(?:${regex.source})$`, regex.flags)
}

/** Java's Matcher.replaceFirst replacement syntax turned into a JS replacement string. */
export function javaReplacement(replacement: string): string {
  let out = ''
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i]
    if (c === '\\' && i + 1 < replacement.length) {
      const next = replacement[++i]
      out += next === '$' ? '$$' : next
    } else if (c === '$' && replacement[i + 1] === '{') {
      const end = replacement.indexOf('}', i)
      out += `$<${replacement.slice(i + 2, end)}>`
      i = end
    } else {
      out += c
    }
  }
  return out
}
