// The platform's one coded error. The REST layer renders it as Kafka Connect's
// { "error_code", "message" } so the console reads one error shape everywhere.
export class PlatformError extends Error {
  readonly code: string
  readonly httpStatus: number

  constructor (code: string, message: string, options: { httpStatus?: number, cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'PlatformError'
    this.code = code
    this.httpStatus = options.httpStatus ?? 500
  }
}
