// Connect's Schema.Type. Values are the upper-case names Kafka prints in messages.
export const SchemaType = {
  INT8: 'INT8',
  INT16: 'INT16',
  INT32: 'INT32',
  INT64: 'INT64',
  FLOAT32: 'FLOAT32',
  FLOAT64: 'FLOAT64',
  BOOLEAN: 'BOOLEAN',
  STRING: 'STRING',
  BYTES: 'BYTES',
  ARRAY: 'ARRAY',
  MAP: 'MAP',
  STRUCT: 'STRUCT',
} as const
export type SchemaType = (typeof SchemaType)[keyof typeof SchemaType]

const PRIMITIVES: ReadonlySet<SchemaType> = new Set(['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64', 'BOOLEAN', 'STRING', 'BYTES'])

export function isPrimitiveType(type: SchemaType): boolean {
  return PRIMITIVES.has(type)
}

/** Kafka's lower-case type name (`int8` …) used in configs such as Cast's spec. */
export function schemaTypeFromName(name: string): SchemaType | undefined {
  const upper = name.toUpperCase()
  return Object.hasOwn(SchemaType, upper) ? (upper as SchemaType) : undefined
}
