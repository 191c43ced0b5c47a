// A connector's `transforms` chain: each step an SMT, optionally gated by a predicate (negate
// inverts it). A null result drops the record and ends the chain. Every step runs under the
// retry/tolerance operator (stage TRANSFORMATION); a tolerated failure skips the record.
import type { ConnectRecord, Predicate, Transformation } from '@tributary/connect-api'
import { SKIPPED, type RetryWithToleranceOperator, type Skipped } from '../errors/retry-with-tolerance.ts'
import { Stages, type ConsumedRecord } from '../errors/stages.ts'

export interface TransformStep {
  alias: string
  className: string
  transform: Transformation
  predicate: Predicate | null
  negate: boolean
}

export class TransformChain {
  readonly steps: readonly TransformStep[]

  constructor (steps: TransformStep[]) {
    this.steps = steps
  }

  get isEmpty (): boolean { return this.steps.length === 0 }

  /** The transformed record, null when dropped, SKIPPED when a failure was tolerated. */
  async apply<R extends ConnectRecord> (record: R, op: RetryWithToleranceOperator, consumed?: ConsumedRecord, describe?: () => string): Promise<R | null | Skipped> {
    let current: R = record
    for (const step of this.steps) {
      const ctx = { stage: Stages.TRANSFORMATION, executingClass: step.className, consumed, sourceRecord: describe }
      let result = op.execute(ctx, () => this.#applyStep(step, current))
      if (result instanceof Promise) result = await result
      if (result === SKIPPED) return SKIPPED
      if (result === null) return null
      current = result as R
    }
    return current
  }

  #applyStep<R extends ConnectRecord> (step: TransformStep, record: R): R | null | Promise<R | null> {
    if (step.predicate === null) return step.transform.apply(record) as R | null | Promise<R | null>
    const t = step.predicate.test(record)
    const run = (matched: boolean): R | null | Promise<R | null> => (matched !== step.negate ? step.transform.apply(record) as R | null | Promise<R | null> : record)
    return t instanceof Promise ? t.then(run) : run(t)
  }

  async close (): Promise<void> {
    for (const s of this.steps) {
      await s.transform.close()
      await s.predicate?.close()
    }
  }
}
