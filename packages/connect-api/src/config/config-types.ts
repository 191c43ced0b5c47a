// ConfigDef vocabularies, named as Kafka names them (REST and the console show these strings).
export const ConfigType = {
  BOOLEAN: 'BOOLEAN',
  STRING: 'STRING',
  INT: 'INT',
  SHORT: 'SHORT',
  LONG: 'LONG',
  DOUBLE: 'DOUBLE',
  LIST: 'LIST',
  CLASS: 'CLASS',
  PASSWORD: 'PASSWORD',
} as const
export type ConfigType = (typeof ConfigType)[keyof typeof ConfigType]

export const Importance = { HIGH: 'HIGH', MEDIUM: 'MEDIUM', LOW: 'LOW' } as const
export type Importance = (typeof Importance)[keyof typeof Importance]

export const Width = { NONE: 'NONE', SHORT: 'SHORT', MEDIUM: 'MEDIUM', LONG: 'LONG' } as const
export type Width = (typeof Width)[keyof typeof Width]

/** Checks a parsed value; throws ConfigError with Kafka's wording. `toString` documents the rule. */
export interface ConfigValidator {
  ensureValid(name: string, value: unknown): void
  toString(): string
  /** For forms: the allowed values (ValidString, ValidList, CaseInsensitiveValidString). */
  readonly validValues?: readonly string[]
  /** For forms: numeric bounds (Range). */
  readonly min?: number | null
  readonly max?: number | null
}

/** Suggests values and visibility for a key given the other parsed values (console forms). */
export interface ConfigRecommender {
  validValues(name: string, parsedConfig: Readonly<Record<string, unknown>>): unknown[]
  visible(name: string, parsedConfig: Readonly<Record<string, unknown>>): boolean
}
