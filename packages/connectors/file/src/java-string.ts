// String.valueOf(value) as the Java FileStreamSink prints it: Struct{a=1,b=x}, {k=v, k2=v2},
// [a, b], null. Lets a Tributary sink file match a Kafka Connect one line for line.
import { Struct } from '@tributary/connect-api'

export function javaString (value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return value
  if (value instanceof Struct) return value.toString()
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8')
  if (Array.isArray(value)) return `[${value.map(javaString).join(', ')}]`
  if (value instanceof Map) return `{${[...value].map(([k, v]) => `${javaString(k)}=${javaString(v)}`).join(', ')}}`
  if (value instanceof Date) return value.toString()
  if (typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${k}=${javaString(v)}`).join(', ')}}`
  return String(value)
}
