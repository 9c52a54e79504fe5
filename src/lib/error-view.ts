import { isKafkaRestError } from '../api/errors.ts'

/**
 * What an error alert shows, without knowing where the error came from: the shared ErrorAlert takes this (it
 * imports nothing from src/api), and errorView() builds it from a KafkaRestError or any other thrown value.
 */
export interface ErrorView {
  message: string
  /** The endpoint's per-item details (e.g. per-record errors), one line each. */
  details: string[]
  /** What probably happened and what to do. */
  hint: string | null
  /** The request that failed, as "METHOD url". */
  request: string | null
  /** The whole response body, offered as a download. */
  body: { blob: Blob; fileName: string } | null
}

/** A file name for a downloaded error body, from its status and content type. */
export function bodyFileName(status: number | null, contentType: string | null): string {
  const ext = /html/i.test(contentType ?? '') ? 'html' : /json/i.test(contentType ?? '') ? 'json' : 'txt'
  return `response-${status ?? 'body'}.${ext}`
}

/** Any thrown value as an ErrorView: a KafkaRestError with all it carries, anything else by its message. */
export function errorView(error: unknown): ErrorView {
  if (!isKafkaRestError(error)) {
    return {
      message: error instanceof Error ? error.message : String(error),
      details: [],
      hint: null,
      request: null,
      body: null,
    }
  }
  return {
    message: error.message,
    details: error.details,
    hint: error.hint || null,
    request: error.request ? `${error.request.method} ${error.request.url}` : null,
    body: error.responseBody
      ? {
          blob: error.responseBody,
          fileName: bodyFileName(error.status, error.received?.contentType ?? null),
        }
      : null,
  }
}
