// Which protocol a classic group runs: every member lists the protocols it supports (in order of
// preference); the group runs one all of them support, chosen by vote.

import type { GroupProtocol } from './group-types.ts'

interface Voter { protocols: GroupProtocol[] }

/** Candidates are the protocols every member supports; each member votes for its first candidate; most votes wins. */
export function selectProtocol (members: readonly Voter[]): string {
  const candidates = members[0].protocols.map((p) => p.name)
    .filter((name) => members.every((m) => m.protocols.some((p) => p.name === name)))
  const votes = new Map<string, number>()
  for (const m of members) {
    const vote = m.protocols.find((p) => candidates.includes(p.name))
    if (vote) votes.set(vote.name, (votes.get(vote.name) ?? 0) + 1)
  }
  let best = candidates[0]
  for (const name of candidates) if ((votes.get(name) ?? 0) > (votes.get(best) ?? 0)) best = name
  return best
}

/** A joining member fits when at least one of its protocols is supported by every current member. */
export function acceptsProtocols (members: readonly Voter[], protocols: readonly GroupProtocol[]): boolean {
  return protocols.some((p) => members.every((m) => m.protocols.some((q) => q.name === p.name)))
}

/** Same protocols, same order, same metadata: a rejoin that changes nothing. */
export function sameProtocols (a: readonly GroupProtocol[], b: readonly GroupProtocol[]): boolean {
  return a.length === b.length && a.every((p, i) => p.name === b[i].name && p.metadata.equals(b[i].metadata))
}
