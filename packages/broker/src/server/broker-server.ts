// The TCP listener. Every accepted socket becomes a Connection; close() stops accepting,
// destroys open connections (aborting parked long-polls) and waits for them.

import { createServer } from 'node:net'
import type { Server } from 'node:net'
import type { Broker } from '../broker.ts'
import { Connection } from './connection.ts'

const SETTLE_TIMEOUT_MS = 5000

export class BrokerServer {
  #broker: Broker
  #maxFrameBytes: number
  #idleMs: number
  #server: Server
  #connections = new Set<Connection>()
  #nextId = 1
  #host = ''
  #port = 0

  constructor (options: { broker: Broker; maxFrameBytes: number; idleMs: number }) {
    this.#broker = options.broker
    this.#maxFrameBytes = options.maxFrameBytes
    this.#idleMs = options.idleMs
    this.#server = createServer({ allowHalfOpen: true, noDelay: true }, (socket) => {
      const connection = new Connection({ id: this.#nextId++, broker: this.#broker, socket, maxFrameBytes: this.#maxFrameBytes, idleMs: this.#idleMs })
      this.#connections.add(connection)
      socket.once('close', () => { void connection.settled().then(() => this.#connections.delete(connection)) })
    })
    this.#server.on('error', (err) => this.#broker.logger.error({ err }, 'listener error'))
  }

  get host (): string { return this.#host }
  get port (): number { return this.#port }

  listen (host: string, port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => reject(new Error(`Cannot listen on ${host}:${port}: ${err.message}`, { cause: err }))
      this.#server.once('error', onError)
      this.#server.listen({ host, port }, () => {
        this.#server.off('error', onError)
        const address = this.#server.address()
        if (address !== null && typeof address === 'object') {
          this.#host = address.address
          this.#port = address.port
        }
        resolve()
      })
    })
  }

  async close (): Promise<void> {
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()))
    const connections = [...this.#connections]
    await Promise.all(connections.map((c) => c.destroy()))
    // Closing aborted parked long-polls; let running handlers (appends) finish before the logs
    // close — but a handler that ignores the abort must not hold shutdown for ever.
    let timer: NodeJS.Timeout | undefined
    const stuck = new Promise<'stuck'>((resolve) => { timer = setTimeout(() => resolve('stuck'), SETTLE_TIMEOUT_MS) })
    const outcome = await Promise.race([Promise.all(connections.map((c) => c.settled())), stuck])
    clearTimeout(timer)
    if (outcome === 'stuck') this.#broker.logger.warn(`requests still running ${SETTLE_TIMEOUT_MS} ms after shutdown began; closing anyway`)
    await closed
  }
}
