// Many hostile connections at once — 2 GB size prefixes followed by a stream of bytes, garbage,
// frames cut short and then half-closed — while a real client keeps producing and fetching:
// every hostile connection is closed, the client never fails, and the process RSS stays flat.

import assert from 'node:assert/strict'
import { connect } from 'node:net'
import type { Socket } from 'node:net'
import { test } from 'node:test'
import kafkajs from 'kafkajs'
import { startTestBroker } from '../testing/test-broker.ts'

const { Kafka, logLevel } = kafkajs

function open (port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port }, () => resolve(s))
    s.once('error', reject)
  })
}

/** Writes `chunks` until the broker closes the socket; resolves true when it did. */
function hammer (socket: Socket, first: Buffer, rest: Buffer, times: number, halfClose = false): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => { socket.destroy(); resolve(false) }, 20_000)
    socket.on('error', () => {})
    socket.once('close', () => { clearTimeout(timer); resolve(true) })
    socket.write(first)
    let sent = 0
    const pump = (): void => {
      while (sent < times && !socket.destroyed) {
        sent++
        if (!socket.write(rest)) { socket.once('drain', pump); return }
      }
      if (halfClose && !socket.destroyed) socket.end()
    }
    pump()
  })
}

test('50 hostile connections at once: all closed, a real client unaffected, RSS flat', async (t) => {
  const tb = await startTestBroker({ 'socket.request.max.bytes': 8 << 20 })
  t.after(() => tb.stop())
  const kafka = new Kafka({ brokers: [tb.bootstrap], logLevel: logLevel.NOTHING })
  const producer = kafka.producer()
  await producer.connect()
  t.after(() => producer.disconnect())
  await producer.send({ topic: 'steady', acks: -1, messages: [{ key: 'warm', value: 'up' }] })

  globalThis.gc?.()
  const before = process.memoryUsage().rss
  const twoGb = Buffer.alloc(4)
  twoGb.writeInt32BE(0x7fffffff)
  const noise = Buffer.alloc(256 * 1024, 0xab)
  const halfFrame = Buffer.alloc(4)
  halfFrame.writeInt32BE(4 << 20) // within the limit, but only half of it ever arrives

  const hostile: Array<Promise<boolean>> = []
  for (let i = 0; i < 20; i++) hostile.push(open(tb.broker.port).then((s) => hammer(s, twoGb, noise, 64)))
  for (let i = 0; i < 15; i++) hostile.push(open(tb.broker.port).then((s) => hammer(s, Buffer.from('GET / HTTP/1.1\r\n\r\n'), noise, 16)))
  for (let i = 0; i < 15; i++) hostile.push(open(tb.broker.port).then((s) => hammer(s, halfFrame, noise, 8, true)))

  // The well-behaved client keeps working throughout.
  let sent = 1
  const steady = (async () => {
    for (let round = 0; round < 20; round++) {
      await producer.send({ topic: 'steady', acks: -1, messages: Array.from({ length: 50 }, (_, i) => ({ key: `r${round}-${i}`, value: 'x'.repeat(200) })) })
      sent += 50
    }
  })()
  const closed = await Promise.all(hostile)
  await steady
  assert.deepEqual(closed.filter((c) => !c).length, 0, 'every hostile connection was closed by the broker')

  globalThis.gc?.()
  const grown = process.memoryUsage().rss - before
  assert.ok(grown < 96 * 1024 * 1024, `RSS grew by ${Math.round(grown / 1048576)} MiB`)
  assert.equal(tb.broker.topics.getPartition('steady', 0)!.logEndOffset(), sent)
})
