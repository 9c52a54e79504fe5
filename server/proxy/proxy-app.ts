import type { IncomingMessage } from 'node:http'
import { Readable, Transform } from 'node:stream'
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web'
import { Hono } from 'hono'
import { request, type Agent } from 'undici'
import { proxyErrorResponse } from './proxy-error.ts'
import type { TargetPolicy } from './target-policy.ts'
import { createUpstreamAgent } from './upstream.ts'

/** The only request headers that reach the endpoint: no cookies, no hop-by-hop, no browser fingerprint. */
const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'content-type',
  'content-length',
  'x-auth-token',
  'authorization',
] as const
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304])

export const ENDPOINT_HEADER = 'x-kafka-rest-endpoint'
export const PROXY_PREFIX = '/proxy'

export interface ProxyOptions {
  policy: TargetPolicy
  /** Largest request body forwarded, in bytes. */
  maxBodyBytes: number
  /** How long to wait for the endpoint's answer (and the longest pause inside a streamed body). */
  timeoutMs: number
  connectTimeoutMs?: number
  agent?: Agent
  /** Access log: method, target origin + path, status, duration. Never headers, never the query. */
  log?: (line: string) => void
}

class BodyTooLargeError extends Error {
  readonly limit: number
  constructor(limit: number) {
    super(`request body exceeds ${limit} bytes`)
    this.limit = limit
  }
}

function limitBody(source: Readable, maxBytes: number): Readable {
  let seen = 0
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length
      if (seen > maxBytes) done(new BodyTooLargeError(maxBytes))
      else done(null, chunk)
    },
  })
  source.on('error', (err) => counter.destroy(err))
  return source.pipe(counter)
}

function errorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null
  const code = e?.code ?? e?.cause?.code
  return typeof code === 'string' ? code : undefined
}

function describeUnreachable(code: string | undefined, target: URL): string {
  const where = target.host
  switch (code) {
    case 'ECONNREFUSED':
      return `Nothing is listening at ${where} (ECONNREFUSED). Check the endpoint's port and that the REST service is running.`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The host name ${target.hostname} could not be resolved (${code}). Check the endpoint URL and your network or VPN.`
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'EPIPE':
      return `${where} closed the connection before answering (${code}). The service may be restarting, or a firewall cut the connection.`
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where} is not reachable from this machine (${code}). Check your network or VPN.`
    case 'EPROTO':
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return `The TLS handshake with ${where} failed (${code}). Does the endpoint use http rather than https?`
    default:
      if (code && /CERT|SELF_SIGNED|UNABLE_TO|ERR_TLS/.test(code)) {
        return `The TLS certificate of ${where} was rejected (${code}). If it is signed by a private CA, start the server with NODE_EXTRA_CA_CERTS=/path/to/ca.pem.`
      }
      return `Could not reach ${where}${code ? ` (${code})` : ''}.`
  }
}

/**
 * The CORS proxy: `/proxy/<rest path>` with `X-Kafka-Rest-Endpoint: <endpoint base URL>` is forwarded to
 * `<endpoint base URL><rest path>?<query>`. It streams both ways, never follows redirects and sends no CORS
 * headers (only the console's own pages may use it; the request guards enforce that).
 */
