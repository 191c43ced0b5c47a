// Cast's value conversions, as Java performs them: Number.xxxValue() narrowing (doubles saturate to
// int first), boolean 1/0, String.parseXxx for strings (NumberFormatException → DataError), logical
// Date/Time/Timestamp encoded to days/ms first unless the target is string, bytes → base64 text.
import {
  DataError, Struct, BigDecimal, LogicalName, ConnectDate, ConnectTime, ConnectTimestamp, isMapValue, describeJavaClass,
  formatDateValue, formatJavaDouble, formatJavaFloat, isLongValue,
} from '@tributary/connect-api'
import type { Schema, SchemaType } from '@tributary/connect-api'

export const INPUT_TYPES: readonly SchemaType[] = ['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64', 'BOOLEAN', 'STRING', 'BYTES']

function inferType(value: unknown): SchemaType | null {
  if (typeof value === 'number') return isLongValue(value) ? 'INT64' : 'FLOAT64'
  if (typeof value === 'bigint') return 'INT64'
  if (typeof value === 'boolean') return 'BOOLEAN'
  if (typeof value === 'string') return 'STRING'
  if (value instanceof Uint8Array) return 'BYTES'
  if (value instanceof Struct) return 'STRUCT'
  if (Array.isArray(value)) return 'ARRAY'
  if (isMapValue(value)) return 'MAP'
  return null
}

export function castValue(schema: Schema | null, value: unknown, target: SchemaType): unknown {
  if (value === null || value === undefined) return null
  const inferred = schema ? schema.type : inferType(value)
  if (inferred === null) throw new DataError(`Cast transformation was passed a value of type ${describeJavaClass(value)} which is not supported by Connect's data API`)
  if (!INPUT_TYPES.includes(inferred)) {
    throw new DataError(`Cast transformation does not support casting from ${inferred}; supported types are [${INPUT_TYPES.join(', ')}]`)
  }
  let v: unknown = value
  if (schema !== null && schema.name !== null && target !== 'STRING') v = encodeLogical(schema, v)
  try {
    switch (target) {
      case 'INT8': return Number(BigInt.asIntN(8, toIntBig(v, inferred)))
      case 'INT16': return Number(BigInt.asIntN(16, toIntBig(v, inferred)))
      case 'INT32': return Number(BigInt.asIntN(32, toIntBig(v, inferred)))
      case 'INT64': {
        const n = BigInt.asIntN(64, toBigInt(v))
        return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n
      }
      case 'FLOAT32': return Math.fround(toDouble(v))
      case 'FLOAT64': return toDouble(v)
      case 'BOOLEAN':
        if (typeof v === 'boolean') return v
        if (typeof v === 'string') return v.toLowerCase() === 'true'
        return toBigInt(v) !== 0n
      case 'STRING': return castToString(inferred, v)
      default: throw new DataError(`${target} is not supported in the Cast transformation.`)
    }
  } catch (err) {
    if (err instanceof NumberFormatError) throw new DataError(`Value (${String(value)}) was out of range for requested data type`, { cause: err })
    throw err
  }
}

class NumberFormatError extends Error {}

function encodeLogical(schema: Schema, value: unknown): unknown {
  switch (schema.name) {
    case LogicalName.DATE: return ConnectDate.fromLogical(schema, value as Date)
    case LogicalName.TIME: return ConnectTime.fromLogical(schema, value as Date)
    case LogicalName.TIMESTAMP: return ConnectTimestamp.fromLogical(schema, value as Date)
    default: return value
  }
}

/** Java narrows a double to int first (saturating), then to byte/short. */
function toIntBig(v: unknown, from: SchemaType): bigint {
  // a Long (or smaller) narrows by wrapping; only a Float/Double saturates at the int range
  if (typeof v !== 'number' || (from !== 'FLOAT32' && from !== 'FLOAT64')) return toBigInt(v)
  if (Number.isNaN(v)) return 0n
  return BigInt(Math.max(-2147483648, Math.min(2147483647, Math.trunc(v))))
}

/** Java's Number.longValue() (doubles saturate then wrap by width), boolean 1/0, or parseLong for strings. */
function toBigInt(v: unknown): bigint {
  if (typeof v === 'bigint') return v
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 0n
    if (v >= 9.223372036854776e18) return 2n ** 63n - 1n
    if (v <= -9.223372036854776e18) return -(2n ** 63n)
    return BigInt(Math.trunc(v))
  }
  if (typeof v === 'boolean') return v ? 1n : 0n
  if (v instanceof BigDecimal) return BigInt(Math.trunc(v.toNumber()))
  if (typeof v === 'string') {
    if (!/^[+-]?\d+$/.test(v)) throw new NumberFormatError(`For input string: "${v}"`)
    return BigInt(v)
  }
  throw new DataError(`Unexpected type in Cast transformation: ${describeJavaClass(v)}`)
}

function toDouble(v: unknown): number {
  if (typeof v === 'number') return v
  if (typeof v === 'bigint') return Number(v)
  if (typeof v === 'boolean') return v ? 1 : 0
  if (v instanceof BigDecimal) return v.toNumber()
  if (typeof v === 'string') {
    const t = v.trim()
    if (!/^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?)$/.test(t)) throw new NumberFormatError(`For input string: "${v}"`)
    return Number(t.replace(/[fFdD]$/, ''))
  }
  throw new DataError(`Unexpected type in Cast transformation: ${describeJavaClass(v)}`)
}

function castToString(inputType: SchemaType, v: unknown): string {
  if (v instanceof Date) return formatDateValue(v)
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64')
  if (typeof v === 'number') {
    if (inputType === 'FLOAT32') return formatJavaFloat(v)
    if (inputType === 'FLOAT64') return formatJavaDouble(v)
  }
  return String(v)
}
