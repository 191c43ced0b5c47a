// A @platformatic/kafka group member in its own process, so tests can kill -9 it. Prints
// "ready" once consuming, then one JSON line per processed record (committed after printing).
// Usage: node platformatic-member.ts <bootstrap> <groupId> <topic>

import { Consumer } from '@platformatic/kafka'

const [bootstrap, groupId, topic] = process.argv.slice(2)
const consumer = new Consumer({
  groupId, clientId: 'child-member', bootstrapBrokers: [bootstrap],
  sessionTimeout: 3000, heartbeatInterval: 300, rebalanceTimeout: 10_000, maxWaitTime: 100,
})
const stream = await consumer.consume({ topics: [topic], mode: 'committed', fallbackMode: 'earliest', autocommit: false })
stream.on('data', (message) => {
  process.stdout.write(JSON.stringify({ value: message.value.toString(), partition: message.partition }) + '\n')
  void message.commit()
})
process.stdout.write('ready\n')
