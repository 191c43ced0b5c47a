// One client TCP connection: frames in, responses out strictly in request order.
// Requests are handled concurrently (a parked long-poll does not stall decoding), but each
// response waits for every earlier one. Backpressure: no new request starts while 64 are in
// flight or the socket's write buffer is full; read-but-unstarted frames wait in a queue and
// reading pauses until it empties (resumed on 'drain').

import type { Socket } from 'node:net'
import type { Broker } from '../broker.ts'
import { FrameReader } from './frame-reader.ts'
import { processRequest } from './request-processor.ts'
import type { RequestOutcome } from './request-processor.ts'

const MAX_IN_FLIGHT = 64

interface Slot { outcome: RequestOutcome | null }

export class Connection {
  readonly id: number
  #broker: Broker
  #socket: Socket
  #reader: FrameReader
  #slots: Slot[] = []
  /** Frames read but not yet handed to a handler (waiting for room in flight or a drained socket). */
  #pending: Buffer[] = []
  #abort = new AbortController()
  #peerEnded = false
  #closed = false
  #inFlight = new Set<Promise<void>>()

  constructor (options: { id: number; broker: Broker; socket: Socket; maxFrameBytes: number; idleMs: number }) {
    this.id = options.id
    this.#broker = options.broker
    this.#socket = options.socket
    this.#reader = new FrameReader(options.maxFrameBytes)
    const socket = this.#socket
    socket.setNoDelay(true)
    // Dead peers are found by keepalive; quiet ones are closed after connections.max.idle.ms,
    // but never while a request (a parked long-poll) is still in flight.
    socket.setKeepAlive(true, 60_000)
    if (options.idleMs >= 0) {
      socket.setTimeout(Math.min(Math.max(options.idleMs, 1), 2 ** 31 - 1), () => {
        if (this.#slots.length === 0 && this.#pending.length === 0) this.#fail('idle longer than connections.max.idle.ms', 'debug')
      })
    }
    socket.on('data', (chunk: Buffer) => this.#onData(chunk))
    socket.on('drain', () => this.#pump())
    // Half-close: answer what was asked, then close our side.
    socket.on('end', () => { this.#peerEnded = true; this.#maybeEnd() })
    socket.on('error', (err) => this.#broker.logger.debug({ err, connection: this.id }, 'connection error'))
    socket.on('close', () => this.#onClose())
  }

  /** Resolves once the socket is fully closed. */
  destroy (): Promise<void> {
    if (this.#closed) return Promise.resolve()
    return new Promise((resolve) => {
      this.#socket.once('close', () => resolve())
      this.#socket.destroy()
    })
  }

  #onData (chunk: Buffer): void {
    if (this.#closed) return
    let frames: Buffer[]
    try {
      frames = this.#reader.push(chunk)
    } catch (err) {
      this.#fail((err as Error).message)
      return
    }
    this.#pending.push(...frames)
    this.#pump()
  }

  /** Starts queued requests while there is room: bounded in flight, and nothing unsent piling up. */
  #pump (): void {
    while (!this.#closed && this.#pending.length > 0 && this.#slots.length < MAX_IN_FLIGHT && !this.#socket.writableNeedDrain) {
      this.#dispatch(this.#pending.shift()!)
    }
    this.#updateFlow()
  }

  #dispatch (frame: Buffer): void {
    const slot: Slot = { outcome: null }
    this.#slots.push(slot)
    const info = { connectionId: this.id, clientHost: this.#socket.remoteAddress ?? 'unknown', signal: this.#abort.signal }
    const work = processRequest(this.#broker, frame, info)
      .catch((err: unknown): RequestOutcome => ({ kind: 'close', reason: `request failed: ${(err as Error).message}` }))
      .then((outcome) => {
        slot.outcome = outcome
        this.#flush()
      })
      .catch((err: unknown) => {
        // Writing failed (socket torn down mid-flush): this connection is done, the broker is not.
        this.#broker.logger.debug({ err, connection: this.id }, 'response write failed')
        this.#socket.destroy()
      })
    this.#inFlight.add(work)
    void work.then(() => this.#inFlight.delete(work))
  }

  /** Resolves when every request handed to a handler has finished (used at shutdown). */
  async settled (): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight])
  }

  /** Writes every finished response at the head of the queue, in request order. */
  #flush (): void {
    // Corked so a response's chunks (and consecutive responses) go out in one writev.
    this.#socket.cork()
    try {
      while (!this.#closed && this.#slots.length > 0 && this.#slots[0].outcome !== null) {
        const outcome = this.#slots.shift()!.outcome!
        if (outcome.kind === 'close') {
          this.#fail(outcome.reason)
          return
        }
        if (outcome.kind === 'respond') {
          const { buffers, afterWrite } = outcome
          const last = buffers.length - 1
          for (let i = 0; i < last; i++) this.#socket.write(buffers[i])
          // Writes complete in order: once the last one is in the kernel, so are the others.
          if (afterWrite.length === 0) this.#socket.write(buffers[last])
          else this.#socket.write(buffers[last], (err) => { if (err == null) for (const fn of afterWrite) fn() })
        }
      }
    } finally {
      this.#socket.uncork()
    }
    this.#pump()
    this.#maybeEnd()
  }

  #updateFlow (): void {
    if (this.#closed) return
    const shouldPause = this.#pending.length > 0 || this.#slots.length >= MAX_IN_FLIGHT || this.#socket.writableNeedDrain
    if (shouldPause && !this.#socket.isPaused()) this.#socket.pause()
    else if (!shouldPause && this.#socket.isPaused()) this.#socket.resume()
  }

  #maybeEnd (): void {
    if (this.#peerEnded && this.#slots.length === 0 && this.#pending.length === 0 && !this.#closed) this.#socket.end()
  }

  #fail (reason: string, level: 'warn' | 'debug' = 'warn'): void {
    this.#broker.logger[level]({ connection: this.id, remote: this.#socket.remoteAddress, reason }, 'closing connection')
    this.#slots = []
    this.#pending = []
    this.#socket.destroy()
  }

  #onClose (): void {
    this.#closed = true
    this.#slots = []
    this.#pending = []
    this.#abort.abort()
  }
}
