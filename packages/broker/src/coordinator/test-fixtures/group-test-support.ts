// Shared helpers for the real-client group tests: waiting on the coordinator's view of a
// group, and counting what each member processed.

import assert from 'node:assert/strict'
import type { Broker } from '../../broker.ts'

export async function waitFor (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export function waitForStableGroup (broker: Broker, groupId: string, members: number, timeoutMs?: number): Promise<void> {
  return waitFor(`group ${groupId} Stable with ${members} members`, () => {
    const d = broker.groups!.describeGroup(groupId)
    return d?.state === 'Stable' && d.members.length === members
  }, timeoutMs)
}

/** Lag 0 on every partition of the topic: everything produced so far is committed. */
export function waitForNoLag (broker: Broker, groupId: string, partitions: number, timeoutMs?: number): Promise<void> {
  return waitFor(`group ${groupId} to commit everything`, () => {
    const lag = broker.groups!.describeLag(groupId)
    return lag.length === partitions && lag.every((p) => p.lag === 0)
  }, timeoutMs)
}

/** Every value in `expected` was processed exactly once across all members' logs. */
export function assertExactlyOnce (expected: string[], processed: string[], label: string): void {
  const counts = new Map<string, number>()
  for (const v of processed) counts.set(v, (counts.get(v) ?? 0) + 1)
  const missing = expected.filter((v) => !counts.has(v))
  const twice = [...counts].filter(([, n]) => n > 1).map(([v]) => v)
  assert.deepEqual({ missing: missing.slice(0, 5), twice: twice.slice(0, 5) }, { missing: [], twice: [] }, `${label}: ${missing.length} missing, ${twice.length} processed twice`)
}

/**
 * The end of a rebalance window: a fetch a member sent under its previous assignment may still
 * be in flight when the group turns Stable, and clients (@platformatic/kafka 2.12) deliver its
 * records even for a partition just revoked. Records produced after this are outside the window.
 */
export function settle (ms = 500): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

export function values (prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${i}`)
}
