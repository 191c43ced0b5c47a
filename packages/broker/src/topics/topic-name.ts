// Kafka's topic name rules (Topic.validate): 1–249 chars of [a-zA-Z0-9._-], not "." or "..".
// "." and "_" collide in metric names, so two names differing only there cannot coexist.

const LEGAL = /^[a-zA-Z0-9._-]+$/
export const MAX_TOPIC_NAME_LENGTH = 249

/** Returns why `name` is not a legal topic name, or undefined when it is. */
export function topicNameProblem (name: string | null | undefined): string | undefined {
  if (name === null || name === undefined || name === '') return 'Topic name is empty'
  if (name === '.' || name === '..') return `Topic name cannot be "${name}"`
  if (name.length > MAX_TOPIC_NAME_LENGTH) return `Topic name is longer than ${MAX_TOPIC_NAME_LENGTH} characters`
  if (!LEGAL.test(name)) return `Topic name is invalid: '${name}' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'`
  return undefined
}

export function collisionKey (name: string): string {
  return name.replaceAll('.', '_')
}

export function isInternalTopic (name: string): boolean {
  return name === '__consumer_offsets' || name === '__transaction_state'
}
