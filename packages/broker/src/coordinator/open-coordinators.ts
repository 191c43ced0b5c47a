// Opens the group and transaction coordinators over one durable store under
// <dataDir>/__coordinator/, replaying it so groups, committed offsets and transactions
// are exactly as they were at the last fsync.

import { join } from 'node:path'
import { systemClock } from './clock.ts'
import type { Clock } from './clock.ts'
import { coordinatorConfig } from './coordinator-config.ts'
import type { CoordinatorHost } from './coordinator-host.ts'
import { GroupCoordinator } from './group/group-coordinator.ts'
import { CoordinatorLog } from './store/coordinator-log.ts'
import { TransactionCoordinator } from './txn/transaction-coordinator.ts'

export interface OpenCoordinatorsOptions {
  dataDir: string
  host: CoordinatorHost
  /** Broker config overrides (Kafka names, string values); only coordinator settings are read. */
  overrides?: Readonly<Record<string, string | number | undefined>>
  clock?: Clock
  /** Snapshot the store once its current log file passes this size. */
  snapshotAfterBytes?: number
  onError?: (err: Error) => void
}

export interface Coordinators {
  readonly groups: GroupCoordinator
  readonly transactions: TransactionCoordinator
  /**
   * Completes or aborts transactions a crash left open and starts the timeout check.
   * Call once every partition log is open (it scans them for orphaned open transactions).
   */
  recover (): Promise<void>
  close (): Promise<void>
}

export async function openCoordinators (options: OpenCoordinatorsOptions): Promise<Coordinators> {
  const config = coordinatorConfig(options.overrides)
  const clock = options.clock ?? systemClock
  const store = new CoordinatorLog({ dir: join(options.dataDir, '__coordinator'), snapshotAfterBytes: options.snapshotAfterBytes })
  const groups = new GroupCoordinator({ clock, config, host: options.host, store })
  const transactions = new TransactionCoordinator({ clock, config, host: options.host, store, groups, onError: options.onError })
  for (const record of await store.open()) {
    if (!groups.replay(record)) transactions.replay(record)
  }
  store.liveRecords = () => [...groups.liveRecords(), ...transactions.liveRecords()]
  return {
    groups,
    transactions,
    recover: () => transactions.recover(),
    async close () {
      transactions.close()
      groups.close()
      await store.close()
    },
  }
}
