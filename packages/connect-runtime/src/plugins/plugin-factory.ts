// Instantiates and configures the plugins a connector's config names: converters (connector
// override or worker default, with their prefixed keys) and the transforms/predicates chain.
import { ConfigError, type Converter, type HeaderConverter, type Predicate, type Transformation } from '@tributary/connect-api'
import { TransformChain, type TransformStep } from '../stream/transform-chain.ts'
import type { PluginRegistry } from './plugin-registry.ts'

function list (v: string | undefined): string[] {
  return v === undefined || v.trim() === '' ? [] : v.split(/\s*,\s*/).map((s) => s.trim()).filter(Boolean)
}

function withPrefix (config: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(config)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v
  return out
}

export interface ConverterSet { key: Converter, value: Converter, header: HeaderConverter }

/** Connector keys win over worker keys; each converter sees only its own prefixed settings. */
export function createConverters (registry: PluginRegistry, worker: Record<string, string>, connector: Record<string, string>, defaults: { key: string, value: string, header: string }): ConverterSet {
  const pick = (kind: 'key' | 'value' | 'header'): { cls: string, props: Record<string, string> } => {
    const own = connector[`${kind}.converter`]
    if (own !== undefined && own.trim() !== '') return { cls: own.trim(), props: withPrefix(connector, `${kind}.converter.`) }
    return { cls: defaults[kind], props: withPrefix(worker, `${kind}.converter.`) }
  }
  const k = pick('key')
  const v = pick('value')
  const h = pick('header')
  const key = instantiate<Converter>(registry, 'converter', k.cls, 'key.converter')
  key.configure({ ...k.props, 'converter.type': 'key' }, true)
  const value = instantiate<Converter>(registry, 'converter', v.cls, 'value.converter')
  value.configure({ ...v.props, 'converter.type': 'value' }, false)
  const header = instantiate<HeaderConverter>(registry, 'header_converter', h.cls, 'header.converter')
  header.configure({ ...h.props, 'converter.type': 'header' })
  return { key, value, header }
}

export function createTransformChain (registry: PluginRegistry, config: Record<string, string>): TransformChain {
  const predicates = new Map<string, Predicate>()
  for (const p of list(config.predicates)) {
    const cls = config[`predicates.${p}.type`]
    const pred = instantiate<Predicate>(registry, 'predicate', cls, `predicates.${p}.type`)
    pred.configure(withPrefix(config, `predicates.${p}.`))
    predicates.set(p, pred)
  }
  const steps: TransformStep[] = []
  for (const alias of list(config.transforms)) {
    const cls = config[`transforms.${alias}.type`]
    const transform = instantiate<Transformation>(registry, 'transformation', cls, `transforms.${alias}.type`)
    const props = withPrefix(config, `transforms.${alias}.`)
    const predicateAlias = props.predicate
    const negate = (props.negate ?? 'false').trim().toLowerCase() === 'true'
    delete props.predicate
    delete props.negate
    transform.configure(props)
    let predicate: Predicate | null = null
    if (predicateAlias !== undefined && predicateAlias.trim() !== '') {
      predicate = predicates.get(predicateAlias.trim()) ?? null
      if (predicate === null) throw ConfigError.invalid(`transforms.${alias}.predicate`, predicateAlias, `Predicate ${predicateAlias} is not defined in predicates`)
    }
    steps.push({ alias, className: registry.find('transformation', cls)?.className ?? cls, transform, predicate, negate })
  }
  return new TransformChain(steps)
}

function instantiate<T> (registry: PluginRegistry, kind: 'converter' | 'header_converter' | 'transformation' | 'predicate', cls: string | undefined, key: string): T {
  if (cls === undefined || cls.trim() === '') throw new ConfigError(`Missing required configuration "${key}" which has no default value.`)
  const d = registry.find(kind, cls)
  if (d === undefined) throw ConfigError.invalid(key, cls, `Class ${cls.trim()} could not be found.`)
  return d.create() as T
}
