// The one coded error of the Connect runtime. The REST layer renders it as Kafka Connect's
// `{ "error_code": <http status>, "message": ... }`; everything else that escapes a route is a 500,
// as Kafka's ConnectExceptionMapper does.

export const ConnectRestErrorCodes = {
  BAD_REQUEST: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const

export type ConnectRestErrorCode = keyof typeof ConnectRestErrorCodes

export class ConnectRestError extends Error {
  readonly code: ConnectRestErrorCode
  readonly httpStatus: number

  constructor (code: ConnectRestErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ConnectRestError'
    this.code = code
    this.httpStatus = ConnectRestErrorCodes[code]
  }
}

export const notFound = (message: string): ConnectRestError => new ConnectRestError('NOT_FOUND', message)
export const badRequest = (message: string): ConnectRestError => new ConnectRestError('BAD_REQUEST', message)
