// org.apache.kafka.common.config.provider.EnvVarConfigProvider: `${env:VAR}`, filtered by allowlist.pattern.
import type { ConfigProvider } from './config-provider.ts'

export function envConfigProvider (params: Record<string, string>, env: NodeJS.ProcessEnv = process.env): ConfigProvider {
  const allow = new RegExp(`^(?:${params['allowlist.pattern'] ?? '.*'})$`)
  return {
    get (path, keys) {
      const out = new Map<string, string>()
      if (path !== '') return out
      for (const k of keys) {
        const v = env[k]
        if (v !== undefined && allow.test(k)) out.set(k, v)
      }
      return out
    },
  }
}
