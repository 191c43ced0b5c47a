// Parsed configuration with typed getters (Kafka's AbstractConfig). Construct once in
// configure()/start(); a bad value throws ConfigError right there.
import type { ConfigDef } from './config-def.ts'
import type { Password } from './password.ts'
import { ConfigError } from '../errors.ts'

export class AbstractConfig {
  readonly definition: ConfigDef
  readonly #originals: Readonly<Record<string, unknown>>
  readonly #values: Readonly<Record<string, unknown>>

  constructor(definition: ConfigDef, originals: Readonly<Record<string, unknown>>) {
    this.definition = definition
    this.#originals = { ...originals }
    this.#values = definition.parse(originals)
  }

  get(name: string): unknown {
    if (!Object.hasOwn(this.#values, name)) throw new ConfigError(`Unknown configuration '${name}'`)
    return this.#values[name]
  }

  getString(name: string): string | null { return this.get(name) as string | null }
  getInt(name: string): number | null { return this.get(name) as number | null }
  getShort(name: string): number | null { return this.get(name) as number | null }
  /** A LONG as a number (beyond ±2^53 rounded; use getLongExact for every digit). */
  getLong(name: string): number | null {
    const v = this.get(name) as number | bigint | null
    return typeof v === 'bigint' ? Number(v) : v
  }
  getLongExact(name: string): number | bigint | null { return this.get(name) as number | bigint | null }
  getDouble(name: string): number | null { return this.get(name) as number | null }
  getBoolean(name: string): boolean | null { return this.get(name) as boolean | null }
  getList(name: string): string[] | null { return this.get(name) as string[] | null }
  getPassword(name: string): Password | null { return this.get(name) as Password | null }

  /** The raw props as given, including keys the definition does not know. */
  originals(): Record<string, unknown> {
    return { ...this.#originals }
  }

  /** Raw props whose key starts with `prefix`, with the prefix stripped (unless strip=false). */
  originalsWithPrefix(prefix: string, strip = true): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(this.#originals)) if (k.startsWith(prefix)) out[strip ? k.slice(prefix.length) : k] = v
    return out
  }

  values(): Record<string, unknown> {
    return { ...this.#values }
  }
}
