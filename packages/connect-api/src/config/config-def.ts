// One definition per plugin drives parsing, REST validation (/config/validate) and the console's
// forms. Parsing follows Kafka's ConfigDef: absent key → default, or "Missing required
// configuration" when there is none; present key → lenient parse, then the validator.
import type { ConfigType, ConfigValidator, ConfigRecommender, Importance, Width } from './config-types.ts'
import { parseConfigValue, configValueToString } from './parse-config-value.ts'
import { ConfigValue } from './config-value.ts'
import { ConfigError } from '../errors.ts'

export interface ConfigKeyOptions {
  name: string
  type: ConfigType
  /** Omit to make the key required; `null` is a valid default. */
  defaultValue?: unknown
  validator?: ConfigValidator | null
  importance: Importance
  documentation: string
  group?: string | null
  orderInGroup?: number
  width?: Width
  displayName?: string
  dependents?: readonly string[]
  recommender?: ConfigRecommender | null
  internal?: boolean
}

export interface ConfigKey {
  readonly name: string
  readonly type: ConfigType
  readonly hasDefault: boolean
  /** Parsed default (null when there is none: check hasDefault). */
  readonly defaultValue: unknown
  readonly validator: ConfigValidator | null
  readonly importance: Importance
  readonly documentation: string
  readonly group: string | null
  readonly orderInGroup: number
  readonly width: Width
  readonly displayName: string
  readonly dependents: readonly string[]
  readonly recommender: ConfigRecommender | null
  readonly internal: boolean
}

/** Kafka Connect's REST ConfigKeyInfo (GET /connector-plugins/{p}/config, validate "definition"). */
export interface ConfigKeyInfo {
  name: string
  type: ConfigType
  required: boolean
  default_value: string | null
  importance: Importance
  documentation: string
  group: string | null
  order: number
  width: Width
  display_name: string
  dependents: string[]
}

export class ConfigDef {
  readonly #keys = new Map<string, ConfigKey>()
  readonly #groups: string[] = []