export function createProxyApp(options: ProxyOptions): Hono<{ Bindings: { incoming?: IncomingMessage } }> {
  const { policy, maxBodyBytes, timeoutMs } = options
  const agent =
    options.agent ?? createUpstreamAgent({ connectTimeoutMs: options.connectTimeoutMs ?? 10_000, timeoutMs })
  const app = new Hono<{ Bindings: { incoming?: IncomingMessage } }>()

  app.all(`${PROXY_PREFIX}/*`, async (c) => {
    const started = performance.now()
    const decision = policy.check(c.req.header(ENDPOINT_HEADER))
    if (!decision.ok)
      return proxyErrorResponse(decision.status, decision.kind as 'bad_endpoint', decision.message)

    const incomingUrl = new URL(c.req.url)
    const base = decision.url
    const target = new URL(base.origin)
    // The rest path keeps its percent-encoding; it is appended to the endpoint's own base path.
    target.pathname = base.pathname.replace(/\/+$/, '') + incomingUrl.pathname.slice(PROXY_PREFIX.length)
    target.search = incomingUrl.search

    const headers: Record<string, string> = {}
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = c.req.header(name)
      if (value !== undefined) headers[name] = value
    }
    if (Object.values(headers).some((v) => /[\r\n\0]/.test(v))) {
      return proxyErrorResponse(
        400,
        'bad_header',
        'A header value contains a line break or NUL; check the API key for stray characters.',
      )
    }
    const declaredLength =
      headers['content-length'] === undefined ? undefined : Number(headers['content-length'])
    if (declaredLength !== undefined && declaredLength > maxBodyBytes) {
      return proxyErrorResponse(413, 'body_too_large', tooLargeMessage(maxBodyBytes), { limit: maxBodyBytes })
    }

    const method = c.req.method
    let body: Readable | undefined
    if (method !== 'GET' && method !== 'HEAD') {
      const incoming = c.env?.incoming
      const source = incoming
        ? (incoming as Readable)
        : c.req.raw.body
          ? Readable.fromWeb(c.req.raw.body as unknown as NodeWebReadableStream)
          : undefined
      if (source) body = limitBody(source, maxBodyBytes)
    }

    const abort = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      abort.abort(new Error('upstream timeout'))
    }, timeoutMs)
    const onClientGone = () => abort.abort(new Error('client closed the request'))
    c.req.raw.signal.addEventListener('abort', onClientGone, { once: true })

    let upstream: Awaited<ReturnType<typeof request>>
    try {
      upstream = await request(target, { method, headers, body, dispatcher: agent, signal: abort.signal })
    } catch (err) {
      c.req.raw.signal.removeEventListener('abort', onClientGone)
      body?.destroy()
      const response = mapUpstreamError(err, target, timedOut, timeoutMs)
      options.log?.(
        `${method} ${target.origin}${target.pathname} -> ${response.status} (${errorCode(err) ?? 'error'}) ${Math.round(performance.now() - started)}ms`,
      )
      return response
    } finally {
      clearTimeout(timer)
    }
    const status = upstream.statusCode
    options.log?.(
      `${method} ${target.origin}${target.pathname} -> ${status} ${Math.round(performance.now() - started)}ms`,
    )

    const location = upstream.headers['location']
    if (status >= 300 && status < 400 && status !== 304) {
      upstream.body.dump().catch(() => {})
      const to = Array.isArray(location) ? location[0] : location
      return proxyErrorResponse(
        status,
        'upstream_redirect',
        `The endpoint redirected (${status})${to ? ` to ${to}` : ''}. The proxy does not follow redirects: use the final URL as the endpoint.`,
        to ? { location: to } : {},
      )
    }

    const responseHeaders = new Headers({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
    const contentType = upstream.headers['content-type']
    if (typeof contentType === 'string') responseHeaders.set('content-type', contentType)
    const contentLength = upstream.headers['content-length']
    if (typeof contentLength === 'string') responseHeaders.set('content-length', contentLength)

    if (NULL_BODY_STATUSES.has(status) || method === 'HEAD') {
      upstream.body.dump().catch(() => {})
      return new Response(null, { status, headers: responseHeaders })
    }
    // Once the client goes away, the upstream body is destroyed with the web stream; nothing lingers.
    const stream = Readable.toWeb(upstream.body) as unknown as ReadableStream<Uint8Array>
    return new Response(stream, { status, headers: responseHeaders })
  })

  return app
}

function tooLargeMessage(limit: number): string {
  return `The request body is larger than the proxy's limit of ${formatBytes(limit)}. Send less data, or start the server with a larger --max-body.`
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MiB`
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`
  return `${n} bytes`
}

function mapUpstreamError(err: unknown, target: URL, timedOut: boolean, timeoutMs: number): Response {
  const tooLarge = err instanceof BodyTooLargeError ? err : (err as { cause?: unknown })?.cause
  if (tooLarge instanceof BodyTooLargeError) {
    return proxyErrorResponse(413, 'body_too_large', tooLargeMessage(tooLarge.limit), {
      limit: tooLarge.limit,
    })
  }
  const code = errorCode(err)
  if (code === 'EBLOCKEDADDRESS') {
    return proxyErrorResponse(
      403,
      'target_not_allowed',
      `${(err as Error).message}; the proxy never forwards there.`,
    )
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return proxyErrorResponse(
      504,
      'upstream_timeout',
      `Could not connect to ${target.host} in time (${code}). Check the host, port and any firewall or VPN.`,
      { code },
    )
  }
  if (timedOut || code === 'UND_ERR_HEADERS_TIMEOUT') {
    return proxyErrorResponse(
      504,
      'upstream_timeout',
      `${target.host} did not answer within ${Math.round(timeoutMs / 1000)} s. The service may be overloaded; try again, or raise the server's --timeout.`,
      { code: code ?? 'ETIMEDOUT' },
    )
  }
  if (code === 'UND_ERR_INVALID_ARG') {
    return proxyErrorResponse(400, 'bad_header', `A request header was refused: ${(err as Error).message}.`)
  }
  return proxyErrorResponse(502, 'upstream_unreachable', describeUnreachable(code, target), {
    code: code ?? 'UNKNOWN',
    target: target.origin,
  })
}
