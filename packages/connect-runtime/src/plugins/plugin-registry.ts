// Every plugin the worker can run, by Kafka class name and alias. Aliases follow Kafka's rules:
// the simple class name and the simple name minus the type suffix (FileStreamSinkConnector →
// FileStreamSink); an alias claimed by two plugins of the same kind is dropped as ambiguous.
import type { PluginDescriptor, PluginType } from '@tributary/connect-api'

type Kind = 'connector' | 'converter' | 'header_converter' | 'transformation' | 'predicate'

const KIND_OF: Record<PluginType, Kind> = {
  source: 'connector',
  sink: 'connector',
  converter: 'converter',
  header_converter: 'header_converter',
  transformation: 'transformation',
  predicate: 'predicate',
}
const SUFFIX: Record<PluginType, string> = {
  source: 'Connector',
  sink: 'Connector',
  converter: 'Converter',
  header_converter: 'HeaderConverter',
  transformation: 'Transformation',
  predicate: 'Predicate',
}

export class PluginRegistry {
  readonly #byClass = new Map<Kind, Map<string, PluginDescriptor>>()
  readonly #aliases = new Map<Kind, Map<string, PluginDescriptor | null>>()
  /** Where each plugin came from ("classpath" for built-ins, a directory or package for plugin.path). */
  readonly #locations = new Map<PluginDescriptor, string>()

  add (descriptors: Iterable<PluginDescriptor>, location = 'classpath'): void {
    for (const d of descriptors) {
      const kind = KIND_OF[d.type]
      const classes = this.#map(this.#byClass, kind)
      if (classes.has(d.className)) continue
      classes.set(d.className, d)
      this.#locations.set(d, location)
      const aliases = this.#map(this.#aliases, kind)
      const simple = d.className.slice(d.className.lastIndexOf('.') + 1)
      const names = new Set([...d.aliases, simple])
      const suffix = SUFFIX[d.type]
      if (simple.endsWith(suffix) && simple.length > suffix.length) names.add(simple.slice(0, -suffix.length))
      for (const n of names) {
        if (n === d.className) continue
        const prev = aliases.get(n)
        aliases.set(n, prev === undefined || prev === d ? d : null)
      }
    }
  }

  /** A connector, converter, transform or predicate by class name or unambiguous alias. */
  find (kind: Kind, name: string): PluginDescriptor | undefined {
    const trimmed = name.trim()
    return this.#byClass.get(kind)?.get(trimmed) ?? this.#aliases.get(kind)?.get(trimmed) ?? undefined
  }

  /** Any plugin by class name or alias (for GET /connector-plugins/{p}/config). */
  findAny (name: string): PluginDescriptor | undefined {
    for (const kind of ['connector', 'transformation', 'predicate', 'converter', 'header_converter'] as const) {
      const d = this.find(kind, name)
      if (d !== undefined) return d
    }
    return undefined
  }

  list (type: PluginType): PluginDescriptor[] {
    return [...(this.#byClass.get(KIND_OF[type])?.values() ?? [])].filter((d) => d.type === type).sort((a, b) => a.className < b.className ? -1 : a.className > b.className ? 1 : 0)
  }

  location (d: PluginDescriptor): string { return this.#locations.get(d) ?? 'classpath' }

  /** Kafka's wording when no connector matches, listing every connector it knows. */
  connectorNotFoundMessage (name: string): string {
    const all = [...this.list('sink'), ...this.list('source')].sort((a, b) => a.className < b.className ? -1 : 1)
    const descs = all.map((d) => `PluginDesc{klass=class ${d.className}, name='${d.className}', version='${d.version}', encodedVersion=${d.version}, type=${d.type}, typeName='${d.type}', location='${this.location(d)}'}`)
    return `Failed to find any class that implements Connector and which name matches ${name}, available connectors are: ${descs.join(', ')}`
  }

  #map<V> (outer: Map<Kind, Map<string, V>>, kind: Kind): Map<string, V> {
    let m = outer.get(kind)
    if (m === undefined) { m = new Map(); outer.set(kind, m) }
    return m
  }
}
