// One error type for every codec, so batch validation maps it to a single Kafka error.

export class DecompressionError extends Error {
  override readonly name = 'DecompressionError'
  /** 'too-large': output would exceed the caller's limit; 'corrupt': not a valid stream. */
  readonly reason: 'too-large' | 'corrupt'

  constructor (reason: 'too-large' | 'corrupt', message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.reason = reason
  }
}

export function tooLarge (codec: string, limit: number): DecompressionError {
  return new DecompressionError('too-large', `${codec}: decompressed data exceeds the limit of ${limit} bytes`)
}
