import { EventEmitter } from 'node:events'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Transform, type Readable } from 'node:stream'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import { request, type Agent } from 'undici'
import { PROXY_REQUEST_HEADER, ProxyFailureLog, type ProxyFailure } from './failure-log.ts'
import { checkHost, checkSameOrigin } from './guards.ts'
import { SECURITY_HEADERS } from '../security-headers.ts'
import { writeProxyError, type ProxyError } from './proxy-error.ts'
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

/** Sent with every proxied answer: never cached, plus the server's security headers. */
const ANSWER_HEADERS = { 'cache-control': 'no-store', ...SECURITY_HEADERS } as const

export const ENDPOINT_HEADER = 'x-kafka-rest-endpoint'
export const PROXY_PREFIX = '/proxy'

export interface ProxyOptions {
  policy: TargetPolicy
  /** Largest request body forwarded, in bytes. */
  maxBodyBytes: number
  /** Largest answer passed back, in bytes after decoding (default 256 MiB). */
  maxResponseBytes?: number
  /** Where failed upstream bodies are recorded for the client to ask about (GET /api/proxy-failures/<id>). */
  failures?: ProxyFailureLog
  /** How long to wait for the endpoint's answer (and the longest pause inside a streamed body). */
  timeoutMs: number
  connectTimeoutMs?: number
  agent?: Agent
  /** Access log: method, target origin + path, status, duration. Never headers, never the query. */
  log?: (line: string) => void
}

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void

export function isProxyPath(url: string | undefined): boolean {
  return (
    !!url &&
    (url === PROXY_PREFIX || url.startsWith(`${PROXY_PREFIX}/`) || url.startsWith(`${PROXY_PREFIX}?`))
  )
}

class BodyTooLargeError extends Error {
  readonly limit: number
  constructor(limit: number) {
    super(`request body exceeds ${limit} bytes`)
    this.limit = limit
  }
}

interface CountedBody {
  stream: Readable
  /** Bytes passed on so far. */
  sent(): number
  /** Whether the whole body went through. */
  done(): boolean
  /** Stops passing the body on (the upstream request failed). */
  discard(): void
}

function limitBody(source: Readable, maxBytes: number): CountedBody {
  let seen = 0
  let finished = false
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length
      if (seen > maxBytes) done(new BodyTooLargeError(maxBytes))
      else done(null, chunk)
    },
    flush(done) {
      finished = true
      done()
    },
  })
  source.on('error', (err) => counter.destroy(err))
  return {
    stream: source.pipe(counter),
    sent: () => seen,
    done: () => finished,
    discard: () => counter.destroy(),
  }
}

/**
 * The request body as undici reads it. With a Content-Length (already checked against the limit) Node's parser
 * delivers exactly that many bytes and no more, so the request itself is the body: no counting stream per
 * request. Only a chunked body is counted on its way through.
 */
function requestBody(req: IncomingMessage, declared: number | undefined, maxBytes: number): CountedBody {
  if (declared === undefined) return limitBody(req, maxBytes)
  return {
    stream: req,
    sent: () => declared,
    done: () => req.readableEnded,
    // Destroying the request would destroy the client's socket before it gets the error answer; Node discards
    // the unread rest of the body once that answer is sent.
    discard: () => {},
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name]
  return Array.isArray(v) ? v.join(', ') : v
}

function errorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null
  const code = e?.code ?? e?.cause?.code
  return typeof code === 'string' ? code : undefined
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MiB`
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`
  return `${n} bytes`
}

function tooLarge(limit: number): ProxyError {
  return {
    status: 413,
    kind: 'body_too_large',
    message: `The request body is larger than the proxy's limit of ${formatBytes(limit)}. Send less data, or start the server with a larger --max-body.`,
    extra: { limit },
  }
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

const LARGE_BODY = 1024 * 1024
export const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024
const MAX_LOCATION = 2000

class ResponseTooLargeError extends Error {}

/** The decoders for the encodings the proxy undoes; anything else is refused. */
const DECODERS: Record<string, () => Transform> = {
  gzip: () => createGunzip(),
  'x-gzip': () => createGunzip(),
  deflate: () => createInflate(),
  br: () => createBrotliDecompress(),
}

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v
}

