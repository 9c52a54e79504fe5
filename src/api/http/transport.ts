import { bytesToBase64 } from '../../lib/bytes/base64.ts'
import { groupDigits } from '../../lib/group-digits.ts'
import {
  hintForHttpError,
  hintForProxyError,
  KafkaRestError,
  ERROR_BODY_PREFIX,
  MAX_MESSAGE_CHARS,
  networkErrorHint,
  omittedNote,
  parseErrorBody,
  type ReceivedFacts,
  type RequestSummary,
} from '../errors.ts'
import type { AuthScheme } from '../types.ts'
import { parseWireJson } from '../wire-json.ts'
import { BodyReadError, DEFAULT_MAX_RESPONSE_BYTES, readBody } from './read-body.ts'

export const ENDPOINT_HEADER = 'X-Kafka-Rest-Endpoint'
/** Our proxy's id for a proxied request, to ask it why a body failed (GET api/proxy-failures/<id>). */
export const PROXY_REQUEST_HEADER = 'X-Kafka-Rest-Proxy-Request'

let defaultMaxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES

/** The console server's --max-response, from /api/config: the limit for transports that set none. */
export function setDefaultMaxResponseBytes(bytes: number): void {
  if (Number.isSafeInteger(bytes) && bytes > 0) defaultMaxResponseBytes = bytes
}

/** What the transport can send: the form's schemes (the Kafka endpoint and the Schema Registry offer the same). */
export type TransportAuthScheme = AuthScheme

/** Which of the connection's services a transport talks to: the request log and curl name the right secret. */
export type ServiceKind = 'kafka' | 'registry'

export interface ConnectionSettings {
  /** The endpoint's base URL, e.g. https://kafka-rest.example.com:443 or http://127.0.0.1:8082. */
  endpoint: string
  /** The secret: API key, bearer token, or (scheme 'basic') the password. */
  apiKey: string
  useProxy: boolean
  authScheme: TransportAuthScheme
  /** Scheme 'basic': the user name sent with `apiKey` as password. */
  authUser?: string
  /** Default 'kafka'. */
  service?: ServiceKind
  /** Where the console server's proxy lives (default: `proxy` beside the app). */
  proxyBase?: string
  /** Largest answer read, in bytes (default: the console server's --max-response, else 256 MiB). */
  maxResponseBytes?: number
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RestRequest {
  method?: Method
  /** Path relative to the endpoint base, starting with '/'. Segments must be encoded by the caller. */
  path: string
  query?: Record<string, string | number | boolean | undefined>
  accept?: string
  contentType?: string
  /** A string is sent as UTF-8 (through `prepareBody`); prepare it ahead to take that work off the send. */
  body?: string | Uint8Array | Blob | PreparedBody
  signal?: AbortSignal
  /** Per-request time limit; the default suits metadata calls. */
  timeoutMs?: number
  onUploadProgress?: (sent: number, total: number) => void
  /** Keep the request alive while the page unloads (consumer cleanup on pagehide). */
  keepalive?: boolean
  /**
   * Told about this request when it starts, with the log entry the transport then completes in place (status,
   * duration, error): lets a caller keep its own requests whatever the request log drops.
   */
  onRequest?: (entry: RequestLogEntry) => void
}

export interface RestResponse {
  status: number
  contentType: string | null
  /** The body as text (decoded on first read: a caller that hands `bytes` to a worker never pays for it). */
  readonly text: string
  /** The body as received (absent in hand-made answers). */
  readonly bytes?: Uint8Array
}

/** A response whose text is decoded only when asked for. */
function lazyTextResponse(
  status: number,
  contentType: string | null,
  bytes: Uint8Array | null,
): RestResponse {
  const body = bytes ?? new Uint8Array(0)
  let text: string | null = null
  return {
    status,
    contentType,
    bytes: body,
    get text() {
      text ??= utf8.decode(body)
      return text
    },
  }
}

/** What the request log records. It never holds the API key: the auth header is recorded by name only. */
export interface RequestLogEntry {
  id: number
  startedAt: number
  method: Method
  /** The endpoint URL the request was for (not the proxy URL). */
  url: string
  viaProxy: boolean
  headers: Array<{ name: string; value: string }>
  /** The auth header's name, when one was sent; its value is the connection's API key (or registry secret). */
  authHeader: { name: string; scheme: TransportAuthScheme } | null
  /** The service the request was for (absent: the Kafka REST endpoint). */
  service?: ServiceKind
  body: { text: string | null; size: number; binary: boolean } | null
  status: number | null
  durationMs: number | null
  responseContentType: string | null
  responseSize: number | null
  error: string | null
}

/** An answer as received: the body stays bytes until we know what it is. */
interface RawResponse {
  status: number
  contentType: string | null
  size: number
  /** A success body (and small bodies we make up ourselves). */
  bytes: Uint8Array | null
  /** An error body, kept whole for download. */
  blob: Blob | null
}

/** A body that failed after the headers arrived, with what is known of the answer. */
class AnswerFailure extends Error {
  readonly cause: BodyReadError
  readonly status: number
  readonly contentType: string | null
  readonly proxyRequestId: string | null
  constructor(
    cause: BodyReadError,
    status: number,
    contentType: string | null,
    proxyRequestId: string | null,
  ) {
    super(cause.message)
    this.cause = cause
    this.status = status
    this.contentType = contentType
    this.proxyRequestId = proxyRequestId
  }
}

export type RequestLogSink = (entry: RequestLogEntry, phase: 'start' | 'end') => void

const MAX_LOGGED_BODY = 256 * 1024
const BLOB_BODY_FROM = 64 * 1024
const utf8Encoder = new TextEncoder()
let nextId = 1

export function authHeaderFor(
  scheme: TransportAuthScheme,
  apiKey: string,
  user = '',
): { name: string; value: string } | null {
  if (scheme === 'basic') {
    if (!user && !apiKey) return null
    // UTF-8, not btoa's Latin-1: a password with any character works (RFC 7617 charset=UTF-8).
    return { name: 'Authorization', value: `Basic ${bytesToBase64(utf8Encoder.encode(`${user}:${apiKey}`))}` }
  }
  if (!apiKey || scheme === 'none') return null
  switch (scheme) {
    case 'x-auth-token':
      return { name: 'X-Auth-Token', value: apiKey }
    case 'bearer':
      return { name: 'Authorization', value: `Bearer ${apiKey}` }
    case 'basic-token':
      return { name: 'Authorization', value: `Basic ${btoa(`token:${apiKey}`)}` }
  }
}

function defaultProxyBase(): string {
  return typeof document !== 'undefined'
    ? new URL('proxy', document.baseURI).href.replace(/\/$/, '')
    : '/proxy'
}

function buildQuery(query: RestRequest['query']): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v))
  const s = params.toString()
  return s ? `?${s}` : ''
}

