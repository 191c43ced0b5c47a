// Parks a long-poll until one of `logs` gets an append, `timeoutMs` passes, or `signal`
// aborts (the connection closed). Always unsubscribes from every log.

import type { PartitionLog } from '../log/types.ts'

export function waitForAppend (logs: PartitionLog[], timeoutMs: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted || timeoutMs <= 0) return Promise.resolve()
  return new Promise((resolve) => {
    const unsubscribes: Array<() => void> = []
    const done = (): void => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      for (const u of unsubscribes) u()
      resolve()
    }
    const timer = setTimeout(done, timeoutMs)
    signal.addEventListener('abort', done, { once: true })
    for (const log of logs) unsubscribes.push(log.onAppend(done))
  })
}
