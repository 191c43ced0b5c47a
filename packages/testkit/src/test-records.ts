// The records every acceptance test writes and the one check every test applies when reading
// them back: each record present exactly once with its key, value and headers intact, and the
// order within each partition the order they were produced in.

export type Header = [key: string, value: string | null]

export interface TestRecord {
  key: string | null
  value: string | null
  headers: Header[]
}

export interface ConsumedRecord extends TestRecord {
  partition: number
  offset: number
}

/**
 * n keyed records with two headers each. The value carries the record's index, so order and
 * duplicates can be checked without trusting offsets; keys repeat (every 97th) so one key's
 * records share a partition and their relative order is checked too.
 */
export function makeRecords (n: number, prefix = 'r', valueBytes = 0): TestRecord[] {
  const padding = valueBytes > 0 ? ':' + 'x'.repeat(valueBytes) : ''
  return Array.from({ length: n }, (_, i) => ({
    key: `${prefix}-key-${i % 97}`,
    value: `${prefix}-value-${i}${padding}`,
    headers: [['index', String(i)], ['source', `tributary-testkit-${prefix}`]],
  }))
}

/** The produced index a record carries in its value (see makeRecords), or -1. */
export function recordIndex (record: TestRecord, prefix = 'r'): number {
  const match = new RegExp(`^${prefix}-value-(\\d+)`).exec(record.value ?? '')
  return match === null ? -1 : Number(match[1])
}

export interface VerifyResult {
  problems: string[]
  partitions: Map<number, number>
}

/** Compares what was produced with what was read back; returns every problem found (max 20). */
export function verifyRecords (produced: readonly TestRecord[], consumed: readonly ConsumedRecord[], prefix = 'r'): VerifyResult {
  const problems: string[] = []
  const report = (problem: string): void => { if (problems.length < 20) problems.push(problem) }
  const seen = new Set<number>()
  const lastIndexByPartition = new Map<number, number>()
  const lastOffsetByPartition = new Map<number, number>()
  const partitionOfKey = new Map<string, number>()
  const partitions = new Map<number, number>()
  for (const record of consumed) {
    partitions.set(record.partition, (partitions.get(record.partition) ?? 0) + 1)
    const index = recordIndex(record, prefix)
    const expected = produced[index]
    if (expected === undefined) { report(`unexpected record ${JSON.stringify(record)}`); continue }
    if (seen.has(index)) report(`record ${index} read twice (partition ${record.partition} offset ${record.offset})`)
    seen.add(index)
    if (record.key !== expected.key) report(`record ${index}: key ${record.key} != ${expected.key}`)
    if (record.value !== expected.value) report(`record ${index}: value differs`)
    if (JSON.stringify(record.headers) !== JSON.stringify(expected.headers)) {
      report(`record ${index}: headers ${JSON.stringify(record.headers)} != ${JSON.stringify(expected.headers)}`)
    }
    const lastIndex = lastIndexByPartition.get(record.partition) ?? -1
    if (index <= lastIndex) report(`partition ${record.partition}: record ${index} after ${lastIndex} (order broken)`)
    lastIndexByPartition.set(record.partition, index)
    const lastOffset = lastOffsetByPartition.get(record.partition) ?? -1
    if (record.offset <= lastOffset) report(`partition ${record.partition}: offset ${record.offset} after ${lastOffset}`)
    lastOffsetByPartition.set(record.partition, record.offset)
    if (record.key !== null) {
      const partition = partitionOfKey.get(record.key)
      if (partition !== undefined && partition !== record.partition) report(`key ${record.key} in partitions ${partition} and ${record.partition}`)
      partitionOfKey.set(record.key, record.partition)
    }
  }
  const missing = produced.length - seen.size
  if (missing > 0) report(`${missing} of ${produced.length} records missing`)
  return { problems, partitions }
}
