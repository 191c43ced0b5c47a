// Connect Schema ↔ Kafka's JSON schema form. Written key order is Kafka's: type, items | keys,
// values | fields, optional, name, version, doc, parameters, default; struct fields end with "field".
// float32/float64 are "float"/"double".
import { SchemaBuilder, SchemaBuilderError, DataError } from '@tributary/connect-api'
import type { Schema, SchemaType } from '@tributary/connect-api'
import type { JsonNode } from './json-text.ts'
import { ExactNumber, isJsonObject, quoteJson } from './json-text.ts'

const TYPE_NAMES: Record<SchemaType, string> = {
  BOOLEAN: 'boolean', INT8: 'int8', INT16: 'int16', INT32: 'int32', INT64: 'int64', FLOAT32: 'float', FLOAT64: 'double',
  BYTES: 'bytes', STRING: 'string', ARRAY: 'array', MAP: 'map', STRUCT: 'struct',
}
const TYPES_BY_NAME = new Map(Object.entries(TYPE_NAMES).map(([t, n]) => [n, t as SchemaType]))

/** Writes a schema as JSON text; `writeDefault` renders a default value with this schema. */
export function schemaToJsonText(schema: Schema, writeDefault: (schema: Schema, value: unknown) => string): string {
  let out = `{"type":"${TYPE_NAMES[schema.type]}"`
  switch (schema.type) {
    case 'ARRAY':
      out += `,"items":${schemaToJsonText(schema.valueSchema!, writeDefault)}`
      break
    case 'MAP':
      out += `,"keys":${schemaToJsonText(schema.keySchema!, writeDefault)},"values":${schemaToJsonText(schema.valueSchema!, writeDefault)}`
      break
    case 'STRUCT': {
      const fields = schema.fields.map((f) => {
        const inner = schemaToJsonText(f.schema, writeDefault)
        return `${inner.slice(0, -1)},"field":${quoteJson(f.name)}}`
      })
      out += `,"fields":[${fields.join(',')}]`
      break
    }
    default:
  }
  out += `,"optional":${schema.optional}`
  if (schema.name !== null) out += `,"name":${quoteJson(schema.name)}`
  if (schema.version !== null) out += `,"version":${schema.version}`
  if (schema.doc !== null) out += `,"doc":${quoteJson(schema.doc)}`
  if (schema.parameters !== null) {
    const params = Object.entries(schema.parameters).map(([k, v]) => `${quoteJson(k)}:${quoteJson(v)}`)
    out += `,"parameters":{${params.join(',')}}`
  }
  if (schema.defaultValue !== null) out += `,"default":${writeDefault(schema, schema.defaultValue)}`
  return `${out}}`
}

/** Reads Kafka's JSON schema form; `readDefault` converts a default with the schema built so far. */
export function schemaFromJson(node: JsonNode, readDefault: (schema: Schema, node: JsonNode) => unknown): Schema | null {
  if (node === null) return null
  if (!isJsonObject(node)) throw new DataError("Schema must contain 'type' field")
  const typeNode = node.type
  if (typeof typeNode !== 'string') throw new DataError("Schema must contain 'type' field")
  const type = TYPES_BY_NAME.get(typeNode)
  if (type === undefined) throw new DataError(`Unknown schema type: ${typeNode}`)
  let builder: SchemaBuilder
  switch (type) {
    case 'ARRAY': {
      const items = node.items
      if (items === undefined || items === null) throw new DataError('Array schema did not specify the element type')
      builder = SchemaBuilder.array(schemaFromJson(items, readDefault)!)
      break
    }
    case 'MAP': {
      if (node.keys === undefined) throw new DataError('Map schema did not specify the key type')
      if (node.values === undefined) throw new DataError('Map schema did not specify the value type')
      builder = SchemaBuilder.map(schemaFromJson(node.keys, readDefault)!, schemaFromJson(node.values, readDefault)!)
      break
    }
    case 'STRUCT': {
      builder = SchemaBuilder.struct()
      const fields = node.fields
      if (!Array.isArray(fields)) throw new DataError('Struct schema\'s "fields" argument is not an array.')
      for (const field of fields) {
        const name = isJsonObject(field) ? field.field : undefined
        if (typeof name !== 'string') throw new DataError("Struct schema's field name not specified properly")
        builder.field(name, schemaFromJson(field, readDefault)!)
      }
      break
    }
    default:
      builder = SchemaBuilder.type(type)
  }
  if (node.optional === true) builder.optional()
  if (typeof node.name === 'string') builder.name(node.name)
  const version = node.version
  if (typeof version === 'number' && Number.isInteger(version)) builder.version(version)
  else if (version instanceof ExactNumber && version.isIntegral) builder.version(Number(version.text))
  if (typeof node.doc === 'string') builder.doc(node.doc)
  const params = node.parameters
  if (isJsonObject(params)) {
    for (const [k, v] of Object.entries(params)) {
      if (typeof v !== 'string') throw new DataError('Schema parameters must have string values.')
      builder.parameter(k, v)
    }
  }
  if (node.default !== undefined) {
    // Kafka validates a struct default against the half-built schema and always rejects it
    if (type === 'STRUCT' && node.default !== null) throw new SchemaBuilderError('Invalid default value')
    builder.defaultValue(readDefault(builder.build(), node.default))
  }
  return builder.build()
}
