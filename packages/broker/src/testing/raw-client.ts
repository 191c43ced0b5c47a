// Test support: a bare TCP Kafka client that sends hand-made frames and decodes responses,
// for the cases real clients never produce (re-sent batches, garbage, bad versions).

import { connect } from 'node:net'
import type { Socket } from 'node:net'
import { decodeResponseFrame, encodeRequest } from '@tributary/protocol'
import { FrameReader } from '../server/frame-reader.ts'

export class RawClient {
  readonly socket: Socket
  #reader = new FrameReader(1 << 30)
  #frames: Buffer[] = []
  #waiters: Array<() => void> = []
  #closed = false
  #correlation = 1

  private constructor (socket: Socket) {
    this.socket = socket
    socket.on('data', (chunk: Buffer) => {
      this.#frames.push(...this.#reader.push(chunk))
      this.#wake()
    })
    socket.on('close', () => { this.#closed = true; this.#wake() })
    socket.on('error', () => {})
  }

  static connect (port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port }, () => resolve(new RawClient(socket)))
      socket.once('error', reject)
    })
  }

  get closed (): boolean { return this.#closed }

  write (bytes: Buffer | Buffer[]): void {
    for (const b of Array.isArray(bytes) ? bytes : [bytes]) this.socket.write(b)
  }

  /** Sends a request; returns its correlation id. */
  send (apiKey: number, apiVersion: number, body: object): number {
    const correlationId = this.#correlation++
    this.write(encodeRequest(apiKey, apiVersion, correlationId, 'raw-test', body))
    return correlationId
  }

  async request<T = any> (apiKey: number, apiVersion: number, body: object): Promise<T> {
    const id = this.send(apiKey, apiVersion, body)
    const frame = await this.nextFrame()
    const decoded = decodeResponseFrame<T>(apiKey, apiVersion, frame)
    if (decoded.correlationId !== id) throw new Error(`correlation ${decoded.correlationId} != ${id}`)
    return decoded.body
  }

  /** Next response frame (without size prefix); rejects if the broker closes first. */
  async nextFrame (timeoutMs = 15000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs
    while (this.#frames.length === 0) {
      if (this.#closed) throw new Error('connection closed by broker')
      if (Date.now() > deadline) throw new Error('timed out waiting for a response')
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 50)
        this.#waiters.push(() => { clearTimeout(t); resolve() })
      })
    }
    return this.#frames.shift()!
  }

  /** Resolves true once the broker closed the connection, false on timeout. */
  async waitClosed (timeoutMs = 5000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs
    while (!this.#closed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    return this.#closed
  }

  close (): void { this.socket.destroy() }

  #wake (): void {
    const w = this.#waiters
    this.#waiters = []
    for (const f of w) f()
  }
}
