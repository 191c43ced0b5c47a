// org.apache.kafka.common.config.provider.DirectoryConfigProvider: `${dir:/path/to/dir:filename}`,
// the value is the file's content.
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { allowedPathCheck, type ConfigProvider } from './config-provider.ts'

export function directoryConfigProvider (params: Record<string, string>): ConfigProvider {
  const allowed = allowedPathCheck(params['allowed.paths'])
  return {
    get (path, keys) {
      const out = new Map<string, string>()
      if (path === '' || !allowed(path)) return out
      for (const k of keys) {
        const file = join(path, k)
        try {
          if (statSync(file).isFile()) out.set(k, readFileSync(file, 'utf8'))
        } catch { /* a missing file leaves the placeholder unresolved */ }
      }
      return out
    },
  }
}
