// The broker's durable partition log: see README.md for the on-disk format and invariants.
export type * from './types.ts'
export { openPartitionLog } from './partition-log.ts'
export type { PartitionLogExtras } from './partition-log.ts'
export { defaultLogConfig, validateLogConfig } from './log-config.ts'
