import { KafkaRestError, isKafkaRestError, type RequestSummary } from '../errors.ts'

/**
 * The registry's errors in words. Confluent's API answers `{"error_code": <HTTP status or 5-digit code>,
 * "message": ...}`; the 5-digit codes say which resource was missing or what was wrong.
 */
const CODE_HINTS: Record<number, string> = {
  40401: 'No such subject in the registry: check the name (it is case-sensitive); it may have been deleted.',
  40402: 'That subject has no such version: it may have been deleted.',
  40403:
    'The registry has no schema with this id: the record was written against another registry, or the schema was deleted.',
  40404:
    'The subject was soft-deleted. List deleted subjects to see it, or register a schema to bring it back.',
  40405: 'The subject must be soft-deleted before it can be deleted permanently.',
  40406: 'That version was soft-deleted.',
  40407: 'The version must be soft-deleted before it can be deleted permanently.',
  40408: 'This subject has no compatibility level of its own: the global level applies.',
  409: "The schema is not compatible with the subject's earlier versions under its compatibility level. The message says what breaks.",
  42201: 'The registry refused the schema as invalid. The message says where.',
  42202: 'The version is invalid: use a number from 1, or latest.',
  42203: 'The registry does not know that compatibility level.',
  50001: 'The registry could not read or write its store. Retry; if it persists, check the registry.',
  50002: 'The registry timed out. Retry.',
  50003: 'The registry could not forward the request to its leader. Retry shortly.',
}

function hintFor(status: number | null, code: number | null): string | null {
  if (code !== null && CODE_HINTS[code]) return CODE_HINTS[code]
  switch (status) {
    case 401:
      return 'Wrong Schema Registry credentials: check the registry user and password (or token) in the connection form. They are separate from the Kafka REST API key unless the registry shares it.'
    case 403:
      return 'The registry credentials are valid but not allowed to do this. Ask for the needed registry permission.'
    case 429:
      return 'The registry is rate limiting requests. Wait and retry.'
  }
  return null
}

/** A transport error from a registry call, with the registry's meaning in its message and hint. */
export function registryError(err: unknown): unknown {
  if (!isKafkaRestError(err) || err.kind !== 'http') return err
  const hint = hintFor(err.status, err.errorCode)
  if (!hint) return err
  const message =
    err.status === 401
      ? `The Schema Registry rejected the credentials (HTTP 401${err.serverMessage ? `: ${err.serverMessage}` : ''}).`
      : err.message
  return copyError(err, { message, hint })
}

function copyError(err: KafkaRestError, patch: { message: string; hint: string; kind?: 'invalid-response' }) {
  return new KafkaRestError({
    kind: patch.kind ?? err.kind,
    message: patch.message,
    hint: patch.hint,
    status: err.status,
    errorCode: err.errorCode,
    serverMessage: err.serverMessage,
    details: err.details,
    request: err.request,
    responseText: err.responseText,
    responseBody: err.responseBody,
    received: err.received,
  })
}

const NOT_A_REGISTRY_HINT =
  'Check the Schema Registry URL: it is the registry base URL (where GET /subjects lists subjects), e.g. https://psrc-xxxx.region.aws.confluent.cloud or http://127.0.0.1:8081, not the Kafka REST URL (unless, like the sandbox, both live there).'

/**
 * The registry check (`GET /subjects`) failed: an answer that no registry gives (a 404/405/406 route, a web page,
 * a body that is not a list of names) means the URL is not a Schema Registry. Other failures keep their meaning.
 */
export function checkError(err: unknown, request: RequestSummary): unknown {
  if (!isKafkaRestError(err)) return err
  const status = err.status
  const unknownRoute =
    err.kind === 'http' && (status === 404 || status === 405 || status === 406 || status === 415)
  const html = err.kind === 'http' && /HTML page/.test(err.message)
  if (unknownRoute || html || err.kind === 'invalid-response') {
    if (err.kind === 'invalid-response' && err.received) return err // cut short or too large: say that
    return copyError(err, {
      message: `${request.url} is not a Schema Registry: GET /subjects answered ${err.kind === 'invalid-response' ? 'with something other than a list of subjects' : err.message}.`,
      hint: NOT_A_REGISTRY_HINT,
      kind: 'invalid-response',
    })
  }
  return registryError(err)
}

/** A registry answer of the wrong shape (a 2xx body that is not what the API documents). */
export function badAnswer(what: string, request: RequestSummary): KafkaRestError {
  return new KafkaRestError({
    kind: 'invalid-response',
    message: `The Schema Registry's answer to ${request.method} ${request.url} is not ${what}.`,
    hint: 'The URL may not be a Schema Registry, or the registry speaks another API. Check the Schema Registry URL.',
    request,
  })
}
