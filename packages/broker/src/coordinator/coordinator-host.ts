// What the coordinators need from the broker around them; broker.ts supplies it.

import type { PartitionLog } from '../log/types.ts'

export interface CoordinatorHost {
  /** The log of an existing topic-partition, else undefined (→ UNKNOWN_TOPIC_OR_PARTITION). */
  partitionLog (topic: string, partition: number): PartitionLog | undefined
  /** Every partition log, for finding orphaned open transactions after a crash. */
  partitionLogs (): Iterable<PartitionLog>
  /** A fresh producer id (the broker's producer-id allocator). */
  allocateProducerId (): number | Promise<number>
}
