// Prerequisite checks for tests that drive outside tools (Java, Maven, kcat), and the project's
// rule for them: a missing tool skips the test locally ("skipped: <what is missing>") but fails
// it under CI=true, where .ci/run is responsible for installing everything.
import { spawnSync } from 'node:child_process'
import type { TestContext } from 'node:test'

const cache = new Map<string, boolean>()

function runs (command: string, args: string[]): boolean {
  const key = `${process.env.PATH} ${command} ${args.join(' ')}`
  let ok = cache.get(key)
  if (ok === undefined) {
    const result = spawnSync(command, args, { stdio: 'ignore', timeout: 30_000 })
    ok = result.error === undefined && result.status === 0
    cache.set(key, ok)
  }
  return ok
}

export function javaAvailable (): boolean {
  return runs('java', ['-version']) && runs('javac', ['-version'])
}

export function mavenAvailable (): boolean {
  return runs('mvn', ['-v'])
}

export function kcatAvailable (): boolean {
  return runs('kcat', ['-V'])
}

export const prerequisites = {
  java: { check: javaAvailable, missing: 'java/javac 17+ (apt-get install openjdk-17-jdk-headless)' },
  maven: { check: mavenAvailable, missing: 'mvn (apt-get install maven)' },
  kcat: { check: kcatAvailable, missing: 'kcat (apt-get install kcat)' },
} as const

export type Prerequisite = keyof typeof prerequisites

export function missingPrerequisites (what: readonly Prerequisite[]): string[] {
  return what.filter((name) => !prerequisites[name].check()).map((name) => prerequisites[name].missing)
}

export function isCi (): boolean {
  return process.env.CI === 'true'
}

/**
 * Returns true when every prerequisite is present. Otherwise skips the test and returns false,
 * or, under CI=true, throws so the test fails: CI must have installed the tools.
 */
export function skipUnless (t: Pick<TestContext, 'skip'>, what: Prerequisite | readonly Prerequisite[]): boolean {
  const missing = missingPrerequisites(typeof what === 'string' ? [what] : what)
  if (missing.length === 0) return true
  const message = `skipped: ${missing.join(', ')}`
  if (isCi()) throw new Error(`${message} — missing under CI=true, where .ci/run must install it`)
  t.skip(message)
  return false
}
