// The validation result for one key (Kafka's ConfigValue) and its REST rendering.
import type { ConfigType } from './config-types.ts'
import { configValueToString } from './parse-config-value.ts'

/** Kafka Connect's REST ConfigValueInfo. */
export interface ConfigValueInfo {
  name: string
  value: string | null
  recommended_values: string[]
  errors: string[]
  visible: boolean
}

export class ConfigValue {
  readonly name: string
  value: unknown = null
  recommendedValues: unknown[] = []
  readonly errorMessages: string[] = []
  visible = true

  constructor(name: string, value: unknown = null) {
    this.name = name
    this.value = value
  }

  addErrorMessage(message: string): void {
    this.errorMessages.push(message)
  }

  /** REST shape; values rendered as Kafka's convertToString (passwords as [hidden]). */
  toInfo(type: ConfigType | null): ConfigValueInfo {
    const render = (v: unknown): string | null => (type === null ? (v === null || v === undefined ? null : String(v)) : configValueToString(v, type))
    return {
      name: this.name,
      value: render(this.value),
      recommended_values: this.recommendedValues.map((v) => render(v) ?? 'null'),
      errors: [...this.errorMessages],
      visible: this.visible,
    }
  }
}
