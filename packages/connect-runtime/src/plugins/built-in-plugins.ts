// The plugins that ship with Tributary: converters, transforms/predicates, file connectors.
// Each package exports one or more arrays of PluginDescriptor (the same contract plugin.path uses).
import type { PluginDescriptor } from '@tributary/connect-api'
import { PluginRegistry } from './plugin-registry.ts'

const PACKAGES = ['@tributary/converters', '@tributary/transforms', '@tributary/connector-file']

/** Every exported array whose elements look like plugin descriptors. */
export function descriptorsOf (mod: Record<string, unknown>): PluginDescriptor[] {
  const out: PluginDescriptor[] = []
  for (const v of Object.values(mod)) {
    if (!Array.isArray(v)) continue
    for (const d of v) {
      if (d !== null && typeof d === 'object' && typeof d.className === 'string' && typeof d.type === 'string' && typeof d.create === 'function') out.push(d as PluginDescriptor)
    }
  }
  return out
}

export async function builtInRegistry (extra: PluginDescriptor[] = []): Promise<PluginRegistry> {
  const registry = new PluginRegistry()
  for (const name of PACKAGES) {
    try {
      registry.add(descriptorsOf(await import(name) as Record<string, unknown>))
    } catch (err) {
      // A built-in package that does not load is a broken install, not a reason to hide the others.
      process.emitWarning(`Tributary built-in plugins from ${name} could not be loaded: ${(err as Error).message}`)
    }
  }
  registry.add(extra)
  return registry
}
