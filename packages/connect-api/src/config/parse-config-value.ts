// Kafka's lenient ConfigDef.parseType and convertToString: strings are trimmed, booleans are
// case-insensitive, lists split on commas with surrounding whitespace.
import type { ConfigType } from './config-types.ts'
import { Password } from './password.ts'
import { ConfigError } from '../errors.ts'
import { describeValueClass } from '../model/map-value.ts'

const COMMA_WITH_WHITESPACE = /\s*,\s*/
const JAVA_INT = /^[+-]?\d+$/
const JAVA_DOUBLE = /^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?)$/
const LIMITS = {
  INT: [-2147483648, 2147483647],
  SHORT: [-32768, 32767],
} as const

/** A CLASS value: a class name, or a constructor the runtime already holds. */
export type ClassValue = string | (abstract new (...args: never[]) => unknown)

export function parseConfigValue(name: string, value: unknown, type: ConfigType): unknown {
  if (value === null || value === undefined) return null
  const trimmed = typeof value === 'string' ? value.trim() : null
  switch (type) {
    case 'BOOLEAN':
      if (typeof value === 'boolean') return value
      if (trimmed !== null && trimmed.toLowerCase() === 'true') return true
      if (trimmed !== null && trimmed.toLowerCase() === 'false') return false
      throw ConfigError.invalid(name, value, 'Expected value to be either true or false')
    case 'PASSWORD':
      if (value instanceof Password) return value
      if (trimmed !== null) return new Password(trimmed)
      throw ConfigError.invalid(name, value, `Expected value to be a string, but it was a ${describeValueClass(value)}`)
    case 'STRING':
      if (trimmed !== null) return trimmed
      throw ConfigError.invalid(name, value, `Expected value to be a string, but it was a ${describeValueClass(value)}`)
    case 'INT':
    case 'SHORT': {
      const [min, max] = LIMITS[type]
      const n = typeof value === 'number' ? value : trimmed !== null && JAVA_INT.test(trimmed) ? Number(trimmed) : NaN
      if (trimmed === null && typeof value !== 'number') {
        const what = type === 'INT' ? 'a 32-bit integer' : 'a 16-bit integer (short)'
        throw ConfigError.invalid(name, value, `Expected value to be ${what}, but it was a ${describeValueClass(value)}`)
      }
      if (!Number.isInteger(n) || n < min || n > max) throw ConfigError.invalid(name, value, `Not a number of type ${type}`)
      return n
    }
    case 'LONG': {
      // a number, or a bigint beyond ±2^53 so no digit is lost
      if (typeof value === 'number' && Number.isInteger(value)) return value
      if (trimmed === null && typeof value !== 'bigint') {
        throw ConfigError.invalid(name, value, `Expected value to be a 64-bit integer (long), but it was a ${describeValueClass(value)}`)
      }
      const n = typeof value === 'bigint' ? value : trimmed !== null && JAVA_INT.test(trimmed) ? BigInt(trimmed) : null
      if (n === null || n < -(2n ** 63n) || n >= 2n ** 63n) throw ConfigError.invalid(name, value, 'Not a number of type LONG')
      return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n
    }
    case 'DOUBLE':
      if (typeof value === 'number') return value
      if (trimmed === null) throw ConfigError.invalid(name, value, `Expected value to be a double, but it was a ${describeValueClass(value)}`)
      if (!JAVA_DOUBLE.test(trimmed)) throw ConfigError.invalid(name, value, 'Not a number of type DOUBLE')
      return Number(trimmed.replace(/[fFdD]$/, ''))
    case 'LIST':
      if (Array.isArray(value)) return value
      if (trimmed === null) throw ConfigError.invalid(name, value, 'Expected a comma separated list.')
      return trimmed === '' ? [] : trimmed.split(COMMA_WITH_WHITESPACE)
    case 'CLASS':
      if (typeof value === 'function') return value
      if (trimmed !== null) return trimmed
      throw ConfigError.invalid(name, value, 'Expected a Class instance or class name.')
  }
}

/** Kafka's ConfigDef.convertToString: the string form REST shows for defaults and values. */
export function configValueToString(value: unknown, type: ConfigType): string | null {
  if (value === null || value === undefined) return null
  switch (type) {
    case 'LIST':
      return (value as unknown[]).map((v) => String(v)).join(',')
    case 'CLASS':
      return typeof value === 'function' ? ((value as { className?: string }).className ?? value.name) : String(value)
    case 'PASSWORD':
      return Password.HIDDEN
    case 'DOUBLE':
      return typeof value === 'number' && Number.isInteger(value) ? value.toFixed(1) : String(value)
    default:
      return String(value)
  }
}
