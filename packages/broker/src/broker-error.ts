// The broker's one coded error: a Kafka wire error code (from @tributary/protocol's table)
// plus a message. Handlers catch it once and put `errorCode` / `message` in the response.

export class BrokerError extends Error {
  override readonly name = 'BrokerError'
  readonly errorCode: number

  constructor (errorCode: number, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.errorCode = errorCode
  }
}
