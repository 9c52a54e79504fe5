/**
 * Error values the sandbox answers with. Codes and messages follow Confluent REST Proxy's
 * `Errors.java` / rest-utils mappers (see docs/protocols.md §3), written here from
 * the reference, not shared with the console's adapters.
 */
export class RestError extends Error {
  readonly status: number
  readonly errorCode: number

  constructor(status: number, errorCode: number, message: string) {
    super(message)
    this.status = status
    this.errorCode = errorCode
  }
}

/** 406 is special: Jersey attaches no entity and no Content-Type to it. */
export class NotAcceptableError extends Error {
  constructor() {
    super('HTTP 406 Not Acceptable')
  }
}

/** IBM Message Hub classic admin API errors use a camelCase body. */
export class AdminError extends Error {
  readonly status: number
  readonly errorCode: number

  constructor(status: number, errorCode: number, message: string) {
    super(message)
    this.status = status
    this.errorCode = errorCode
  }
}

export const topicNotFound = (): RestError => new RestError(404, 40401, 'Topic not found.')
export const partitionNotFound = (): RestError => new RestError(404, 40402, 'Partition not found.')
export const consumerInstanceNotFound = (): RestError =>
  new RestError(404, 40403, 'Consumer instance not found.')
export const unsupportedMediaType = (): RestError =>
  new RestError(415, 415, 'HTTP 415 Unsupported Media Type')
export const routeNotFound = (): RestError => new RestError(404, 404, 'HTTP 404 Not Found')
export const methodNotAllowed = (): RestError => new RestError(405, 405, 'HTTP 405 Method Not Allowed')
/** Bean-validation failures (rest-utils ConstraintViolationExceptionMapper): 422 with code 422. */
export const validationError = (message: string): RestError => new RestError(422, 422, message)
/** Malformed JSON / wrong JSON types (newer rest-utils maps these to JSON 400s). */
export const badRequest = (message: string): RestError => new RestError(400, 400, message)
export const illegalState = (detail: string): RestError =>
  new RestError(409, 40903, `Illegal state: ${detail}`)
export const invalidConsumerConfig = (detail: string): RestError =>
  new RestError(422, 42204, `Invalid consumer configuration: ${detail}`)
export const formatMismatch = (): RestError =>
  new RestError(
    406,
    40601,
    'The requested embedded data format does not match the deserializer for this consumer instance',
  )
