import type { ServerResponse } from 'node:http'
import { SECURITY_HEADERS } from '../security-headers.ts'

/** Kinds of error the proxy itself reports (the endpoint's own errors pass through untouched). */
export type ProxyErrorKind =
  | 'bad_endpoint'
  | 'bad_header'
  | 'target_not_allowed'
  | 'forbidden_host'
  | 'cross_site'
  | 'body_too_large'
  | 'upstream_unreachable'
  | 'upstream_timeout'
  | 'upstream_redirect'
  /** The endpoint's answer is over --max-response (declared, so refused before anything was sent). */
  | 'upstream_too_large'
  /** The endpoint compressed its answer with an encoding the proxy does not decode. */
  | 'upstream_encoding'

export interface ProxyError {
  status: number
  kind: ProxyErrorKind
  message: string
  extra?: Record<string, unknown>
}

function errorHeaders(kind: ProxyErrorKind, length: number): Record<string, string | number> {
  return {
    'content-type': 'application/json; charset=utf-8',
    'content-length': length,
    'cache-control': 'no-store',
    ...SECURITY_HEADERS,
    'x-kafka-rest-proxy-error': kind,
  }
}

/**
 * Proxy errors are JSON `{ error, message, ... }` and carry `X-Kafka-Rest-Proxy-Error` so the SPA can tell
 * them apart from the endpoint's own errors (which keep their own body and status).
 */
export function proxyErrorResponse(
  status: number,
  kind: ProxyErrorKind,
  message: string,
  extra: Record<string, unknown> = {},
): Response {
  const body = JSON.stringify({ error: kind, message, ...extra })
  return new Response(body, {
    status,
    headers: errorHeaders(kind, Buffer.byteLength(body)) as Record<string, string>,
  })
}

/** The same error written to a Node response. */
export function writeProxyError(res: ServerResponse, error: ProxyError): void {
  const body = JSON.stringify({ error: error.kind, message: error.message, ...error.extra })
  if (res.headersSent) {
    res.destroy()
    return
  }
  res.writeHead(error.status, errorHeaders(error.kind, Buffer.byteLength(body)))
  res.end(body)
}
