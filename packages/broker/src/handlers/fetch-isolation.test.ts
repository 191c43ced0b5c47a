// Fetch under read_committed: stops at the last stable offset while a transaction is open and
// reports aborted transactions once it is aborted. Also: Produce refuses a transactional batch
// for a partition that was not added to the transaction.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ErrorCode } from '@tributary/protocol'
import { decodeBatches, fetchBody } from '../testing/fetch-records.ts'
import { RawClient } from '../testing/raw-client.ts'
import { clientBatch } from '../testing/record-batch.ts'
import { startTestBroker } from '../testing/test-broker.ts'

test('read_committed fetch honours the LSO and lists aborted transactions', async () => {
  const tb = await startTestBroker()
  const raw = await RawClient.connect(tb.broker.port)
  try {
    await raw.request(19, 7, { topics: [{ name: 'txn-read', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000, validateOnly: false })
    const produce = (records: Buffer, transactionalId: string | null = null) =>
      raw.request(0, 9, { transactionalId, acks: -1, timeoutMs: 1000, topicData: [{ name: 'txn-read', partitionData: [{ index: 0, records }] }] })
    await produce(clientBatch([{ key: 'plain', value: '0' }]))
    const init = await raw.request(22, 4, { transactionalId: 'tx', transactionTimeoutMs: 60000, producerId: -1, producerEpoch: -1 })
    assert.equal(init.errorCode, 0)
    const pid = Number(init.producerId)
    const epoch = init.producerEpoch
    const txnBatch = () => clientBatch([{ key: 't1', value: '1' }, { key: 't2', value: '2' }], { producerId: pid, producerEpoch: epoch, baseSequence: 0, transactional: true })
    const notAdded = await produce(txnBatch(), 'tx')
    assert.equal(notAdded.responses[0].partitionResponses[0].errorCode, ErrorCode.INVALID_TXN_STATE)
    const added = await raw.request(24, 3, { v3AndBelowTransactionalId: 'tx', v3AndBelowProducerId: pid, v3AndBelowProducerEpoch: epoch, v3AndBelowTopics: [{ name: 'txn-read', partitions: [0] }] })
    assert.equal(added.resultsByTopicV3AndBelow[0].resultsByPartition[0].partitionErrorCode, 0)
    const txn = await produce(txnBatch(), 'tx')
    assert.equal(txn.responses[0].partitionResponses[0].errorCode, 0)

    const committed = async () => (await raw.request(1, 12, fetchBody('txn-read', 0, 0, { isolationLevel: 1 }))).responses[0].partitions[0]
    const open = await committed()
    assert.equal(Number(open.lastStableOffset), 1)
    assert.equal(Number(open.highWatermark), 3)
    assert.deepEqual(decodeBatches(open.records).map((r) => r.key), ['plain'])
    const uncommitted = (await raw.request(1, 12, fetchBody('txn-read', 0, 0))).responses[0].partitions[0]
    assert.deepEqual(decodeBatches(uncommitted.records).map((r) => r.key), ['plain', 't1', 't2'])
    assert.equal(uncommitted.abortedTransactions, null)

    const end = await raw.request(26, 3, { transactionalId: 'tx', producerId: pid, producerEpoch: epoch, committed: false })
    assert.equal(end.errorCode, 0)
    const deadline = Date.now() + 5000
    while (tb.broker.topics.getPartition('txn-read', 0)!.lastStableOffset() < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    const aborted = await committed()
    assert.equal(Number(aborted.lastStableOffset), 4)
    assert.deepEqual(aborted.abortedTransactions.map((a: any) => [Number(a.producerId), Number(a.firstOffset)]), [[pid, 1]])

    // KafkaJS's Fetch v11 (non-flexible) carries the same answer.
    const v11 = (await raw.request(1, 11, fetchBody('txn-read', 0, 0, { isolationLevel: 1 }))).responses[0].partitions[0]
    assert.deepEqual(v11.abortedTransactions.map((a: any) => Number(a.firstOffset)), [1])
  } finally {
    raw.close()
    await tb.stop()
  }
})
