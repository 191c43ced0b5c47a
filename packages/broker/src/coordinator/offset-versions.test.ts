// OffsetCommit v2–9 and OffsetFetch v1–9 — every advertised version, as issue 3 asks — against a
// running broker: a simple (member-less) commit at each commit version is read back by every
// fetch version, and an unknown group reads as "no offset" (-1) at every version.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ErrorCode } from '@tributary/protocol'
import { RawClient } from '../testing/raw-client.ts'
import { startTestBroker } from '../testing/test-broker.ts'

const COMMIT = 8
const FETCH = 9

test('every OffsetCommit version is read back by every OffsetFetch version', async (t) => {
  const tb = await startTestBroker({ 'group.initial.rebalance.delay.ms': 0 })
  t.after(() => tb.stop())
  await tb.broker.topics.create('versions', { partitions: 2 })
  const client = await RawClient.connect(tb.broker.port)
  t.after(() => client.close())

  const fetchOffset = async (version: number, groupId: string): Promise<[number, number, string | null]> => {
    if (version >= 8) {
      const res = await client.request(FETCH, version, { groups: [{ groupId, memberId: null, memberEpoch: -1, topics: [{ name: 'versions', partitionIndexes: [1] }] }], requireStable: false })
      assert.equal(res.groups[0].errorCode, ErrorCode.NONE)
      const p = res.groups[0].topics[0].partitions[0]
      return [p.errorCode, Number(p.committedOffset), p.metadata]
    }
    const res = await client.request(FETCH, version, { groupId, topics: [{ name: 'versions', partitionIndexes: [1] }], requireStable: false })
    if (version >= 2) assert.equal(res.errorCode, ErrorCode.NONE)
    const p = res.topics[0].partitions[0]
    return [p.errorCode, Number(p.committedOffset), p.metadata]
  }

  for (let commitVersion = 2; commitVersion <= 9; commitVersion++) {
    const groupId = `offsets-v${commitVersion}`
    const offset = commitVersion * 100
    const res = await client.request(COMMIT, commitVersion, {
      groupId, generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null, retentionTimeMs: -1,
      topics: [{ name: 'versions', partitions: [{ partitionIndex: 1, committedOffset: offset, committedLeaderEpoch: -1, commitTimestamp: -1, committedMetadata: `v${commitVersion}` }] }],
    })
    assert.equal(res.topics[0].partitions[0].errorCode, ErrorCode.NONE, `OffsetCommit v${commitVersion}`)
    for (let fetchVersion = 1; fetchVersion <= 9; fetchVersion++) {
      assert.deepEqual(await fetchOffset(fetchVersion, groupId), [ErrorCode.NONE, offset, `v${commitVersion}`], `OffsetCommit v${commitVersion} → OffsetFetch v${fetchVersion}`)
    }
  }
  for (let fetchVersion = 1; fetchVersion <= 9; fetchVersion++) {
    const [code, offset] = await fetchOffset(fetchVersion, 'never-committed')
    assert.deepEqual([code, offset], [ErrorCode.NONE, -1], `OffsetFetch v${fetchVersion} of an unknown group`)
  }
  // The commits are durable: a restart reads them back too.
  client.close()
  await tb.restart()
  const again = await RawClient.connect(tb.broker.port)
  t.after(() => again.close())
  const res = await again.request(FETCH, 9, { groups: [{ groupId: 'offsets-v5', memberId: null, memberEpoch: -1, topics: null }], requireStable: false })
  assert.deepEqual(res.groups[0].topics[0].partitions.map((p: any) => [p.partitionIndex, Number(p.committedOffset)]), [[1, 500]])
})