/** Where a redirect wanted to go, resolved against the request's URL and capped (an endpoint's header is data). */
function redirectTarget(location: string | undefined, target: URL): string | undefined {
  if (!location) return undefined
  let to = location
  try {
    to = new URL(location, target).href
  } catch {
    // Not a URL: shown as sent.
  }
  return to.length > MAX_LOCATION ? `${to.slice(0, MAX_LOCATION)}…` : to
}

function bodyFailureMessage(
  err: unknown,
  f: Pick<ProxyFailure, 'declaredBytes' | 'receivedBytes' | 'status' | 'contentType'>,
  limit: number,
  timeoutMs: number,
): { kind: ProxyFailure['kind']; message: string; code: string | null } {
  const what = `HTTP ${f.status}, ${f.contentType ?? 'no content type'}`
  const got =
    f.declaredBytes !== null
      ? `${f.receivedBytes.toLocaleString('en-US')} of ${f.declaredBytes.toLocaleString('en-US')} bytes`
      : `${f.receivedBytes.toLocaleString('en-US')} bytes`
  if (err instanceof ResponseTooLargeError) {
    return {
      kind: 'upstream_too_large',
      message: `The endpoint's answer (${what}) grew past the proxy's limit of ${formatBytes(limit)} (after decoding); it was cut off there. Ask for less data, or start the server with a larger --max-response.`,
      code: null,
    }
  }
  const code = errorCode(err) ?? null
  if (
    code?.startsWith('Z_') ||
    code === 'ERR_BROTLI' ||
    /incorrect header|invalid|unexpected end of file/i.test((err as Error)?.message ?? '')
  ) {
    return {
      kind: 'upstream_bad_encoding',
      message: `The endpoint's compressed answer (${what}) could not be decoded after ${got}${code ? ` (${code})` : ''}.`,
      code,
    }
  }
  if (code === 'UND_ERR_BODY_TIMEOUT') {
    return {
      kind: 'upstream_cut_short',
      message: `The endpoint stopped sending its answer (${what}) for ${Math.round(timeoutMs / 1000)} s after ${got}.`,
      code,
    }
  }
  return {
    kind: 'upstream_cut_short',
    message: `The endpoint broke off its answer (${what}) after ${got}${code ? ` (${code})` : ''}.`,
    code,
  }
}

