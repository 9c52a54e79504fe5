import { toCurl } from '../../api/http/curl.ts'
import type { RequestLogEntry } from '../../api/http/transport.ts'

/**
 * The requests of one produce call, kept by the call itself (`onRequest` goes in its ProduceOptions) rather than
 * found in the request log, which keeps only the newest entries and can be cleared meanwhile: an NDJSON import
 * sent one record per request makes thousands of them.
 */
export interface RequestCapture {
  onRequest: (entry: RequestLogEntry) => void
  /** The requests so far, oldest first, as they stand now (copies: later changes do not show). */
  requests(): RequestLogEntry[]
}

export function captureRequests(): RequestCapture {
  const seen: RequestLogEntry[] = []
  return {
    onRequest: (entry) => void seen.push(entry),
    requests: () => seen.map((e) => ({ ...e })),
  }
}

/** The requests as curl commands, one per paragraph; the key is `$API_KEY` unless `apiKey` is given. */
export function requestsAsCurl(entries: RequestLogEntry[], apiKey?: string, user?: string): string {
  return entries.map((e) => toCurl(e, apiKey === undefined ? {} : { apiKey, user })).join('\n\n')
}
