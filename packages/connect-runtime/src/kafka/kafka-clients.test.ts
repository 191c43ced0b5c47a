// The source producer is idempotent by default, as Kafka Connect's Java producer is, and plain when
// acks is not all or enable.idempotence=false: checked by the producer id the broker handed out.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startTestKafka } from '../test-support/test-kafka.ts'
import { KafkaClients, type ByteProducer } from './kafka-clients.ts'

test('source producers are idempotent unless acks is not all or enable.idempotence=false', async (t) => {
  const kafka = await startTestKafka(t)
  if (kafka === null) return
  t.after(() => kafka.stop())
  const cases: Array<[string, Record<string, string>, Record<string, string>, boolean]> = [
    ['defaults', {}, {}, true],
    ['producer.override.acks=all', {}, { acks: 'all' }, true],
    ['producer.override.acks=1', {}, { acks: '1' }, false],
    ['producer.enable.idempotence=false (worker)', { 'enable.idempotence': 'false' }, {}, false],
    ['producer.override.enable.idempotence=false', {}, { 'enable.idempotence': 'false' }, false],
  ]
  for (const [name, worker, override, idempotent] of cases) {
    const clients: KafkaClients = new KafkaClients({ bootstrapServers: [kafka.bootstrap], producer: worker })
    const producer: ByteProducer = clients.producer(`idem-${idempotent}`, override)
    try {
      await producer.send({ messages: [{ topic: 'idempotence-check', value: Buffer.from(name) }] })
      assert.equal(producer.producerId !== undefined && producer.producerId >= 0n, idempotent, name)
    } finally {
      await producer.close()
      await clients.close()
    }
  }
})