function upstreamError(
  err: unknown,
  target: URL,
  timeoutMs: number,
  body?: CountedBody,
  declared?: number,
): ProxyError {
  const limitErr = err instanceof BodyTooLargeError ? err : (err as { cause?: unknown })?.cause
  if (limitErr instanceof BodyTooLargeError) return tooLarge(limitErr.limit)
  const code = errorCode(err)
  const size = declared ?? body?.sent() ?? 0
  if (
    body &&
    !body.done() &&
    size >= LARGE_BODY &&
    (code === 'EPIPE' || code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
  ) {
    // Servers refuse an oversized body by answering 413 and closing while the client is still sending; the write
    // then fails before the answer can be read. A large upload cut short that way is almost always a size limit.
    return {
      status: 413,
      kind: 'body_too_large',
      message: `${target.host} closed the connection while receiving the ${formatBytes(size)} request body (${code}): it most likely refuses requests this large. Send less data per request.`,
      extra: { code, upstream: true },
    }
  }
  if (code === 'EBLOCKEDADDRESS') {
    return {
      status: 403,
      kind: 'target_not_allowed',
      message: `${(err as Error).message}; the proxy never forwards there.`,
    }
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return {
      status: 504,
      kind: 'upstream_timeout',
      message: `Could not connect to ${target.host} in time (${code}). Check the host, port and any firewall or VPN.`,
      extra: { code },
    }
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT') {
    return {
      status: 504,
      kind: 'upstream_timeout',
      message: `${target.host} did not answer within ${Math.round(timeoutMs / 1000)} s. The service may be overloaded; try again, or raise the server's --timeout.`,
      extra: { code },
    }
  }
  if (code === 'UND_ERR_INVALID_ARG') {
    return {
      status: 400,
      kind: 'bad_header',
      message: `A request header was refused: ${(err as Error).message}.`,
    }
  }
  return {
    status: 502,
    kind: 'upstream_unreachable',
    message: describeUnreachable(code, target),
    extra: { code: code ?? 'UNKNOWN', target: target.origin },
  }
}

/**
 * The CORS proxy, as a plain Node handler so the console server and Vite's dev server mount the same code:
 * `/proxy/<rest path>` with `X-Kafka-Rest-Endpoint: <endpoint base URL>` is forwarded to
 * `<endpoint base URL><rest path>?<query>`. Bodies stream both ways between the sockets; redirects are never
 * followed; no CORS headers are sent, and cross-site or foreign-Host requests are refused.
 */
export function createProxyHandler(options: ProxyOptions & { hostnames: ReadonlySet<string> }): NodeHandler {
  const { policy, maxBodyBytes, timeoutMs, hostnames } = options
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES
  const failures = options.failures ?? new ProxyFailureLog()
  const agent =
    options.agent ?? createUpstreamAgent({ connectTimeoutMs: options.connectTimeoutMs ?? 10_000, timeoutMs })

  return (req, res) => {
    const started = performance.now()
    const method = req.method ?? 'GET'
    const guard =
      checkHost(header(req, 'host'), hostnames) ??
      checkSameOrigin(header(req, 'origin'), header(req, 'sec-fetch-site'), header(req, 'host'))
    if (guard) return writeProxyError(res, guard)
    const decision = policy.check(header(req, ENDPOINT_HEADER))
    if (!decision.ok)
      return writeProxyError(res, {
        status: decision.status,
        kind: decision.kind as 'bad_endpoint',
        message: decision.message,
      })

    const raw = req.url ?? PROXY_PREFIX
    const q = raw.indexOf('?')
    const restPath = (q >= 0 ? raw.slice(0, q) : raw).slice(PROXY_PREFIX.length)
    const base = decision.url
    const target = new URL(base.origin)
    // Normalised by the URL parser (so `..` cannot climb out of the base path) but percent-encoding is kept.
    target.pathname =
      base.pathname.replace(/\/+$/, '') + (restPath ? new URL(restPath, 'http://x').pathname : '')
    if (q >= 0) target.search = raw.slice(q)

    const headers: Record<string, string> = {}
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = header(req, name)
      if (value !== undefined) headers[name] = value
    }
    const declared = headers['content-length'] === undefined ? undefined : Number(headers['content-length'])
    if (declared !== undefined && declared > maxBodyBytes) {
      req.resume()
      return writeProxyError(res, tooLarge(maxBodyBytes))
    }
    const hasBody = method !== 'GET' && method !== 'HEAD'
    const body = hasBody ? requestBody(req, declared, maxBodyBytes) : undefined

    // The answer timeout is undici's headersTimeout. A client that goes away aborts the upstream request
    // through a plain emitter: cheaper than an AbortController on the hot path.
    const abort = new EventEmitter()
    const onClientGone = () => abort.emit('abort')
    res.once('close', onClientGone)
    const logLine = (status: number, note = '') =>
      options.log?.(
        `${method} ${target.origin}${target.pathname} -> ${status}${note} ${Math.round(performance.now() - started)}ms`,
      )

    request(target, { method, headers, body: body?.stream, dispatcher: agent, signal: abort }).then(
      (upstream) => {
        res.off('close', onClientGone)
        const status = upstream.statusCode
        logLine(status)
        const answer = upstream.body
        const discard = () => void answer.dump().catch(() => {})
        if (status >= 300 && status < 400 && status !== 304) {
          discard()
          const to = redirectTarget(one(upstream.headers['location']), target)
          // Not the 3xx itself: a browser's fetch hides any 3xx answer (redirect: 'manual' makes it opaque), and with
          // it the target this error names.
          return writeProxyError(res, {
            status: 502,
            kind: 'upstream_redirect',
            message: `The endpoint redirected (${status})${to ? ` to ${to}` : ' without saying where'}. The proxy does not follow redirects: use the final URL as the endpoint.`,
            extra: to ? { status, location: to } : { status },
          })
        }
        const contentType = one(upstream.headers['content-type']) ?? null
        const rawEncoding = one(upstream.headers['content-encoding'])?.trim().toLowerCase() ?? ''
        const encoding = rawEncoding === 'identity' ? '' : rawEncoding
        const lengthHeader = one(upstream.headers['content-length'])
        const declared =
          lengthHeader !== undefined && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : null
        const nullBody = NULL_BODY_STATUSES.has(status) || method === 'HEAD'
        if (!nullBody && encoding && !(encoding in DECODERS)) {
          discard()
          return writeProxyError(res, {
            status: 502,
            kind: 'upstream_encoding',
            message: `The endpoint answered HTTP ${status} with Content-Encoding "${encoding.slice(0, 100)}", which the proxy cannot decode (it decodes gzip, deflate and br). Configure the endpoint or its gateway not to compress answers this way.`,
            extra: { status, encoding: encoding.slice(0, 100) },
          })
        }
        if (!nullBody && !encoding && declared !== null && declared > maxResponseBytes) {
          discard()
          return writeProxyError(res, {
            status: 502,
            kind: 'upstream_too_large',
            message: `The endpoint's answer (HTTP ${status}, ${contentType ?? 'no content type'}) is ${formatBytes(declared)}, over the proxy's limit of ${formatBytes(maxResponseBytes)}. Ask for less data (fewer records or a smaller max_bytes), or start the server with a larger --max-response.`,
            extra: { status, declaredBytes: declared, limit: maxResponseBytes },
          })
        }
        const id = failures.nextId()
        const head: Record<string, string> = { ...ANSWER_HEADERS, [PROXY_REQUEST_HEADER]: id }
        if (contentType !== null) head['content-type'] = contentType
        // Passed through so the client can tell a short body from a complete one; a decoded body has no known length.
        if (declared !== null && !encoding) head['content-length'] = String(declared)
        res.writeHead(status, head)
        if (nullBody) {
          res.end()
          discard()
          return
        }
        // A body that fails mid-stream destroys the client connection, so the client sees a failure, not a short
        // body; the reason is recorded under the request id for the client to ask about. A client gone mid-stream
        // stops the upstream read. (`pipe` plus listeners, not `pipeline`: that creates an AbortController and a
        // DOMException per request, a tenth of the proxy's CPU for small bodies.)
        const decoder = encoding ? DECODERS[encoding]() : null
        const out: Readable = decoder ? answer.pipe(decoder) : answer
        let received = 0
        let failed = false
        const fail = (err: unknown) => {
          if (failed) return
          failed = true
          const facts = {
            status,
            contentType,
            declaredBytes: encoding ? null : declared,
            receivedBytes: received,
          }
          const why = bodyFailureMessage(err, facts, maxResponseBytes, timeoutMs)
          if (!res.destroyed) {
            failures.record({ id, ...facts, ...why, contentEncoding: encoding || null })
            logLine(status, ` (body failed: ${why.code ?? why.kind} after ${received} bytes)`)
          }
          answer.destroy()
          decoder?.destroy()
          res.destroy()
        }
        out.on('data', (chunk: Buffer) => {
          received += chunk.length
          if (received > maxResponseBytes) fail(new ResponseTooLargeError())
        })
        answer.on('error', fail)
        decoder?.on('error', fail)
        const stop = () => {
          if (!answer.readableEnded) answer.destroy()
          decoder?.destroy()
        }
        res.on('error', stop)
        res.once('close', stop)
        out.pipe(res)
      },
      (err: unknown) => {
        res.off('close', onClientGone)
        body?.discard()
        const error = upstreamError(err, target, timeoutMs, body, declared)
        logLine(error.status, ` (${errorCode(err) ?? error.kind})`)
        if (!res.destroyed) writeProxyError(res, error)
      },
    )
  }
}
