// RegexRouter: when `regex` matches the whole topic, the topic becomes the first match replaced
// by `replacement` ($1, ${name} group references); otherwise the record is unchanged.
import { AbstractConfig, ConfigDef, lambdaValidator } from '@tributary/connect-api'
import type { ConnectRecord, Transformation } from '@tributary/connect-api'
import { compileJavaRegex, anchoredRegex, javaReplacement } from './util/java-regex.ts'

export const REGEX_ROUTER_CONFIG_DEF = new ConfigDef()
  .define({
    name: 'regex', type: 'STRING', importance: 'HIGH', documentation: 'Regular expression to use for matching.',
    validator: lambdaValidator((name, value) => { compileJavaRegex(name, value as string) }, () => 'valid regex'),
  })
  .define({ name: 'replacement', type: 'STRING', importance: 'HIGH', documentation: 'Replacement string.' })

export class RegexRouter implements Transformation {
  #regex = /$^/u
  #anchored = /$^/u
  #replacement = ''

  configure(props: Readonly<Record<string, unknown>>): void {
    const config = new AbstractConfig(REGEX_ROUTER_CONFIG_DEF, props)
    this.#regex = compileJavaRegex('regex', config.getString('regex')!)
    this.#anchored = anchoredRegex(this.#regex)
    this.#replacement = javaReplacement(config.getString('replacement')!)
  }

  apply<T extends ConnectRecord>(record: T): T {
    if (!this.#anchored.test(record.topic)) return record
    return record.newRecord({ topic: record.topic.replace(this.#regex, this.#replacement) })
  }

  config(): ConfigDef {
    return REGEX_ROUTER_CONFIG_DEF
  }

  close(): void {}
}
