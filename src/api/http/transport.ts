import {
  hintForHttpError,
  hintForProxyError,
  KafkaRestError,
  networkErrorHint,
  parseErrorBody,
  type RequestSummary,
} from '../errors.ts'
import type { AuthScheme } from '../types.ts'
import { parseWireJson } from '../wire-json.ts'

export const ENDPOINT_HEADER = 'X-Kafka-Rest-Endpoint'

export interface ConnectionSettings {
  /** The endpoint's base URL, e.g. https://kafka-rest.example.com:443 or http://127.0.0.1:8082. */
  endpoint: string
  apiKey: string
  useProxy: boolean
  authScheme: AuthScheme
  /** Where the console server's proxy lives (default: `proxy` beside the app). */
  proxyBase?: string
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RestRequest {
  method?: Method
  /** Path relative to the endpoint base, starting with '/'. Segments must be encoded by the caller. */
  path: string
  query?: Record<string, string | number | boolean | undefined>
  accept?: string
  contentType?: string
  body?: string | Uint8Array | Blob
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
  text: string
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
  /** The auth header's name, when one was sent; its value is the connection's API key. */
  authHeader: { name: string; scheme: AuthScheme } | null
  body: { text: string | null; size: number; binary: boolean } | null
  status: number | null
  durationMs: number | null
  responseContentType: string | null
  responseSize: number | null
  error: string | null
}

export type RequestLogSink = (entry: RequestLogEntry, phase: 'start' | 'end') => void

const MAX_LOGGED_BODY = 256 * 1024
let nextId = 1

export function authHeaderFor(scheme: AuthScheme, apiKey: string): { name: string; value: string } | null {
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

/** UTF-8 byte length of a string without encoding it (a 50 MB body must not be copied just to be measured). */
export function utf8Length(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
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

function bodySize(body: RestRequest['body']): number {
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
    const auth = authHeaderFor(this.settings.authScheme, this.settings.apiKey)
    const size = bodySize(req.body)
    const entry: RequestLogEntry = {
      id: nextId++,
      startedAt: Date.now(),
      method,
      url,
      viaProxy: this.settings.useProxy,
      headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
      authHeader: auth ? { name: auth.name, scheme: this.settings.authScheme } : null,
      body:
        req.body === undefined
          ? null
          : typeof req.body === 'string'
            ? { text: req.body.length <= MAX_LOGGED_BODY ? req.body : null, size, binary: false }
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
    let response: RestResponse
    try {
      response = req.onUploadProgress
        ? await sendWithXhr(method, fetchUrl, headers, req.body, signal, req.onUploadProgress)
        : await sendWithFetch(method, fetchUrl, headers, req.body, signal, req.keepalive)
    } catch (err) {
      const error = await this.failure(err, summary, req, timeout)
      finish({ error: error.message })
      throw error
    }
    finish({
      status: response.status,
      responseContentType: response.contentType,
      responseSize: response.text.length,
    })
    if (response.status >= 300) {
      const error = this.httpError(response, summary)
      entry.error = error.message
      this.sink?.(entry, 'end')
      throw error
    }
    return response
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

  private httpError(res: RestResponse, request: RequestSummary): KafkaRestError {
    const parsed = parseErrorBody(res.text, res.contentType)
    if (parsed.proxyKind) {
      return new KafkaRestError({
        kind: 'proxy',
        status: res.status,
        message: parsed.message ?? `The console's proxy failed (${parsed.proxyKind})`,
        hint: hintForProxyError(parsed.proxyKind),
        proxyKind: parsed.proxyKind,
        systemCode: parsed.systemCode,
        request,
      })
    }
    const code = parsed.errorCode !== null && parsed.errorCode !== res.status ? ` ${parsed.errorCode}` : ''
    const said =
      parsed.message ??
      (parsed.html ? 'an HTML page' : res.status === 406 ? 'Not Acceptable (no body)' : 'no message')
    return new KafkaRestError({
      kind: 'http',
      status: res.status,
      errorCode: parsed.errorCode,
      serverMessage: parsed.message,
      details: parsed.details,
      message: `HTTP ${res.status}${code}: ${said}`,
      hint: hintForHttpError(res.status, parsed.errorCode, parsed),
      request,
      responseText: res.text.length <= 1_000_000 ? res.text : null,
    })
  }

  private async failure(
    _err: unknown,
    request: RequestSummary,
    req: RestRequest,
    timeout: AbortSignal,
  ): Promise<KafkaRestError> {
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
  const start = res.text.trim().slice(0, 80).replace(/\s+/g, ' ')
  const html = /^</.test(start) || /html/i.test(res.contentType ?? '')
  return new KafkaRestError({
    kind: 'invalid-response',
    status: res.status,
    message: `The endpoint answered ${res.status} with ${html ? 'an HTML page' : 'a body that is not JSON'} (${res.contentType ?? 'no content type'}): "${start}${res.text.length > 80 ? '…' : ''}"`,
    hint: html
      ? 'The URL points at a web page or gateway rather than the Kafka REST API. Check the endpoint URL and base path.'
      : 'The endpoint is not speaking a Kafka REST dialect here. Check the URL and the API dialect.',
    request,
  })
}

async function sendWithFetch(
  method: Method,
  url: string,
  headers: Record<string, string>,
  body: RestRequest['body'],
  signal: AbortSignal,
  keepalive = false,
): Promise<RestResponse> {
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
    return {
      status: 302,
      contentType: 'application/json',
      text: JSON.stringify({
        error: 'upstream_redirect',
        message: 'The endpoint redirected. Use the final URL as the endpoint.',
      }),
    }
  }
  return { status: res.status, contentType: res.headers.get('content-type'), text: await res.text() }
}

function sendWithXhr(
  method: Method,
  url: string,
  headers: Record<string, string>,
  body: RestRequest['body'],
  signal: AbortSignal,
  onUploadProgress: (sent: number, total: number) => void,
): Promise<RestResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open(method, url)
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v)
    xhr.upload.onprogress = (e) => onUploadProgress(e.loaded, e.lengthComputable ? e.total : bodySize(body))
    xhr.onload = () =>
      resolve({
        status: xhr.status,
        contentType: xhr.getResponseHeader('content-type'),
        text: xhr.responseText,
      })
    xhr.onerror = () => reject(new TypeError('Network request failed'))
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'))
    signal.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send((body ?? null) as XMLHttpRequestBodyInit | null)
  })
}
