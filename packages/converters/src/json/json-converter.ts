// org.apache.kafka.connect.json.JsonConverter: Connect data as JSON, by default inside Kafka's
// {"schema": …, "payload": …} envelope. Also a HeaderConverter. Schema translations are cached
// (schemas.cache.size) in both directions; a cached read returns the same Schema instance, which
// keeps downstream per-schema caches (SMTs) hot.
import { DataError, SchemaAndValue, ConverterType } from '@tributary/connect-api'
import type { Converter, HeaderConverter, ConnectHeaders, Schema, ConfigDef } from '@tributary/connect-api'
import { jsonConverterConfigDef, parseJsonConverterConfig } from './json-converter-config.ts'
import { schemaFromJson, schemaToJsonText } from './json-schema-codec.ts'
import { valueToJsonText, jsonToValue } from './json-value-codec.ts'
import type { ValueCodecOptions } from './json-value-codec.ts'
import { parseJsonText, bytesToText, isJsonObject } from './json-text.ts'
import type { JsonNode, ParsedJson } from './json-text.ts'
import { LruCache } from '../lru-cache.ts'
import { withConverterType } from '../converter-config.ts'

const ENVELOPE_ERROR =
  'JsonConverter with schemas.enable requires "schema" and "payload" fields and may not contain additional fields. ' +
  'If you are trying to deserialize plain JSON data, set schemas.enable=false in your converter configuration.'

/** Only int64 and Decimal values can lose digits in a plain JSON.parse. */
function needsExactNumbers(schema: Schema | null): boolean {
  if (schema === null) return false
  if (schema.type === 'INT64' || schema.type === 'BYTES') return true
  return schema.fields.some((f) => needsExactNumbers(f.schema)) || needsExactNumbers(schema.keySchema) || needsExactNumbers(schema.valueSchema)
}

const ENVELOPE_HEAD = '{"schema":'
const PAYLOAD_HEAD = ',"payload":'
const RECENT_SCHEMAS = 8

export class JsonConverter implements Converter, HeaderConverter {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.json.JsonConverter'

  #schemasEnabled = true
  #opts: ValueCodecOptions = { decimalNumeric: false, replaceNullWithDefault: true }
  #toJsonCache = new LruCache<Schema, string>(1000)
  #fromJsonCache = new LruCache<string, Schema>(1000)
  #recentSchemas: Array<{ text: string; schema: Schema; needsExact: boolean }> = []

  config(): ConfigDef {
    return jsonConverterConfigDef()
  }

  /** HeaderConverter form: configs must carry converter.type (defaults to header). */
  configure(configs: Readonly<Record<string, unknown>>, isKey?: boolean): void {
    const withType = isKey === undefined
      ? { 'converter.type': ConverterType.HEADER, ...configs }
      : withConverterType(configs, isKey)
    const settings = parseJsonConverterConfig(withType)
    this.#schemasEnabled = settings.schemasEnabled
    this.#opts = { decimalNumeric: settings.decimalFormat === 'NUMERIC', replaceNullWithDefault: settings.replaceNullWithDefault }
    this.#toJsonCache = new LruCache(settings.cacheSize)
    this.#fromJsonCache = new LruCache(settings.cacheSize)
    this.#recentSchemas = []
  }

  fromConnectData(_topic: string, _headers: ConnectHeaders | null, schema: Schema | null, value: unknown): Uint8Array | null {
    if (schema === null && (value === null || value === undefined)) return null
    const payload = valueToJsonText(schema, value, this.#opts)
    const text = this.#schemasEnabled ? `{"schema":${schema === null ? 'null' : this.asJsonSchemaText(schema)},"payload":${payload}}` : payload
    return Buffer.from(text, 'utf8')
  }

  toConnectData(_topic: string, _headers: ConnectHeaders | null, bytes: Uint8Array | null): SchemaAndValue {
    if (bytes === null || bytes === undefined) return SchemaAndValue.NULL
    const text = bytesToText(bytes)
    if (!this.#schemasEnabled) {
      const parsed = parseJsonText(text)
      // plain JSON.parse output already is the schemaless Connect value (objects as maps)
      return { schema: null, value: parsed.exact ? jsonToValue(null, parsed.node, this.#opts) : parsed.node }
    }
    const fast = this.#readKnownEnvelope(text)
    if (fast !== null) return fast
    const { node } = parseJsonText(text)
    if (!isJsonObject(node) || Object.keys(node).length !== 2 || !Object.hasOwn(node, 'schema') || !Object.hasOwn(node, 'payload')) {
      throw new DataError(ENVELOPE_ERROR)
    }
    const schema = this.asConnectSchema(node.schema)
    return { schema, value: jsonToValue(schema, node.payload, this.#opts) }
  }

  fromConnectHeader(topic: string, _headerKey: string, schema: Schema | null, value: unknown): Uint8Array | null {
    return this.fromConnectData(topic, null, schema, value)
  }

  toConnectHeader(topic: string, _headerKey: string, bytes: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, null, bytes)
  }

  /**
   * Fast path for the common case of an envelope whose schema text was seen recently: parse only
   * the payload. Anything unusual (other spacing, extra fields) falls back to the full parse.
   */
  #readKnownEnvelope(text: string): SchemaAndValue | null {
    if (!text.startsWith(ENVELOPE_HEAD) || !text.endsWith('}')) return null
    for (const known of this.#recentSchemas) {
      if (!text.startsWith(known.text, ENVELOPE_HEAD.length) || !text.startsWith(PAYLOAD_HEAD, ENVELOPE_HEAD.length + known.text.length)) continue
      const payloadText = text.slice(ENVELOPE_HEAD.length + known.text.length + PAYLOAD_HEAD.length, -1)
      let payload: ParsedJson
      try {
        payload = parseJsonText(payloadText, known.needsExact)
      } catch {
        return null
      }
      return { schema: known.schema, value: jsonToValue(known.schema, payload.node, this.#opts) }
    }
    return null
  }

  #remember(text: string, schema: Schema): void {
    if (this.#recentSchemas.some((k) => k.schema === schema)) return
    this.#recentSchemas.unshift({ text, schema, needsExact: needsExactNumbers(schema) })
    if (this.#recentSchemas.length > RECENT_SCHEMAS) this.#recentSchemas.pop()
  }

  /** The schema's JSON text (cached). */
  asJsonSchemaText(schema: Schema): string {
    const cached = this.#toJsonCache.get(schema)
    if (cached !== undefined) return cached
    const text = schemaToJsonText(schema, (s, v) => valueToJsonText(s, v, this.#opts))
    this.#toJsonCache.set(schema, text)
    return text
  }

  /** A Connect schema from its JSON form (cached by the JSON's text). */
  asConnectSchema(node: JsonNode): Schema | null {
    if (node === null) return null
    const key = JSON.stringify(node)
    const cached = this.#fromJsonCache.get(key)
    if (cached !== undefined) return cached
    const schema = schemaFromJson(node, (s, n) => jsonToValue(s, n, this.#opts))
    if (schema !== null) {
      this.#fromJsonCache.set(key, schema)
      this.#remember(this.asJsonSchemaText(schema), schema)
    }
    return schema
  }

  close(): void {}
}
