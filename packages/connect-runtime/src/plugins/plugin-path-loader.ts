// plugin.path: each entry is a directory of plugin packages, a single plugin package directory, or
// an installed npm package name. A plugin package's entry module exports one or more
// arrays of PluginDescriptor, the same contract built-in packages use.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { PluginDescriptor } from '@tributary/connect-api'
import { descriptorsOf } from './built-in-plugins.ts'
import type { PluginRegistry } from './plugin-registry.ts'

export async function loadPluginPath (registry: PluginRegistry, pluginPath: string, warn: (msg: string) => void): Promise<void> {
  const entries = pluginPath.split(',').map((s) => s.trim()).filter(Boolean)
  for (const entry of entries) {
    const abs = resolve(entry)
    if (existsSync(abs) && statSync(abs).isDirectory()) {
      if (existsSync(join(abs, 'package.json'))) await loadPackageDir(registry, abs, warn)
      else {
        for (const name of readdirSync(abs).sort()) {
          const dir = join(abs, name)
          if (statSync(dir).isDirectory() && existsSync(join(dir, 'package.json'))) await loadPackageDir(registry, dir, warn)
        }
      }
    } else {
      // Not a directory: an installed npm package name.
      try {
        const req = createRequire(join(process.cwd(), 'package.json'))
        const mod = await import(pathToFileURL(req.resolve(entry)).href) as Record<string, unknown>
        addFrom(registry, mod, entry, warn)
      } catch (err) {
        warn(`Could not load plugin.path entry ${entry}: ${(err as Error).message}`)
      }
    }
  }
}

async function loadPackageDir (registry: PluginRegistry, dir: string, warn: (msg: string) => void): Promise<void> {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { main?: string, exports?: unknown }
    const exp = pkg.exports
    const main = typeof exp === 'string' ? exp : (exp !== null && typeof exp === 'object' && typeof (exp as Record<string, unknown>)['.'] === 'string') ? (exp as Record<string, string>)['.'] : pkg.main ?? 'index.js'
    const mod = await import(pathToFileURL(join(dir, main)).href) as Record<string, unknown>
    addFrom(registry, mod, `file:${dir}/`, warn)
  } catch (err) {
    warn(`Could not load plugin from ${dir}: ${(err as Error).message}`)
  }
}

function addFrom (registry: PluginRegistry, mod: Record<string, unknown>, location: string, warn: (msg: string) => void): void {
  const found: PluginDescriptor[] = descriptorsOf(mod)
  if (found.length === 0) { warn(`${location} exports no plugin descriptors; skipped`); return }
  registry.add(found, location)
}
