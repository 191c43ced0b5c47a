// Updated schemas are cached per input schema, as Kafka does (LRU of 16), so a stream of records
// sharing one schema gets one output Schema instance.
import type { Schema } from '@tributary/connect-api'

export class SchemaUpdateCache {
  readonly #map = new Map<Schema, Schema>()
  readonly #max: number

  constructor(max = 16) {
    this.#max = max
  }

  getOrBuild(schema: Schema, build: (schema: Schema) => Schema): Schema {
    const hit = this.#map.get(schema)
    if (hit !== undefined) {
      this.#map.delete(schema)
      this.#map.set(schema, hit)
      return hit
    }
    const built = build(schema)
    this.#map.set(schema, built)
    if (this.#map.size > this.#max) this.#map.delete(this.#map.keys().next().value as Schema)
    return built
  }
}

// Note: Kafka's SchemaUtil.copySchemaBasics copies name, version, doc and parameters only — not
// optionality or defaults — so struct schemas rebuilt by InsertField, ReplaceField, HeaderFrom and
// Flatten come out required, exactly as Kafka Connect's do. (Cast and TimestampConverter re-apply
// optionality themselves, as Kafka's do.)
