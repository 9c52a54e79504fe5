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
  return new Response(JSON.stringify({ error: kind, message, ...extra }), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-kafka-rest-proxy-error': kind,
    },
  })
}
