// Java's SimpleDateFormat patterns (yyyy-MM-dd'T'HH:mm:ss.SSSZ …), always in UTC as Kafka's
// TimestampConverter and TimestampRouter use them. Letters: G y Y M L d D E u a H k K h m s S z Z X
// and quoted literals. Formatting follows GregorianCalendar (Julian before 1582-10-15, BC years as
// year of era). Parsing is proleptic Gregorian, Java-lenient about field widths unless two numeric
// fields abut (yyyyMMdd), and ignores trailing text, as DateFormat.parse does.
import { javaCalendarFields } from '@tributary/connect-api'
import type { JavaCalendarFields } from '@tributary/connect-api'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const LETTERS = new Set('GyYMLdDEuaHkKhmsSzZX')
const NUMERIC = new Set('yYMLdDuHkKhmsS')

type Token = { kind: 'literal'; text: string } | { kind: 'field'; letter: string; count: number }

export class SimpleDateFormat {
  readonly pattern: string
  readonly #tokens: Token[]

  /** Throws Error on an unknown pattern letter or an unterminated quote. */
  constructor(pattern: string) {
    this.pattern = pattern
    this.#tokens = tokenize(pattern)
  }

  format(date: Date): string {
    return this.formatMillis(date.getTime())
  }

  /** Formats an instant given in ms, including instants beyond JS Date's ±8.64e15 ms range. */
  formatMillis(ms: number): string {
    const f = javaCalendarFields(ms)
    return this.#tokens.map((t) => (t.kind === 'literal' ? t.text : formatField(t.letter, t.count, f))).join('')
  }

  /** The instant the text denotes, or null when it does not match the pattern. */
  parse(text: string): Date | null {
    let pos = 0
    const f = { year: 1970, month: 0, day: 1, hour: 0, minute: 0, second: 0, ms: 0, pm: null as boolean | null, hour12: null as number | null, offsetMin: 0, dayOfYear: null as number | null }
    for (let i = 0; i < this.#tokens.length; i++) {
      const t = this.#tokens[i]
      if (t.kind === 'literal') {
        if (!text.startsWith(t.text, pos)) return null
        pos += t.text.length
        continue
      }
      const next = this.#tokens[i + 1]
      const abuts = next?.kind === 'field' && NUMERIC.has(next.letter)
      if (NUMERIC.has(t.letter) && !(t.letter === 'M' && t.count >= 3) && !(t.letter === 'L' && t.count >= 3)) {
        const re = abuts ? new RegExp(`^[+-]?\\d{${t.count}}`) : /^[+-]?\d+/
        const m = re.exec(text.slice(pos))
        if (!m) return null
        pos += m[0].length
        let n = Number(m[0])
        switch (t.letter) {
          case 'y':
          case 'Y':
            if (t.count <= 2 && m[0].length <= 2) n += n < 50 ? 2000 : 1900
            f.year = n
            break
          case 'M':
          case 'L': f.month = n - 1; break
          case 'd': f.day = n; break
          case 'D': f.dayOfYear = n; break
          case 'H': f.hour = n; break
          case 'k': f.hour = n === 24 ? 0 : n; break
          case 'K': f.hour12 = n; break
          case 'h': f.hour12 = n === 12 ? 0 : n; break
          case 'm': f.minute = n; break
          case 's': f.second = n; break
          case 'S': f.ms = n; break
          default:
        }
        continue
      }
      const rest = text.slice(pos)
      let m: RegExpExecArray | null
      switch (t.letter) {
        case 'M':
        case 'L': {
          const idx = matchName(rest, MONTHS, t.count)
          if (idx === null) return null
          f.month = idx.index
          pos += idx.length
          break
        }
        case 'E': {
          const idx = matchName(rest, DAYS, t.count)
          if (idx === null) return null
          pos += idx.length
          break
        }
        case 'a':
          m = /^(AM|PM)/i.exec(rest)
          if (!m) return null
          f.pm = m[1].toUpperCase() === 'PM'
          pos += 2
          break
        case 'G':
          m = /^(AD|BC)/.exec(rest)
          if (!m) return null
          pos += 2
          break
        case 'z':
        case 'Z':
        case 'X':
          m = /^(Z|UTC|GMT)?([+-])?(\d{2}):?(\d{2})?/.exec(rest) ?? /^(Z|UTC|GMT)/.exec(rest)
          if (!m) return null
          if (m[2]) f.offsetMin = (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4] ?? 0))
          pos += m[0].length
          break
        default:
          return null
      }
    }
    if (f.hour12 !== null) f.hour = f.hour12 + (f.pm ? 12 : 0)
    else if (f.pm !== null && f.pm && f.hour < 12) f.hour += 12
    const base = f.dayOfYear !== null
      ? Date.UTC(f.year, 0, f.dayOfYear, f.hour, f.minute, f.second, f.ms)
      : Date.UTC(f.year, f.month, f.day, f.hour, f.minute, f.second, f.ms)
    const fixed = new Date(base - f.offsetMin * 60_000)
    if (f.year >= 0 && f.year < 100) fixed.setUTCFullYear(f.year)
    return Number.isNaN(fixed.getTime()) ? null : fixed
  }
}

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < pattern.length) {
    const c = pattern[i]
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push({ kind: 'literal', text: "'" })
        i += 2
        continue
      }
      let text = ''
      i++
      while (true) {
        if (i >= pattern.length) throw new Error(`Unterminated quote in pattern: ${pattern}`)
        if (pattern[i] === "'") {
          if (pattern[i + 1] === "'") { text += "'"; i += 2; continue }
          i++
          break
        }
        text += pattern[i++]
      }
      tokens.push({ kind: 'literal', text })
    } else if (/[a-zA-Z]/.test(c)) {
      if (!LETTERS.has(c)) throw new Error(`Illegal pattern character '${c}'`)
      let count = 1
      while (pattern[i + count] === c) count++
      tokens.push({ kind: 'field', letter: c, count })
      i += count
    } else {
      tokens.push({ kind: 'literal', text: c })
      i++
    }
  }
  return tokens
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0')
  return n < 0 ? `-${s}` : s
}

