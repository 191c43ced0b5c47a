// Java's Double.toString / Float.toString, so numbers read the same as Kafka writes them
// (1.0 not 1, 1.0E10 not 10000000000): JsonConverter output, header strings, config defaults.

export function formatJavaDouble(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Infinity) return 'Infinity'
  if (value === -Infinity) return '-Infinity'
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0'
  const abs = Math.abs(value)
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(value)
    return s.includes('.') ? s : `${s}.0`
  }
  const [mantissa, exp] = value.toExponential().split('e')
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exp)}`
}

/** The shortest decimal that reads back as the same float32. */
export function formatJavaFloat(value: number): string {
  const f = Math.fround(value)
  if (!Number.isFinite(f) || f === 0) return formatJavaDouble(f)
  for (let p = 1; p <= 9; p++) {
    const candidate = Number(f.toPrecision(p))
    if (Math.fround(candidate) === f) return formatJavaDouble(candidate)
  }
  return formatJavaDouble(f)
}

/**
 * Whether a schemaless JS number stands for a Java Long (JsonConverter reads integral JSON numbers
 * as Long) rather than a Double: integral and inside the long range.
 */
export function isLongValue(value: number): boolean {
  return Number.isInteger(value) && Math.abs(value) < 2 ** 63
}
