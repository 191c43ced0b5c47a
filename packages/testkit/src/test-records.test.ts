// The verifier every acceptance test leans on must itself catch each kind of damage.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { makeRecords, verifyRecords } from './test-records.ts'
import type { ConsumedRecord } from './test-records.ts'

const produced = makeRecords(6)
const intact: ConsumedRecord[] = produced.map((record, i) => ({ ...record, partition: i % 2, offset: Math.floor(i / 2) }))

test('an intact read-back has no problems', () => {
  assert.deepEqual(verifyRecords(produced, intact).problems, [])
})

test('missing, duplicated, reordered and altered records are all reported', () => {
  assert.match(verifyRecords(produced, intact.slice(1)).problems.join('\n'), /1 of 6 records missing/)
  const duplicated = [...intact, { ...intact[0], offset: 9 }]
  assert.match(verifyRecords(produced, duplicated).problems.join('\n'), /read twice/)
  const reordered = [intact[2], intact[0], ...intact.slice(3), intact[1]]
  assert.match(verifyRecords(produced, reordered).problems.join('\n'), /order broken/)
  const badHeader = intact.map((record, i) => i === 3 ? { ...record, headers: [record.headers[1], record.headers[0]] } : record)
  assert.match(verifyRecords(produced, badHeader).problems.join('\n'), /record 3: headers/)
  const badKey = intact.map((record, i) => i === 4 ? { ...record, key: 'other' } : record)
  assert.match(verifyRecords(produced, badKey).problems.join('\n'), /record 4: key/)
})
