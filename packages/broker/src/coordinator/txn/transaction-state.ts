// One transactional id's state (Kafka's TransactionMetadata, simplified for one node).
//
//   Empty ──AddPartitions/AddOffsets──▶ Ongoing ──EndTxn──▶ PrepareCommit | PrepareAbort
//     ▲                                                          │ markers written, offsets applied/dropped
//     └──────── CompleteCommit | CompleteAbort ◀─────────────────┘
// InitProducerId on an Ongoing transaction bumps the epoch and aborts it (fencing the old producer).
// Prepare* only lasts while markers are being written; found on disk after a crash, it is completed.

export const TxnState = {
  Empty: 'Empty',
  Ongoing: 'Ongoing',
  PrepareCommit: 'PrepareCommit',
  PrepareAbort: 'PrepareAbort',
  CompleteCommit: 'CompleteCommit',
  CompleteAbort: 'CompleteAbort',
} as const
export type TxnState = typeof TxnState[keyof typeof TxnState]

export interface TransactionMetadata {
  transactionalId: string
  producerId: number
  producerEpoch: number
  /** The epoch before the last bump, so a retried InitProducerId (KIP-360) is recognised. */
  lastProducerEpoch: number
  timeoutMs: number
  state: TxnState
  /** "topic\u0000partition" keys of partitions in the current transaction. */
  partitions: Set<string>
  groups: Set<string>
  /** When the current transaction became Ongoing (for transaction.timeout.ms). */
  startedAt: number
}

/** The largest epoch before a fresh producer id is needed. */
export const MAX_PRODUCER_EPOCH = 32766

export const partitionKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`

export function splitPartitionKey (key: string): { topic: string; partition: number } {
  const at = key.lastIndexOf('\u0000')
  return { topic: key.slice(0, at), partition: Number(key.slice(at + 1)) }
}
