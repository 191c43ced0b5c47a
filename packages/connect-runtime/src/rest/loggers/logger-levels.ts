// Runtime log levels behind /admin/loggers (KIP-495). Components ask for a named pino child logger;
// a level set on a namespace applies to it and every logger under it, as log4j does.
import type { Logger } from 'pino'

export const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL', 'OFF', 'ALL'] as const
const TO_PINO: Record<string, string> = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error', FATAL: 'fatal', OFF: 'silent', ALL: 'trace' }

interface Entry { logger: Logger | undefined, level: string | undefined, lastModified: number | null }

export class LoggerLevels {
  readonly #root: Logger
  #rootLevel: string
  #rootModified: number | null = null
  readonly #entries = new Map<string, Entry>()
  readonly #now: () => number

  constructor (root: Logger, now: () => number = Date.now) {
    this.#root = root
    this.#rootLevel = (root.level === 'silent' ? 'OFF' : root.level.toUpperCase())
    this.#now = now
  }

  /** A named logger whose level follows /admin/loggers. */
  logger (name: string): Logger {
    const existing = this.#entries.get(name)
    if (existing?.logger !== undefined) return existing.logger
    const child = this.#root.child({ logger: name })
    const level = existing?.level ?? this.#effectiveLevel(name)
    child.level = TO_PINO[level]
    this.#entries.set(name, { logger: child, level: existing?.level, lastModified: existing?.lastModified ?? null })
    return child
  }

  /** Loggers with an explicitly set level, plus root. */
  all (): Record<string, { level: string, last_modified: number | null }> {
    const out: Record<string, { level: string, last_modified: number | null }> = {}
    const names = [...this.#entries].filter(([, e]) => e.level !== undefined).map(([n]) => n).sort()
    out.root = { level: this.#rootLevel, last_modified: this.#rootModified }
    for (const n of names) {
      const e = this.#entries.get(n)!
      out[n] = { level: e.level!, last_modified: e.lastModified }
    }
    return out
  }

  get (name: string): { level: string, last_modified: number | null } | undefined {
    if (name.toLowerCase() === 'root') return { level: this.#rootLevel, last_modified: this.#rootModified }
    const e = this.#entries.get(name)
    if (e === undefined) return undefined
    return { level: e.level ?? this.#effectiveLevel(name), last_modified: e.lastModified }
  }

  /** Sets the level on a namespace and its descendants; returns the affected names, sorted. */
  set (namespace: string, level: string): string[] {
    const now = this.#now()
    if (namespace.toLowerCase() === 'root') {
      if (this.#rootLevel !== level) { this.#rootLevel = level; this.#rootModified = now }
      for (const [n] of this.#entries) this.#apply(n, level, now)
      return ['root', ...[...this.#entries.keys()].sort()]
    }
    const affected = [...this.#entries.keys()].filter((n) => n === namespace || n.startsWith(namespace + '.'))
    if (affected.length === 0) {
      this.#entries.set(namespace, { logger: undefined, level: undefined, lastModified: null })
      affected.push(namespace)
    }
    for (const n of affected) this.#apply(n, level, now)
    return affected.sort()
  }

  #apply (name: string, level: string, now: number): void {
    const e = this.#entries.get(name)!
    if (e.level !== level) { e.level = level; e.lastModified = now }
    if (e.logger !== undefined) e.logger.level = TO_PINO[level]
  }

  #effectiveLevel (name: string): string {
    let best: string | undefined
    let bestLen = -1
    for (const [n, e] of this.#entries) {
      if (e.level !== undefined && (name === n || name.startsWith(n + '.')) && n.length > bestLen) { best = e.level; bestLen = n.length }
    }
    return best ?? this.#rootLevel
  }
}
