// Waits until a Kafka-protocol broker answers a Metadata request listing at least one broker.
// A bare TCP accept is not enough: Kafka's KRaft node opens its socket before it has joined the
// quorum and registered itself, and clients connecting then see an empty cluster.
// Metadata v4 is used because every broker in play serves it (Kafka 4.x dropped v0–v3, KIP-896)
// and it is not yet a flexible version, so a dozen lines encode and decode it.
import { connect } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'

export interface ReadyProbeOptions {
  host: string
  port: number
  timeoutMs?: number
  /** Called between attempts; throwing stops the wait (e.g. the process died). */
  check?: () => void
}

export async function waitForKafkaReady (options: ReadyProbeOptions): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000)
  let lastError: unknown
  while (Date.now() < deadline) {
    options.check?.()
    try {
      if (await brokerCount(options.host, options.port) > 0) return
      lastError = new Error('Metadata listed no brokers yet')
    } catch (error) {
      lastError = error
    }
    await sleep(200)
  }
  throw new Error(`broker at ${options.host}:${options.port} did not answer Metadata in time`, { cause: lastError })
}

function metadataV4Request (): Buffer {
  const clientId = Buffer.from('tributary-testkit')
  const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length + 4 + 1)
  let at = 0
  at = body.writeInt16BE(3, at) // api key: Metadata
  at = body.writeInt16BE(4, at) // api version
  at = body.writeInt32BE(1, at) // correlation id
  at = body.writeInt16BE(clientId.length, at)
  at += clientId.copy(body, at)
  at = body.writeInt32BE(-1, at) // topics: null = all
  body.writeInt8(0, at) // allow_auto_topic_creation
  const size = Buffer.alloc(4)
  size.writeInt32BE(body.length)
  return Buffer.concat([size, body])
}

function brokerCount (host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port })
    const chunks: Buffer[] = []
    const fail = (error: Error): void => { socket.destroy(); reject(error) }
    socket.setTimeout(3000, () => fail(new Error('Metadata probe timed out')))
    socket.on('error', fail)
    socket.on('connect', () => socket.write(metadataV4Request()))
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      const data = Buffer.concat(chunks)
      if (data.length < 4 || data.length < 4 + data.readInt32BE(0)) return
      socket.destroy()
      // size, correlation id, throttle_time_ms, then the brokers array's length.
      if (data.length < 16) return reject(new Error('short Metadata response'))
      resolve(data.readInt32BE(12))
    })
    socket.on('end', () => fail(new Error('connection closed before a Metadata response')))
  })
}
