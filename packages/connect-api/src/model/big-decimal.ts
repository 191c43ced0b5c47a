// An arbitrary-precision decimal (unscaled bigint × 10^-scale), the JS value of Connect's
// Decimal logical type (Java's BigDecimal). Equality is Java's: 1.0 and 1.00 differ.
import { DataError } from '../errors.ts'

export class BigDecimal {
  readonly unscaled: bigint
  readonly scale: number

  constructor(unscaled: bigint, scale: number) {
    if (!Number.isInteger(scale)) throw new DataError(`Invalid BigDecimal scale: ${scale}`)
    this.unscaled = unscaled
    this.scale = scale
  }

  /** Parses Java BigDecimal text: `-12.340`, `1E+3`, `5e-2`. */
  static parse(text: string): BigDecimal {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim())
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new DataError(`Invalid decimal: ${text}`)
    const frac = m[3] ?? ''
    const digits = BigInt(`${m[2]}${frac}` || '0')
    const scale = frac.length - Number(m[4] ?? 0)
    return new BigDecimal(m[1] === '-' ? -digits : digits, scale)
  }

  /** The decimal with the shortest text that reads back as `value` (like BigDecimal.valueOf(double)). */
  static fromNumber(value: number): BigDecimal {
    if (!Number.isFinite(value)) throw new DataError(`Cannot convert ${value} to a decimal`)
    const d = BigDecimal.parse(String(value))
    // BigDecimal.valueOf(double) keeps at least one fraction digit ("1.0")
    return Number.isInteger(value) && d.scale <= 0 ? d.setScale(1) : d
  }

  /** Rescales; throws DataError when digits would be lost (Java's RoundingMode.UNNECESSARY). */
  setScale(scale: number): BigDecimal {
    if (scale === this.scale) return this
    if (scale > this.scale) return new BigDecimal(this.unscaled * 10n ** BigInt(scale - this.scale), scale)
    const div = 10n ** BigInt(this.scale - scale)
    if (this.unscaled % div !== 0n) throw new DataError('Rounding necessary')
    return new BigDecimal(this.unscaled / div, scale)
  }

  toNumber(): number {
    return Number(this.toString())
  }

  toPlainString(): string {
    const neg = this.unscaled < 0n
    const digits = (neg ? -this.unscaled : this.unscaled).toString()
    let body: string
    if (this.scale <= 0) body = digits + '0'.repeat(-this.scale)
    else {
      const padded = digits.padStart(this.scale + 1, '0')
      body = `${padded.slice(0, -this.scale)}.${padded.slice(-this.scale)}`
    }
    return neg ? `-${body}` : body
  }

  /** Java's BigDecimal.toString: plain unless scale < 0 or the exponent is below -6. */
  toString(): string {
    const neg = this.unscaled < 0n
    const digits = (neg ? -this.unscaled : this.unscaled).toString()
    const adjusted = -this.scale + (digits.length - 1)
    if (this.scale >= 0 && adjusted >= -6) return this.toPlainString()
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
    return `${neg ? '-' : ''}${mantissa}E${adjusted >= 0 ? '+' : ''}${adjusted}`
  }

  equals(other: unknown): boolean {
    return other instanceof BigDecimal && other.unscaled === this.unscaled && other.scale === this.scale
  }

  /** Numeric comparison ignoring scale: -1, 0, 1. */
  compareTo(other: BigDecimal): number {
    const s = Math.max(this.scale, other.scale)
    const a = this.setScale(s).unscaled
    const b = other.setScale(s).unscaled
    return a < b ? -1 : a > b ? 1 : 0
  }
}

/** Big-endian two's-complement bytes, minimal length (Java's BigInteger.toByteArray). */
export function bigintToTwosComplement(value: bigint): Uint8Array {
  let bytes = 1
  while (value < -(1n << BigInt(bytes * 8 - 1)) || value >= 1n << BigInt(bytes * 8 - 1)) bytes++
  let v = value < 0n ? (1n << BigInt(bytes * 8)) + value : value
  const out = new Uint8Array(bytes)
  for (let i = bytes - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn)
    v >>= 8n
  }
  return out
}

/** Inverse of bigintToTwosComplement. */
export function twosComplementToBigint(bytes: Uint8Array): bigint {
  if (bytes.length === 0) throw new DataError('Empty byte array for a decimal value')
  let v = 0n
  for (const b of bytes) v = (v << 8n) | BigInt(b)
  return bytes[0] & 0x80 ? v - (1n << BigInt(bytes.length * 8)) : v
}
