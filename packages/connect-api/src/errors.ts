// Connect's exception hierarchy. `kafkaClassName` is what Kafka Connect would report for the
// same failure (DLQ header `__connect.errors.exception.class.name`, REST traces).

export class ConnectError extends Error {
  readonly kafkaClassName: string = 'org.apache.kafka.connect.errors.ConnectException'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
  }
}

/** Data does not match its schema, or cannot be converted. Tolerated by errors.tolerance=all. */
export class DataError extends ConnectError {
  override readonly kafkaClassName: string = 'org.apache.kafka.connect.errors.DataException'
}

/** Transient failure: the runtime retries the operation until errors.retry.timeout. */
export class RetriableError extends ConnectError {
  override readonly kafkaClassName: string = 'org.apache.kafka.connect.errors.RetriableException'
}

/** A schema projection failed (SchemaProjector). */
export class SchemaProjectorError extends DataError {
  override readonly kafkaClassName: string = 'org.apache.kafka.connect.errors.SchemaProjectorException'
}

/** An invalid configuration value (Kafka's ConfigException, same message format). */
export class ConfigError extends Error {
  readonly kafkaClassName: string = 'org.apache.kafka.common.config.ConfigException'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
  }

  /** `Invalid value <v> for configuration <name>[: <reason>]`, as Kafka words it. */
  static invalid(name: string, value: unknown, reason?: string): ConfigError {
    const shown = describeConfigValue(value)
    return new ConfigError(`Invalid value ${shown} for configuration ${name}${reason === undefined ? '' : `: ${reason}`}`)
  }
}

/** Renders a config value the way Java's String.valueOf would for the same config. */
export function describeConfigValue(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return `[${value.map(describeConfigValue).join(', ')}]`
  if (typeof value === 'function') return value.name
  return String(value)
}

/** Misuse of SchemaBuilder (Kafka's SchemaBuilderException). */
export class SchemaBuilderError extends DataError {
  override readonly kafkaClassName: string = 'org.apache.kafka.connect.errors.SchemaBuilderException'
}
