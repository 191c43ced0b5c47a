// Acceptance tests that Tributary's broker is known not to pass yet, each with the reason. They
// still run and report (node --test lists them as "todo"), but do not fail the suite, so the
// gap stays visible without blocking CI. Remove an entry the day its test passes.
// Against Apache Kafka nothing is excused.
import type { TargetName } from './broker-targets.ts'

interface Gap { suite: string, match: RegExp, reason: string }

// Empty: every acceptance test passes on Tributary (the Java fencing entry passed from 2026-11-22;
// see packages/broker/ACCEPTANCE.md).
const gaps: Gap[] = []

/** The todo reason for (target, suite, name parts), or undefined when the test must pass. */
export function knownGap (target: TargetName, suite: string, ...parts: string[]): string | undefined {
  if (target !== 'tributary') return undefined
  const name = parts.join(' / ')
  return gaps.find((gap) => gap.suite === suite && gap.match.test(name))?.reason
}
