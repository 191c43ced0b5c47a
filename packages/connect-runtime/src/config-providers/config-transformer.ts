// Resolves `${provider:path:key}` / `${provider:key}` placeholders in a config map.
// Resolved values are only ever handed to plugins; stored and REST-visible configs keep the raw text.
import { ConnectRestError } from '../connect-rest-error.ts'
import type { ConfigProvider } from './config-provider.ts'
import { directoryConfigProvider } from './directory-config-provider.ts'
import { envConfigProvider } from './env-config-provider.ts'
import { fileConfigProvider } from './file-config-provider.ts'

const PLACEHOLDER = /\$\{([^}]*?):(([^}]*?):)?([^}]*?)\}/g

const BUILT_IN: Record<string, (params: Record<string, string>) => ConfigProvider> = {
  'org.apache.kafka.common.config.provider.FileConfigProvider': fileConfigProvider,
  FileConfigProvider: fileConfigProvider,
  'org.apache.kafka.common.config.provider.DirectoryConfigProvider': directoryConfigProvider,
  DirectoryConfigProvider: directoryConfigProvider,
  'org.apache.kafka.common.config.provider.EnvVarConfigProvider': envConfigProvider,
  EnvVarConfigProvider: envConfigProvider,
}

export class ConfigTransformer {
  readonly #providers: Map<string, ConfigProvider>

  constructor (providers: Map<string, ConfigProvider>) {
    this.#providers = providers
  }

  /** Builds providers from worker keys `config.providers`, `config.providers.<a>.class`, `.param.<k>`. */
  static fromWorkerConfig (worker: Record<string, string>): ConfigTransformer {
    const providers = new Map<string, ConfigProvider>()
    const aliases = (worker['config.providers'] ?? '').split(',').map((s) => s.trim()).filter(Boolean)
    for (const alias of aliases) {
      const cls = worker[`config.providers.${alias}.class`]
      const factory = cls === undefined ? undefined : BUILT_IN[cls]
      if (factory === undefined) {
        throw new ConnectRestError('BAD_REQUEST', `Invalid value ${cls ?? 'null'} for configuration config.providers.${alias}.class: Class ${cls ?? 'null'} could not be found.`)
      }
      const prefix = `config.providers.${alias}.param.`
      const params: Record<string, string> = {}
      for (const [k, v] of Object.entries(worker)) if (k.startsWith(prefix)) params[k.slice(prefix.length)] = v
      providers.set(alias, factory(params))
    }
    return new ConfigTransformer(providers)
  }

  hasPlaceholders (config: Record<string, string>): boolean {
    return Object.values(config).some((v) => typeof v === 'string' && new RegExp(PLACEHOLDER.source).test(v))
  }

  transform (config: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {}
    for (const [k, v] of Object.entries(config)) out[k] = typeof v === 'string' ? this.#resolve(v) : v
    return out
  }

  #resolve (value: string): string {
    return value.replace(PLACEHOLDER, (whole, provider: string, _p: string | undefined, path: string | undefined, key: string) => {
      const p = this.#providers.get(provider)
      if (p === undefined) return whole
      const got = p.get(path ?? '', [key]).get(key)
      return got ?? whole
    })
  }
}
