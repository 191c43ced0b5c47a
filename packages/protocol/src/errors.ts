// The two ways decoding a frame can fail. The broker answers UnsupportedApiError with Kafka's
// UNSUPPORTED_VERSION handling and closes the connection on ProtocolDecodeError.

/** Malformed or truncated bytes: the frame cannot be read as the message it claims to be. */
export class ProtocolDecodeError extends Error {
  override readonly name = 'ProtocolDecodeError'
  /** Byte offset inside the frame where decoding failed. */
  readonly offset: number

  constructor (message: string, offset: number, options?: { cause?: unknown }) {
    super(message, options)
    this.offset = offset
  }
}

/** An api key this codec has no spec for, or a version outside the spec's validVersions. */
export class UnsupportedApiError extends Error {
  override readonly name = 'UnsupportedApiError'
  readonly apiKey: number
  readonly apiVersion: number

  constructor (apiKey: number, apiVersion: number) {
    super(`unsupported api key ${apiKey} version ${apiVersion}`)
    this.apiKey = apiKey
    this.apiVersion = apiVersion
  }
}
