// Kafka's stock ConfigDef validators, same messages and same `toString` (documentation) forms.
import type { ConfigValidator } from './config-types.ts'
import { ConfigError } from '../errors.ts'

export const Range = {
  atLeast(min: number): ConfigValidator {
    return rangeValidator(min, null)
  },
  between(min: number, max: number): ConfigValidator {
    return rangeValidator(min, max)
  },
}

function rangeValidator(min: number | null, max: number | null): ConfigValidator {
  return {
    min,
    max,
    ensureValid(name, value) {
      if (value === null || value === undefined) throw ConfigError.invalid(name, null, 'Value must be non-null')
      const n = Number(value)
      if (min !== null && n < min) throw ConfigError.invalid(name, value, `Value must be at least ${min}`)
      if (max !== null && n > max) throw ConfigError.invalid(name, value, `Value must be no more than ${max}`)
    },
    toString() {
      if (min === null) return `[...,${max}]`
      return max === null ? `[${min},...]` : `[${min},...,${max}]`
    },
  }
}

export const ValidString = {
  in(...valid: string[]): ConfigValidator {
    return {
      validValues: valid,
      ensureValid(name, value) {
        if (!valid.includes(value as string)) throw ConfigError.invalid(name, value, `String must be one of: ${valid.join(', ')}`)
      },
      toString: () => `[${valid.join(', ')}]`,
    }
  },
}

export const CaseInsensitiveValidString = {
  in(...valid: string[]): ConfigValidator {
    const upper = new Set(valid.map((v) => v.toUpperCase()))
    return {
      validValues: valid,
      ensureValid(name, value) {
        if (typeof value !== 'string' || !upper.has(value.toUpperCase())) {
          throw ConfigError.invalid(name, value, `String must be one of (case insensitive): ${valid.join(', ')}`)
        }
      },
      toString: () => `[${valid.join(', ')}] (case insensitive)`,
    }
  },
}

/** Every list element must be one of `valid`. */
export const ValidList = {
  in(...valid: string[]): ConfigValidator {
    const inner = ValidString.in(...valid)
    return {
      validValues: valid,
      ensureValid(name, value) {
        for (const v of (value as unknown[] | null) ?? []) inner.ensureValid(name, v)
      },
      toString: () => inner.toString(),
    }
  },
}

export const NonEmptyString: ConfigValidator = {
  ensureValid(name, value) {
    if (value === '') throw ConfigError.invalid(name, value, 'String must be non-empty')
  },
  toString: () => 'non-empty string',
}

/** Connector names: non-empty and free of ISO control characters; null is left to "required". */
export const NonEmptyStringWithoutControlChars: ConfigValidator = {
  ensureValid(name, value) {
    if (value === null || value === undefined) return
    const s = value as string
    if (s === '') throw ConfigError.invalid(name, value, 'String may not be empty')
    const control = [...s].map((c) => c.codePointAt(0)!).filter((c) => c <= 0x1f || (c >= 0x7f && c <= 0x9f))
    if (control.length > 0) {
      throw ConfigError.invalid(name, value, `String may not contain control sequences but had the following ASCII chars: ${control.join(', ')}`)
    }
  },
  toString: () => 'non-empty string without ISO control characters',
}

export const NonNullValidator: ConfigValidator = {
  ensureValid(name, value) {
    if (value === null || value === undefined) throw ConfigError.invalid(name, null, 'entry must be non null')
  },
  toString: () => 'non-null string',
}

/** A non-empty list (DropHeaders.headers, ValueToKey.fields …). */
export const NonEmptyList: ConfigValidator = {
  ensureValid(name, value) {
    if (!Array.isArray(value) || value.length === 0) throw ConfigError.invalid(name, value, 'Empty list')
  },
  toString: () => 'non-empty list',
}

export function compositeValidator(...validators: ConfigValidator[]): ConfigValidator {
  return {
    validValues: validators.find((v) => v.validValues)?.validValues,
    min: validators.find((v) => v.min != null)?.min ?? null,
    max: validators.find((v) => v.max != null)?.max ?? null,
    ensureValid(name, value) {
      for (const v of validators) v.ensureValid(name, value)
    },
    toString: () => validators.map(String).join(', '),
  }
}

/** A custom rule: `check` throws ConfigError (use ConfigError.invalid) when the value is wrong. */
export function lambdaValidator(check: (name: string, value: unknown) => void, describe: () => string): ConfigValidator {
  return { ensureValid: check, toString: describe }
}