  /** Adds a key; throws ConfigError on a duplicate name or an invalid default. */
  define(options: ConfigKeyOptions): this {
    const { name, type } = options
    if (this.#keys.has(name)) throw new ConfigError(`Configuration ${name} is defined twice.`)
    const hasDefault = Object.hasOwn(options, 'defaultValue')
    const defaultValue = hasDefault ? parseConfigValue(name, options.defaultValue, type) : null
    if (hasDefault && options.validator) {
      try {
        options.validator.ensureValid(name, defaultValue)
      } catch (err) {
        throw new ConfigError(`Invalid default value for configuration ${name}: ${(err as Error).message}`, { cause: err })
      }
    }
    const group = options.group ?? null
    if (group !== null && !this.#groups.includes(group)) this.#groups.push(group)
    this.#keys.set(name, Object.freeze({
      name,
      type,
      hasDefault,
      defaultValue,
      validator: options.validator ?? null,
      importance: options.importance,
      documentation: options.documentation,
      group,
      orderInGroup: options.orderInGroup ?? -1,
      width: options.width ?? 'NONE',
      displayName: options.displayName ?? name,
      dependents: Object.freeze([...(options.dependents ?? [])]),
      recommender: options.recommender ?? null,
      internal: options.internal ?? false,
    }))
    return this
  }

  /** Keys in definition order. */
  get configKeys(): ReadonlyMap<string, ConfigKey> {
    return this.#keys
  }

  names(): string[] {
    return [...this.#keys.keys()]
  }

  /** Groups in order of first definition. */
  groups(): string[] {
    return [...this.#groups]
  }

  /** A copy of this definition plus every key of `other` (duplicates throw). */
  merge(other: ConfigDef): ConfigDef {
    const out = new ConfigDef()
    for (const key of [...this.#keys.values(), ...other.#keys.values()]) out.#defineKey(key)
    return out
  }

  /** Copies `child`'s keys under `prefix` into this definition, grouped under `group` from `startingOrder` (ConfigDef.embed). */
  embed(prefix: string, group: string, startingOrder: number, child: ConfigDef): this {
    let order = startingOrder
    for (const key of child.#keys.values()) {
      this.#defineKey({
        ...key,
        name: prefix + key.name,
        group,
        orderInGroup: order++,
        dependents: key.dependents.map((d) => prefix + d),
      })
    }
    return this
  }

  /** Parses and validates every key; throws the first ConfigError (Kafka's ConfigDef.parse). */
  parse(props: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (const key of this.#keys.values()) {
      let value: unknown
      if (Object.hasOwn(props, key.name)) value = parseConfigValue(key.name, props[key.name], key.type)
      else if (!key.hasDefault) throw missingRequired(key.name)
      else value = key.defaultValue
      key.validator?.ensureValid(key.name, value)
      out[key.name] = value
    }
    return out
  }

  /** Per-key results in definition order; never throws for bad values (Kafka's ConfigDef.validate). */
  validate(props: Readonly<Record<string, unknown>>): ConfigValue[] {
    return [...this.validateAll(props).values()]
  }

  validateAll(props: Readonly<Record<string, unknown>>): Map<string, ConfigValue> {
    const values = new Map<string, ConfigValue>()
    const parsed: Record<string, unknown> = {}
    for (const key of this.#keys.values()) {
      const cv = new ConfigValue(key.name)
      let value: unknown = null
      if (Object.hasOwn(props, key.name)) {
        try {
          value = parseConfigValue(key.name, props[key.name], key.type)
        } catch (err) {
          cv.addErrorMessage(messageOf(err))
        }
      } else if (!key.hasDefault) {
        cv.addErrorMessage(missingRequired(key.name).message)
      } else {
        value = key.defaultValue
      }
      if (key.validator) {
        try {
          key.validator.ensureValid(key.name, value)
        } catch (err) {
          cv.addErrorMessage(messageOf(err))
        }
      }
      cv.value = value
      parsed[key.name] = value
      values.set(key.name, cv)
    }
    const done = new Set<string>()
    for (const name of this.#keys.keys()) this.#recommend(name, parsed, values, done)
    return values
  }

  #recommend(name: string, parsed: Record<string, unknown>, values: Map<string, ConfigValue>, done: Set<string>): void {
    if (done.has(name)) return
    done.add(name)
    const key = this.#keys.get(name)
    const cv = values.get(name)
    if (!key || !cv) return
    if (key.recommender) {
      try {
        const recommended = key.recommender.validValues(name, parsed)
        cv.recommendedValues = cv.recommendedValues.length > 0 ? recommended.filter((v) => cv.recommendedValues.includes(v)) : recommended
        cv.visible = key.recommender.visible(name, parsed)
      } catch (err) {
        cv.addErrorMessage(messageOf(err))
      }
    }
    for (const dependent of key.dependents) this.#recommend(dependent, parsed, values, done)
  }

  #defineKey(key: ConfigKey): void {
    if (this.#keys.has(key.name)) throw new ConfigError(`Configuration ${key.name} is defined twice.`)
    if (key.group !== null && !this.#groups.includes(key.group)) this.#groups.push(key.group)
    this.#keys.set(key.name, Object.freeze({ ...key }))
  }
}

/** Kafka Connect's REST rendering of a key definition. */
export function configKeyInfo(key: ConfigKey): ConfigKeyInfo {
  return {
    name: key.name,
    type: key.type,
    required: !key.hasDefault,
    default_value: key.hasDefault ? configValueToString(key.defaultValue, key.type) : null,
    importance: key.importance,
    documentation: key.documentation,
    group: key.group,
    order: key.orderInGroup,
    width: key.width,
    display_name: key.displayName,
    dependents: [...key.dependents],
  }
}

/** What a form needs beyond Kafka's REST shape: the validator's rule and its allowed values or bounds. */
export interface ConfigKeyForm extends ConfigKeyInfo {
  validator: string | null
  valid_values: string[] | null
  min: number | null
  max: number | null
  internal: boolean
}

export function configKeyForm(key: ConfigKey): ConfigKeyForm {
  const v = key.validator
  return {
    ...configKeyInfo(key),
    validator: v ? v.toString() : null,
    valid_values: v?.validValues ? [...v.validValues] : null,
    min: v?.min ?? null,
    max: v?.max ?? null,
    internal: key.internal,
  }
}

function missingRequired(name: string): ConfigError {
  return new ConfigError(`Missing required configuration "${name}" which has no default value.`)
}

function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message
  return String(err)
}
