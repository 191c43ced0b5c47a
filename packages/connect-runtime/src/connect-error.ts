// The one coded error of the Connect runtime. The REST layer renders it as Kafka Connect's
// `{ "error_code": <http status>, "message": ... }`; everything else that escapes a route is a 500,
// as Kafka's ConnectExceptionMapper does.

export const ConnectErrorCodes = {
  BAD_REQUEST: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const

export type ConnectErrorCode = keyof typeof ConnectErrorCodes

export class ConnectError extends Error {
  readonly code: ConnectErrorCode
  readonly httpStatus: number

  constructor (code: ConnectErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ConnectError'
    this.code = code
    this.httpStatus = ConnectErrorCodes[code]
  }
}

export const notFound = (message: string): ConnectError => new ConnectError('NOT_FOUND', message)
export const badRequest = (message: string): ConnectError => new ConnectError('BAD_REQUEST', message)
