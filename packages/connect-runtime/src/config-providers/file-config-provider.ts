// org.apache.kafka.common.config.provider.FileConfigProvider: `${file:/path/to/x.properties:key}`.
import { readFileSync } from 'node:fs'
import { parseJavaProperties } from '../config/java-properties.ts'
import { allowedPathCheck, type ConfigProvider } from './config-provider.ts'

export function fileConfigProvider (params: Record<string, string>): ConfigProvider {
  const allowed = allowedPathCheck(params['allowed.paths'])
  return {
    get (path, keys) {
      const out = new Map<string, string>()
      if (path === '' || !allowed(path)) return out
      const props = parseJavaProperties(readFileSync(path, 'utf8'))
      for (const k of keys) if (k in props) out.set(k, props[k])
      return out
    },
  }
}
