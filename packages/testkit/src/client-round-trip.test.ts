// Issue 2, "proved with real clients": every client × every mode, against every selected broker.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { selectedTargets, startTarget, targetPrerequisites } from './broker-targets.ts'
import type { BrokerTarget } from './broker-targets.ts'
import { missingPrerequisites, skipUnless } from './prerequisites.ts'
import { RECORD_COUNT, roundTripClients, roundTripModes } from './round-trip-scenarios.ts'
import { makeRecords, verifyRecords } from './test-records.ts'
import { knownGap } from './tributary-gaps.ts'

for (const targetName of selectedTargets()) {
  describe(`round trip against ${targetName}`, () => {
    let target: BrokerTarget | undefined
    before(async () => {
      if (missingPrerequisites(targetPrerequisites(targetName)).length === 0) target = await startTarget(targetName)
    })
    after(async () => { await target?.stop() })

    for (const client of roundTripClients) {
      for (const mode of roundTripModes(client)) {
        const name = `${client.name}: 10,000 keyed records with headers, ${mode.name}`
        test(name, { todo: knownGap(targetName, 'round-trip', client.name, mode.name) }, async (t) => {
          if (!skipUnless(t, [...targetPrerequisites(targetName), ...client.needs])) return
          assert.ok(target !== undefined)
          const topic = `rt-${client.name.replace(/[^a-z0-9]+/gi, '-')}-${mode.name.replace(/\W+/g, '-')}`.toLowerCase()
          const records = client.sharedHeaders
            ? makeRecords(RECORD_COUNT).map((record) => ({ ...record, headers: [['source', 'kcat'], ['kind', 'acceptance']] as [string, string][] }))
            : makeRecords(RECORD_COUNT)
          const consumed = await client.run(target.bootstrap, topic, records, mode)
          const { problems, partitions } = verifyRecords(records, consumed)
          assert.deepEqual(problems, [])
          assert.equal(consumed.length, RECORD_COUNT)
          assert.equal(partitions.size, 3, 'records spread over all 3 partitions')
        })
      }
    }
  })
}
