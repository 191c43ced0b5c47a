// A KafkaJS group member in its own process, so tests can kill -9 it. Prints "ready" once
// running, then one JSON line per processed record: {"value": "...", "partition": n}.
// Usage: node kafkajs-member.ts <bootstrap> <groupId> <topic>

import { Kafka, logLevel } from 'kafkajs'

const [bootstrap, groupId, topic] = process.argv.slice(2)
const kafka = new Kafka({ brokers: [bootstrap], clientId: 'child-member', logLevel: logLevel.NOTHING })
const consumer = kafka.consumer({ groupId, sessionTimeout: 3000, heartbeatInterval: 300, rebalanceTimeout: 10_000, maxWaitTimeInMs: 100 })
await consumer.connect()
await consumer.subscribe({ topic, fromBeginning: true })
await consumer.run({
  autoCommitThreshold: 1,
  eachMessage: async ({ message, partition }) => {
    process.stdout.write(JSON.stringify({ value: message.value?.toString(), partition }) + '\n')
  },
})
process.stdout.write('ready\n')