export function endpointUrl(endpoint: string, path: string, query?: RestRequest['query']): string {
  return endpoint.replace(/\/+$/, '') + path + buildQuery(query)
}

// eslint-disable-next-line no-control-regex -- the whole point: anything outside ASCII
const NON_ASCII = /[^\u0000-\u007f]/

/** UTF-8 byte length of a string without encoding it (a 50 MB body must not be copied just to be measured). */
export function utf8Length(text: string): number {
  // Request bodies are mostly base64 in JSON: the native regex scan proves ASCII far faster than this loop.
  const first = text.search(NON_ASCII)
  if (first === -1) return text.length
  let n = first
  for (let i = first; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (
      c >= 0xd800 &&
      c <= 0xdbff &&
      i + 1 < text.length &&
      (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    ) {
      n += 4
      i++
    } else n += 3
  }
  return n
}

/** A text body made ready to send ahead of time (`prepareBody`), e.g. the next batch while one is in flight. */
export class PreparedBody {
  /** What goes on the wire: the text, or a Blob of it. */
  readonly sent: string | Blob
  /** UTF-8 bytes. */
  readonly size: number
  /** The text for the request log; null when too large to keep. */
  readonly text: string | null
  constructor(sent: string | Blob, size: number, text: string | null) {
    this.sent = sent
    this.size = size
    this.text = text
  }
}

/**
 * Turns a text body into what is sent. A large one goes as a Blob: Chromium copies a string body into the request
 * on the calling thread (~12 ms for a 640 KB produce batch) and ships it inline, while a Blob's bytes it streams
 * from its blob store. Produce through the proxy runs ~25% faster, and the Blob's size is the UTF-8 length
 * without another scan.
 */
export function prepareBody(text: string): PreparedBody {
  const logged = text.length <= MAX_LOGGED_BODY ? text : null
  if (text.length < BLOB_BODY_FROM || typeof Blob === 'undefined')
    return new PreparedBody(text, utf8Length(text), logged)
  const blob = utf8Blob(text)
  return new PreparedBody(blob, blob.size, logged)
}

const MAX_SCRATCH = 8 * 1024 * 1024
let scratch: Uint8Array<ArrayBuffer> | null = null

/**
 * The text's UTF-8 as a Blob: encoded into a reused buffer, which the Blob copies. Twice as fast as a Blob of the
 * string, whose conversion was the page's longest task during a Generate run on a busy machine (30–40 ms).
 */
function utf8Blob(text: string): Blob {
  // ASCII (base64 in JSON) fits in text.length bytes; anything else in at most 3 per UTF-16 unit.
  for (const need of [text.length, text.length * 3]) {
    if (need > MAX_SCRATCH) break
    if (!scratch || scratch.length < need) scratch = new Uint8Array(Math.max(need, 1024 * 1024))
    const { read, written } = utf8Encoder.encodeInto(text, scratch)
    if (read === text.length) return new Blob([scratch.subarray(0, written)])
  }
  return new Blob([text])
}

/** A body as fetch or XHR takes it. */
type WireBody = string | Uint8Array | Blob | undefined

function bodySize(body: WireBody): number {
  if (body === undefined) return 0
  if (typeof body === 'string') return utf8Length(body)
  if (body instanceof Uint8Array) return body.length
  return body.size
}

/**
 * The one place that sends HTTP. It adds the auth header, routes through the proxy when asked, records every
 * call in the request log, and turns every failure into a KafkaRestError with a hint.
 */
export class HttpTransport {
  private readonly settings: ConnectionSettings
  private readonly sink: RequestLogSink | undefined

  constructor(settings: ConnectionSettings, sink?: RequestLogSink) {
    this.settings = settings
    this.sink = sink
  }

  get endpoint(): string {
    return this.settings.endpoint
  }

  get useProxy(): boolean {
    return this.settings.useProxy
  }

  async request(req: RestRequest): Promise<RestResponse> {
    const method = req.method ?? 'GET'
    const url = endpointUrl(this.settings.endpoint, req.path, req.query)
    const headers: Record<string, string> = {}
    if (req.accept) headers['Accept'] = req.accept
    if (req.contentType) headers['Content-Type'] = req.contentType
    const auth = authHeaderFor(this.settings.authScheme, this.settings.apiKey, this.settings.authUser)
    const prepared =
      req.body instanceof PreparedBody
        ? req.body
        : typeof req.body === 'string'
          ? prepareBody(req.body)
          : null
    const body = prepared ? prepared.sent : (req.body as WireBody)
    const size = prepared ? prepared.size : bodySize(body)
    const entry: RequestLogEntry = {
      id: nextId++,
      startedAt: Date.now(),
      method,
      url,
      viaProxy: this.settings.useProxy,
      headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
      authHeader: auth ? { name: auth.name, scheme: this.settings.authScheme } : null,
      ...(this.settings.service === 'registry' ? { service: 'registry' as const } : {}),
      body:
        req.body === undefined
          ? null
          : prepared
            ? { text: prepared.text, size, binary: false }
            : { text: null, size, binary: true },
      status: null,
      durationMs: null,
      responseContentType: null,
      responseSize: null,
      error: null,
    }
    if (auth) headers[auth.name] = auth.value
    let fetchUrl = url
    if (this.settings.useProxy) {
      fetchUrl = (this.settings.proxyBase ?? defaultProxyBase()) + req.path + buildQuery(req.query)
      headers[ENDPOINT_HEADER] = this.settings.endpoint
    }
    const summary: RequestSummary = { method, url }
    this.sink?.(entry, 'start')
    req.onRequest?.(entry)
    const started = performance.now()
    const finish = (patch: Partial<RequestLogEntry>) => {
      Object.assign(entry, { durationMs: Math.round(performance.now() - started) }, patch)
      this.sink?.(entry, 'end')
    }

    const timeout = AbortSignal.timeout(req.timeoutMs ?? 30_000)
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout
    const limit = this.settings.maxResponseBytes ?? defaultMaxResponseBytes
    let raw: RawResponse
    try {
      raw = req.onUploadProgress
        ? await sendWithXhr(method, fetchUrl, headers, body, signal, req.onUploadProgress, limit)
        : await sendWithFetch(method, fetchUrl, headers, body, signal, {
            limit,
            trustLength: this.settings.useProxy,
            keepalive: req.keepalive,
          })
    } catch (err) {
      const error = await this.failure(err, summary, req, timeout)
      finish({
        error: error.message,
        status: error.received?.status ?? null,
        responseContentType: error.received?.contentType ?? null,
        responseSize: error.received?.bytes ?? null,
      })
      throw error
    }
    finish({
      status: raw.status,
      responseContentType: raw.contentType,
      responseSize: raw.size,
    })
    if (raw.status >= 300) {
      const error = await this.httpError(raw, summary)
      entry.error = error.message
      this.sink?.(entry, 'end')
      throw error
    }
    return lazyTextResponse(raw.status, raw.contentType, raw.bytes)
  }

  /** Sends and parses a JSON answer (exact int64s); an empty 2xx body gives null. */
  async json<T = unknown>(req: RestRequest): Promise<T> {
    const res = await this.request(req)
    if (!res.text.trim()) return null as T
    try {
      return parseWireJson(res.text) as T
    } catch {
      throw invalidResponse(res, {
        method: req.method ?? 'GET',
        url: endpointUrl(this.settings.endpoint, req.path, req.query),
      })
    }
  }

  private async httpError(res: RawResponse, request: RequestSummary): Promise<KafkaRestError> {
    // Bounded whatever the size: only the body's start is read to explain it, every text is clipped, and the whole
    // body stays a Blob (never a string) to download.
    const blob = res.blob ?? (res.bytes ? new Blob([res.bytes as Uint8Array<ArrayBuffer>]) : new Blob([]))
    const head = res.bytes
      ? res.bytes.subarray(0, ERROR_BODY_PREFIX)
      : new Uint8Array(await blob.slice(0, ERROR_BODY_PREFIX).arrayBuffer())
    const parsed = parseErrorBody(head, res.contentType, res.size)
    const responseBody = res.size ? blob : null
    const note = omittedNote(parsed.messageOmitted, parsed.messageOmittedApproximate)
    if (parsed.proxyKind) {
      return new KafkaRestError({
        kind: 'proxy',
        status: res.status,
        message: (parsed.message ?? `The console's proxy failed (${parsed.proxyKind})`) + note,
        hint: hintForProxyError(parsed.proxyKind),
        proxyKind: parsed.proxyKind,
        systemCode: parsed.systemCode,
        request,
      })
    }
    const code = parsed.errorCode !== null && parsed.errorCode !== res.status ? ` ${parsed.errorCode}` : ''
    const said =
      parsed.message !== null
        ? parsed.message + note
        : parsed.html
          ? 'an HTML page'
          : res.status === 406
            ? 'Not Acceptable (no body)'
            : 'no message'
    return new KafkaRestError({
      kind: 'http',
      status: res.status,
      errorCode: parsed.errorCode,
      serverMessage: parsed.message,
      details: parsed.details,
      message: `HTTP ${res.status}${code}: ${said}`,
      hint: hintForHttpError(res.status, parsed.errorCode, parsed),
      request,
      responseText: res.size <= 1_000_000 ? await blob.text() : null,
      responseBody,
      received: {
        status: res.status,
        contentType: res.contentType,
        bytes: res.size,
        declaredBytes: null,
      },
    })
  }

  /** An answer whose body broke off or was too large: the endpoint's fault, with what arrived. */
  private async answerFailure(err: AnswerFailure, request: RequestSummary): Promise<KafkaRestError> {
    const { cause } = err
    const received: ReceivedFacts = {
      status: err.status,
      contentType: err.contentType,
      bytes: cause.received,
      declaredBytes: cause.declared,
    }
    const proxySays =
      this.settings.useProxy && err.proxyRequestId
        ? await askProxyFailure(this.settings.proxyBase ?? defaultProxyBase(), err.proxyRequestId)
        : null
    const what = `HTTP ${err.status}, ${err.contentType ?? 'no content type'}`
    if (cause.reason === 'too-large' || proxySays?.kind === 'upstream_too_large') {
      const message =
        proxySays?.kind === 'upstream_too_large'
          ? proxySays.message
          : cause.declared !== null && cause.declared > cause.limit
            ? `The endpoint's answer (${what}) is ${formatMiB(cause.declared)}, over the console's limit of ${formatMiB(cause.limit)}; it was not read.`
            : `The endpoint's answer (${what}) grew past the console's limit of ${formatMiB(cause.limit)}; reading stopped there.`
      return new KafkaRestError({
        kind: 'invalid-response',
        status: err.status,
        message,
        hint: "Ask for less at a time (fewer records, a smaller max_bytes). The limit is the console server's --max-response (KRC_MAX_RESPONSE, default 256 MiB).",
        request,
        received,
      })
    }
    const got =
      cause.received === null
        ? `only part of the ${groupDigits(cause.declared ?? 0)} bytes declared`
        : cause.declared !== null
          ? `${groupDigits(cause.received)} of ${groupDigits(cause.declared)} bytes`
          : `${groupDigits(cause.received)} bytes`
    const bad = proxySays?.kind === 'upstream_bad_encoding'
    return new KafkaRestError({
      kind: 'invalid-response',
      status: err.status,
      message: bad
        ? (proxySays?.message ?? '')
        : `The endpoint's answer was cut short: ${what}, ${got} arrived.${proxySays ? ` The console server saw: ${proxySays.message}` : ''}`,
      hint: bad
        ? 'The endpoint (or a gateway in front of it) sent a compressed answer that is broken. Turn that compression off, or check the gateway.'
        : "The endpoint (or a gateway in front of it) broke off its answer: it may have crashed, restarted or hit a limit of its own. Retry; if it keeps happening, check the endpoint's logs.",
      request,
      received,
      systemCode: proxySays?.code ?? null,
    })
  }

  private async failure(
    _err: unknown,
    request: RequestSummary,
    req: RestRequest,
    timeout: AbortSignal,
  ): Promise<KafkaRestError> {
    if (_err instanceof AnswerFailure && !req.signal?.aborted && !timeout.aborted) {
      return this.answerFailure(_err, request)
    }
    if (req.signal?.aborted) {
      return new KafkaRestError({
        kind: 'aborted',
        message: 'Cancelled.',
        hint: 'The request was cancelled.',
        request,
      })
    }
    if (timeout.aborted) {
      return new KafkaRestError({
        kind: 'timeout',
        message: `No answer within ${Math.round((req.timeoutMs ?? 30_000) / 1000)} s.`,
        hint: 'The endpoint (or the console server) is too slow or not answering. Retry, or check the endpoint.',
        request,
      })
    }
    if (this.settings.useProxy) {
      return new KafkaRestError({
        kind: 'network',
        message: 'The console server could not be reached.',
        hint: networkErrorHint(true),
        request,
      })
    }
    // The browser hides why a cross-origin request failed. An opaque no-cors request tells us whether
    // the endpoint is up at all: if it answers, the failure was CORS.
    const reachable = await probeNoCors(this.settings.endpoint)
    return new KafkaRestError({
      kind: 'network',
      message: reachable
        ? 'The endpoint answered, but without CORS headers allowing this page, so the browser blocked the response.'
        : `The browser could not reach ${request.url}.`,
      hint: reachable
        ? 'Turn on "Use proxy" (the console server forwards the request), or configure CORS on the endpoint to allow this origin and the X-Auth-Token header.'
        : networkErrorHint(false),
      request,
      systemCode: reachable ? 'CORS' : null,
    })
  }
}

async function probeNoCors(endpoint: string): Promise<boolean> {
  try {
    await fetch(endpoint, { mode: 'no-cors', signal: AbortSignal.timeout(5_000), credentials: 'omit' })
    return true
  } catch {
    return false
  }
}

function invalidResponse(res: RestResponse, request: RequestSummary): KafkaRestError {
  const head = res.text.slice(0, 4096).trim()
  const start = head.slice(0, 80).replace(/\s+/g, ' ')
  const html = /^</.test(start) || /html/i.test(res.contentType ?? '')
  const more = res.text.length - res.text.indexOf(start.slice(0, 1)) - start.length
  return new KafkaRestError({
    kind: 'invalid-response',
    status: res.status,
    message: `The endpoint answered ${res.status} with ${html ? 'an HTML page' : 'a body that is not JSON'} (${res.contentType ?? 'no content type'}): "${start}${more > 0 ? `"${omittedNote(more)}` : '"'}`,
    hint: html
      ? 'The URL points at a web page or gateway rather than the Kafka REST API. Check the endpoint URL and base path.'
      : 'The endpoint is not speaking a Kafka REST dialect here. Check the URL and the API dialect.',
    request,
    responseBody: res.text ? new Blob([res.text], { type: 'application/octet-stream' }) : null,
  })
}

const utf8 = new TextDecoder()

function formatMiB(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MiB`
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`
  return `${n} bytes`
}

/** Asks our proxy why a body it passed on failed (it cut the connection: the headers were already sent). */
async function askProxyFailure(
  proxyBase: string,
  id: string,
): Promise<{ kind: string; message: string; code: string | null } | null> {
  try {
    const url = new URL(`../api/proxy-failures/${encodeURIComponent(id.slice(0, 100))}`, `${proxyBase}/`)
    const res = await fetch(url, {
      cache: 'no-store',
      credentials: 'same-origin',
      signal: AbortSignal.timeout(3_000),
    })
    if (!res.ok) return null
    const text = await res.text()
    // Our own record ({ kind, message, code, ... }, message capped at 500 characters); still checked.
    if (text.length > 64 * 1024) return null
    const r = JSON.parse(text) as { kind?: unknown; message?: unknown; code?: unknown }
    if (typeof r.kind !== 'string' || typeof r.message !== 'string') return null
    return {
      kind: r.kind,
      message: r.message.slice(0, MAX_MESSAGE_CHARS),
      code: typeof r.code === 'string' ? r.code : null,
    }
  } catch {
    return null
  }
}

async function sendWithFetch(
  method: Method,
  url: string,
  headers: Record<string, string>,
  body: WireBody,
  signal: AbortSignal,
  { limit, trustLength, keepalive = false }: { limit: number; trustLength: boolean; keepalive?: boolean },
): Promise<RawResponse> {
  const res = await fetch(url, {
    method,
    headers,
    body: body as BodyInit | undefined,
    signal,
    keepalive,
    credentials: 'omit',
    redirect: 'manual',
    cache: 'no-store',
  })
  if (res.type === 'opaqueredirect') {
    // Only a direct connection gets here (our proxy reports redirects as 502 JSON): the browser hides the target.
    const bytes = new TextEncoder().encode(
      JSON.stringify({
        error: 'upstream_redirect',
        message:
          'The endpoint redirected; the browser does not reveal where to. Turn on "Use proxy" to see the target, or use the final URL as the endpoint.',
      }),
    )
    return { status: 302, contentType: 'application/json', size: bytes.length, bytes, blob: null }
  }
  const contentType = res.headers.get('content-type')
  try {
    const body = await readBody(res, { limit, signal, trustLength, asBlob: res.status >= 300 })
    return { status: res.status, contentType, ...body }
  } catch (err) {
    if (err instanceof BodyReadError)
      throw new AnswerFailure(err, res.status, contentType, res.headers.get(PROXY_REQUEST_HEADER))
    throw err
  }
}

function sendWithXhr(
  method: Method,
  url: string,
  headers: Record<string, string>,
  body: WireBody,
  signal: AbortSignal,
  onUploadProgress: (sent: number, total: number) => void,
  limit: number,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open(method, url)
    xhr.responseType = 'arraybuffer'
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v)
    let failure: AnswerFailure | null = null
    const answerFailure = (reason: 'cut-short' | 'too-large', loaded: number) => {
      const declared = Number(xhr.getResponseHeader('content-length') ?? NaN)
      return new AnswerFailure(
        new BodyReadError(reason, loaded, Number.isSafeInteger(declared) ? declared : null, limit),
        xhr.status,
        xhr.getResponseHeader('content-type'),
        xhr.getResponseHeader(PROXY_REQUEST_HEADER),
      )
    }
    xhr.upload.onprogress = (e) => onUploadProgress(e.loaded, e.lengthComputable ? e.total : bodySize(body))
    xhr.onprogress = (e) => {
      if (e.loaded > limit && !failure) {
        failure = answerFailure('too-large', e.loaded)
        xhr.abort()
      }
    }
    xhr.onload = () => {
      const bytes = new Uint8Array(xhr.response as ArrayBuffer)
      resolve({
        status: xhr.status,
        contentType: xhr.getResponseHeader('content-type'),
        size: bytes.length,
        bytes,
        blob: null,
      })
    }
    xhr.onerror = (e) =>
      reject(
        xhr.readyState >= XMLHttpRequest.HEADERS_RECEIVED && xhr.status > 0
          ? answerFailure('cut-short', e.loaded)
          : new TypeError('Network request failed'),
      )
    xhr.onabort = () => reject(failure ?? new DOMException('Aborted', 'AbortError'))
    signal.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send((body ?? null) as XMLHttpRequestBodyInit | null)
  })
}
