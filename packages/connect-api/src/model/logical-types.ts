// Connect's logical types: a named primitive schema plus conversions between the JS value
// (BigDecimal, Date) and the primitive it is stored as.
import type { Schema } from './schema.ts'
import { SchemaBuilder } from './schema-builder.ts'
import { BigDecimal, bigintToTwosComplement, twosComplementToBigint } from './big-decimal.ts'
import { LogicalName, DECIMAL_SCALE_FIELD } from './logical-names.ts'
import { DataError } from '../errors.ts'

const MS_PER_DAY = 86_400_000

export const Decimal = {
  LOGICAL_NAME: LogicalName.DECIMAL,
  SCALE_FIELD: DECIMAL_SCALE_FIELD,
  builder(scale: number): SchemaBuilder {
    return SchemaBuilder.bytes().name(LogicalName.DECIMAL).parameter(DECIMAL_SCALE_FIELD, String(scale)).version(1)
  },
  schema(scale: number): Schema {
    return Decimal.builder(scale).build()
  },
  scale(schema: Schema): number {
    const text = schema.parameters?.[DECIMAL_SCALE_FIELD]
    if (text === undefined) throw new DataError('Invalid Decimal schema: scale parameter not found.')
    const scale = Number.parseInt(text, 10)
    if (!Number.isInteger(scale)) throw new DataError(`Invalid scale parameter found in Decimal schema: ${text}`)
    return scale
  },
  /** BigDecimal → unscaled two's-complement bytes; the value's scale must equal the schema's. */
  fromLogical(schema: Schema, value: BigDecimal): Uint8Array {
    if (schema.name !== LogicalName.DECIMAL) throw new DataError('Requested conversion of Decimal object but the schema does not match.')
    const scale = Decimal.scale(schema)
    if (value.scale !== scale) {
      throw new DataError(`Decimal value has mismatching scale for given Decimal schema. Schema has scale ${scale}, value has scale ${value.scale}.`)
    }
    return bigintToTwosComplement(value.unscaled)
  },
  toLogical(schema: Schema, bytes: Uint8Array): BigDecimal {
    return new BigDecimal(twosComplementToBigint(bytes), Decimal.scale(schema))
  },
} as const

export const ConnectDate = {
  LOGICAL_NAME: LogicalName.DATE,
  builder(): SchemaBuilder {
    return SchemaBuilder.int32().name(LogicalName.DATE).version(1)
  },
  SCHEMA: SchemaBuilder.int32().name(LogicalName.DATE).version(1).build(),
  /** Days since the epoch; the Date must be midnight UTC. */
  fromLogical(schema: Schema, value: Date): number {
    if (schema.name !== LogicalName.DATE) throw new DataError('Requested conversion of Date object but the schema does not match.')
    const ms = value.getTime()
    if (ms % MS_PER_DAY !== 0) throw new DataError('Kafka Connect Date type should not have any time fields set to non-zero values.')
    return ms / MS_PER_DAY
  },
  toLogical(schema: Schema, days: number): Date {
    if (schema.name !== LogicalName.DATE) throw new DataError('Requested conversion of Date object but the schema does not match.')
    return new Date(days * MS_PER_DAY)
  },
} as const

export const ConnectTime = {
  LOGICAL_NAME: LogicalName.TIME,
  builder(): SchemaBuilder {
    return SchemaBuilder.int32().name(LogicalName.TIME).version(1)
  },
  SCHEMA: SchemaBuilder.int32().name(LogicalName.TIME).version(1).build(),
  /** Milliseconds since midnight; the Date must be on 1970-01-01 UTC. */
  fromLogical(schema: Schema, value: Date): number {
    if (schema.name !== LogicalName.TIME) throw new DataError('Requested conversion of Time object but the schema does not match.')
    const ms = value.getTime()
    if (ms < 0 || ms >= MS_PER_DAY) throw new DataError('Kafka Connect Time type should not have any date fields set to non-zero values.')
    return ms
  },
  toLogical(schema: Schema, ms: number): Date {
    if (schema.name !== LogicalName.TIME) throw new DataError('Requested conversion of Date object but the schema does not match.')
    if (ms < 0 || ms >= MS_PER_DAY) throw new DataError('Time values must use number of milliseconds greater than 0 and less than 86400000')
    return new Date(ms)
  },
} as const

export const ConnectTimestamp = {
  LOGICAL_NAME: LogicalName.TIMESTAMP,
  builder(): SchemaBuilder {
    return SchemaBuilder.int64().name(LogicalName.TIMESTAMP).version(1)
  },
  SCHEMA: SchemaBuilder.int64().name(LogicalName.TIMESTAMP).version(1).build(),
  /** Milliseconds since the epoch. */
  fromLogical(schema: Schema, value: Date): number {
    if (schema.name !== LogicalName.TIMESTAMP) throw new DataError('Requested conversion of Timestamp object but the schema does not match.')
    return value.getTime()
  },
  toLogical(schema: Schema, ms: number | bigint): Date {
    if (schema.name !== LogicalName.TIMESTAMP) throw new DataError('Requested conversion of Timestamp object but the schema does not match.')
    return new Date(Number(ms))
  },
} as const
