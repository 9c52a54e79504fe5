import { toCurl } from '../../api/http/curl.ts'
import type { RequestLogEntry } from '../../api/http/transport.ts'
import { useRequestLogStore } from '../../stores/request-log-store.ts'

/** The newest request id in the log: requests after it were made by what runs next. */
export function requestLogMark(): number {
  const entries = useRequestLogStore.getState().entries
  return entries.length ? entries[entries.length - 1].id : 0
}

/**
 * The produce requests logged after `mark`: the POSTs, oldest first (one request, or one per record where the
 * dialect sends records one by one). Metadata refreshes running meanwhile are GETs and are left out.
 */
export function produceRequestsSince(entries: RequestLogEntry[], mark: number): RequestLogEntry[] {
  return entries.filter((e) => e.id > mark && e.method === 'POST')
}

/** The requests as curl commands, one per paragraph; the key is `$API_KEY` unless `apiKey` is given. */
export function requestsAsCurl(entries: RequestLogEntry[], apiKey?: string): string {
  return entries.map((e) => toCurl(e, apiKey === undefined ? {} : { apiKey })).join('\n\n')
}
