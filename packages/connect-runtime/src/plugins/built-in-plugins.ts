// The plugins that ship with Tributary: converters, transforms/predicates, file connectors.
// Each package exports `plugins: PluginDescriptor[]` (the same contract plugin.path uses).
import type { PluginDescriptor } from '@tributary/connect-api'
import { PluginRegistry } from './plugin-registry.ts'

const PACKAGES = ['@tributary/converters', '@tributary/transforms', '@tributary/connector-file']

export async function builtInRegistry (extra: PluginDescriptor[] = []): Promise<PluginRegistry> {
  const registry = new PluginRegistry()
  for (const name of PACKAGES) {
    const mod = await import(name) as { plugins?: PluginDescriptor[] }
    if (Array.isArray(mod.plugins)) registry.add(mod.plugins)
  }
  registry.add(extra)
  return registry
}
