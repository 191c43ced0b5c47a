// Issue 2: data written before a clean broker restart is read back after it, and the topic keeps
// taking writes at the offsets where it left off.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { selectedTargets, startTarget, targetPrerequisites } from './broker-targets.ts'
import type { BrokerTarget } from './broker-targets.ts'
import { missingPrerequisites, skipUnless } from './prerequisites.ts'
import { platformaticPeer } from './platformatic-peer.ts'
import { makeRecords, verifyRecords } from './test-records.ts'
import { knownGap } from './tributary-gaps.ts'

for (const targetName of selectedTargets()) {
  describe(`restart of ${targetName}`, () => {
    let target: BrokerTarget | undefined
    before(async () => {
      if (missingPrerequisites(targetPrerequisites(targetName)).length === 0) target = await startTarget(targetName)
    })
    after(async () => { await target?.stop() })

    test('records written before a restart are read back after it', { todo: knownGap(targetName, 'restart', 'restart') }, async (t) => {
      if (!skipUnless(t, targetPrerequisites(targetName))) return
      assert.ok(target !== undefined)
      const records = makeRecords(3000, 'restart')
      const client = platformaticPeer(target.bootstrap)
      await client.createTopic('restart-topic', 3)
      await client.produce({ topic: 'restart-topic', records: records.slice(0, 2000), compression: 'gzip' })
      await target.restart()
      await platformaticPeer(target.bootstrap).waitForLeaders('restart-topic', 3)
      const before = await platformaticPeer(target.bootstrap).readAll('restart-topic')
      assert.deepEqual(verifyRecords(records.slice(0, 2000), before, 'restart').problems, [])
      // Writes continue after the restart, offsets follow on from the old log end.
      await platformaticPeer(target.bootstrap).produce({ topic: 'restart-topic', records: records.slice(2000) })
      const all = await platformaticPeer(target.bootstrap).readAll('restart-topic')
      assert.deepEqual(verifyRecords(records, all, 'restart').problems, [])
    })
  })
}
