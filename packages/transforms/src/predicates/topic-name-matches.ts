// TopicNameMatches: true when `pattern` (a Java regex) matches the whole topic name.
import { AbstractConfig, ConfigDef, NonEmptyString, compositeValidator, lambdaValidator } from '@tributary/connect-api'
import type { ConnectRecord, Predicate } from '@tributary/connect-api'
import { compileJavaRegex, anchoredRegex } from '../util/java-regex.ts'

export const TOPIC_NAME_MATCHES_CONFIG_DEF = new ConfigDef().define({
  name: 'pattern', type: 'STRING', importance: 'MEDIUM',
  validator: compositeValidator(NonEmptyString, lambdaValidator((name, value) => { compileJavaRegex(name, value as string) }, () => 'valid regex')),
  documentation: 'A Java regular expression for matching against the name of a record\'s topic.',
})

export class TopicNameMatches implements Predicate {
  #pattern = /$^/u

  configure(props: Readonly<Record<string, unknown>>): void {
    const pattern = new AbstractConfig(TOPIC_NAME_MATCHES_CONFIG_DEF, props).getString('pattern')!
    this.#pattern = anchoredRegex(compileJavaRegex('pattern', pattern))
  }

  test(record: ConnectRecord): boolean {
    return record.topic !== null && this.#pattern.test(record.topic)
  }

  config(): ConfigDef {
    return TOPIC_NAME_MATCHES_CONFIG_DEF
  }

  close(): void {}
}
