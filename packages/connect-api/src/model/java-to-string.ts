// String.valueOf(value) as a JVM would print the same Connect value: Struct{a=1,b=x},
// {k=v, k2=v2}, [a, b], 1.0 for doubles, Date.toString in UTC. StringConverter and Struct.toString
// use it so text written by Tributary matches Kafka Connect's line for line.
import type { Schema } from './schema.ts'
import { isMapValue, mapEntries } from './map-value.ts'
import { formatJavaDouble, formatJavaFloat, isLongValue } from './java-number-format.ts'
import { javaCalendarFields } from './java-calendar.ts'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export function javaToString(value: unknown, schema: Schema | null = null): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return value
  if (typeof value === 'number') {
    if (schema?.type === 'FLOAT32') return formatJavaFloat(value)
    if (schema?.type === 'FLOAT64' || (schema === null && !isLongValue(value))) return formatJavaDouble(value)
    return String(value)
  }
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return javaDateString(value)
  // a JVM prints byte[] by identity (`[B@1b6d3586`); a content hash keeps the shape and is stable
  if (value instanceof Uint8Array) return `[B@${contentHash(value).toString(16)}`
  if (Array.isArray(value)) return `[${value.map((v) => javaToString(v, schema?.valueSchema ?? null)).join(', ')}]`
  if (isMapValue(value)) {
    return `{${mapEntries(value).map(([k, v]) => `${javaToString(k, schema?.keySchema ?? null)}=${javaToString(v, schema?.valueSchema ?? null)}`).join(', ')}}`
  }
  return String(value)
}

/** java.util.Date#toString with the JVM zone set to UTC: `Tue Jan 03 06:30:01 UTC 2017`. */
export function javaDateString(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0')
  const f = javaCalendarFields(d.getTime())
  return `${DAYS[f.dayOfWeek]} ${MONTHS[f.month]} ${p(f.day)} ${p(f.hour)}:${p(f.minute)}:${p(f.second)} UTC ${f.yearOfEra}`
}

function contentHash(bytes: Uint8Array): number {
  let h = 0
  for (const b of bytes) h = (Math.imul(h, 31) + b) | 0
  return h >>> 0
}
