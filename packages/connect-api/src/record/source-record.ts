// A record produced by a SourceTask. sourcePartition/sourceOffset are what the runtime stores
// in offset storage (JSON-serialisable maps of primitives) and hands back on restart.
import type { ConnectRecordInit } from './connect-record.ts'
import { ConnectRecord } from './connect-record.ts'
import { valuesEqual } from '../model/values-equal.ts'
import { javaToString } from '../model/java-to-string.ts'

export type SourcePartition = Readonly<Record<string, unknown>>
export type SourceOffset = Readonly<Record<string, unknown>>

export interface SourceRecordInit extends ConnectRecordInit {
  sourcePartition?: SourcePartition | null
  sourceOffset?: SourceOffset | null
}

export class SourceRecord extends ConnectRecord {
  readonly sourcePartition: SourcePartition | null
  readonly sourceOffset: SourceOffset | null

  constructor(init: SourceRecordInit) {
    super(init)
    this.sourcePartition = init.sourcePartition ?? null
    this.sourceOffset = init.sourceOffset ?? null
  }

  protected override withChanges(init: ConnectRecordInit): SourceRecord {
    return new SourceRecord({ ...init, sourcePartition: this.sourcePartition, sourceOffset: this.sourceOffset })
  }

  override toString(): string {
    return `SourceRecord{sourcePartition=${javaToString(this.sourcePartition)}, sourceOffset=${javaToString(this.sourceOffset)}} ${super.toString()}`
  }

  override equals(other: unknown): boolean {
    return (
      super.equals(other) &&
      valuesEqual(this.sourcePartition, (other as SourceRecord).sourcePartition) &&
      valuesEqual(this.sourceOffset, (other as SourceRecord).sourceOffset)
    )
  }
}