function formatField(letter: string, count: number, f: JavaCalendarFields): string {
  switch (letter) {
    case 'G': return f.era === 1 ? 'AD' : 'BC'
    case 'y':
    case 'Y': return count === 2 ? pad(f.yearOfEra % 100, 2) : pad(f.yearOfEra, count)
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[f.month]
      if (count === 3) return MONTHS[f.month].slice(0, 3)
      return pad(f.month + 1, count)
    case 'd': return pad(f.day, count)
    case 'D': return pad(f.dayOfYear, count)
    case 'E': return count >= 4 ? DAYS[f.dayOfWeek] : DAYS[f.dayOfWeek].slice(0, 3)
    case 'u': return pad(f.dayOfWeek === 0 ? 7 : f.dayOfWeek, count)
    case 'a': return f.hour < 12 ? 'AM' : 'PM'
    case 'H': return pad(f.hour, count)
    case 'k': return pad(f.hour === 0 ? 24 : f.hour, count)
    case 'K': return pad(f.hour % 12, count)
    case 'h': return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count)
    case 'm': return pad(f.minute, count)
    case 's': return pad(f.second, count)
    case 'S': return pad(f.millis, count)
    case 'z': return count >= 4 ? 'Coordinated Universal Time' : 'UTC'
    case 'Z': return '+0000'
    case 'X': return 'Z'
    default: return ''
  }
}

/** Full names are tried before 3-letter abbreviations, whatever the pattern width (Java does too). */
function matchName(text: string, names: string[], _count: number): { index: number; length: number } | null {
  const lower = text.toLowerCase()
  for (const full of [true, false]) {
    for (let i = 0; i < names.length; i++) {
      const name = full ? names[i] : names[i].slice(0, 3)
      if (lower.startsWith(name.toLowerCase())) return { index: i, length: name.length }
    }
  }
  return null
}
