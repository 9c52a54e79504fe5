import { groupDigits } from '../lib/group-digits.ts'
import { ClippedText, parseBoundedJson } from '../lib/json/bounded-json.ts'

/**
 * One error type for every dialect. It keeps what the endpoint said (status, error code, message) and adds
 * a hint the UI shows: what probably happened and what to do.
 */
export type RestErrorKind =
  /** The endpoint answered with an error status. */
  | 'http'
  /** Our own proxy refused or could not forward (target not allowed, unreachable, timeout...). */
  | 'proxy'
  /** The browser could not complete the request (offline, DNS, refused, or CORS). */
  | 'network'
  | 'timeout'
  | 'aborted'
  /** The endpoint answered 2xx with a body we cannot read (HTML, text, truncated JSON). */
  | 'invalid-response'
  /** The connection form's input is not usable; nothing was sent. */
  | 'form'

export interface RequestSummary {
  method: string
  url: string
}

/** What arrived of an answer that could not be used (cut short, too large): the endpoint's side of the story. */
export interface ReceivedFacts {
  status: number
  contentType: string | null
  /** Bytes read before the failure (null: fewer than declared, how many unknown). */
  bytes: number | null
  /** What the endpoint declared (Content-Length), if anything. */
  declaredBytes: number | null
}

export class KafkaRestError extends Error {
  readonly kind: RestErrorKind
  readonly status: number | null
  /** The 5-digit (or HTTP-status) error code from the body, if any. */
  readonly errorCode: number | null
  /** What the endpoint said, verbatim (trimmed). */
  readonly serverMessage: string | null
  readonly hint: string
  readonly details: string[]
  readonly request: RequestSummary | null
  /** For proxy errors: the proxy's error kind (e.g. upstream_unreachable) and system code. */
  readonly proxyKind: string | null
  readonly systemCode: string | null
  /** The error response's body (Karapace reports per-record results inside a 422); only when under 1 MB. */
  readonly responseText: string | null
  /** The whole error body as received, for download (kept as bytes, never as one big string). */
  readonly responseBody: Blob | null
  /** For an answer that broke off or was too large: what was received. */
  readonly received: ReceivedFacts | null

  constructor(init: {
    kind: RestErrorKind
    message: string
    hint: string
    status?: number | null
    errorCode?: number | null
    serverMessage?: string | null
    details?: string[]
    request?: RequestSummary | null
    proxyKind?: string | null
    systemCode?: string | null
    responseText?: string | null
    responseBody?: Blob | null
    received?: ReceivedFacts | null
  }) {
    super(init.message)
    this.name = 'KafkaRestError'
    this.kind = init.kind
    this.status = init.status ?? null
    this.errorCode = init.errorCode ?? null
    this.serverMessage = init.serverMessage ?? null
    this.hint = init.hint
    this.details = init.details ?? []
    this.request = init.request ?? null
    this.proxyKind = init.proxyKind ?? null
    this.systemCode = init.systemCode ?? null
    this.responseText = init.responseText ?? null
    this.responseBody = init.responseBody ?? null
    this.received = init.received ?? null
  }
}

export function isKafkaRestError(e: unknown): e is KafkaRestError {
  return e instanceof KafkaRestError
}

export interface ParsedErrorBody {
  errorCode: number | null
  /** What the endpoint said, clipped to its first MAX_MESSAGE_CHARS characters. */
  message: string | null
  /** Characters of the message left out (0 when it was shown whole). */
  messageOmitted: number
  /** `messageOmitted` counts bytes: a huge message is not walked character by character. */
  messageOmittedApproximate: boolean
  details: string[]
  /** The body was HTML (a gateway or login page rather than the REST API). */
  html: boolean
  /** Our own proxy's error kind, from `{ "error": "<kind>" }`. */
  proxyKind: string | null
  systemCode: string | null
  /** What else our proxy said (e.g. a redirect's `location`), when it is a short text or a number. */
  proxyFacts: Record<string, string | number>
}

/** The most of any endpoint text that reaches an error, an alert or the request log. */
export const MAX_MESSAGE_CHARS = 2000
const MAX_DETAILS = 20
const MAX_DETAIL_CHARS = 500
/** A text or HTML body is only looked at this far (the whole body stays downloadable). */
const HEAD_BYTES = 64 * 1024
/** How much of an error body is read to explain it: fields after a huge text are not looked for. */
export const ERROR_BODY_PREFIX = HEAD_BYTES

function asNumber(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v
  if (typeof v === 'string' && /^\d{1,15}$/.test(v)) return Number(v)
  return null
}

function asText(v: unknown): { text: string; omitted: number; approximate: boolean } | null {
  if (v instanceof ClippedText)
    return { text: v.text.trimStart(), omitted: v.omitted, approximate: v.approximate }
  if (typeof v !== 'string' || !v.trim()) return null
  return clip(v.trim(), MAX_MESSAGE_CHARS)
}

function clip(text: string, max: number): { text: string; omitted: number; approximate: boolean } {
  return text.length > max
    ? { text: text.slice(0, max), omitted: text.length - max, approximate: false }
    : { text, omitted: 0, approximate: false }
}

/** "… (1,234 more characters)" for a clipped text, '' for a whole one. */
export function omittedNote(omitted: number, approximate = false): string {
  if (omitted <= 0) return ''
  return `… (${approximate ? 'about ' : ''}${groupDigits(omitted)} more characters)`
}

function setMessage(
  result: ParsedErrorBody,
  m: { text: string; omitted: number; approximate: boolean } | null,
) {
  result.message = m?.text ?? null
  result.messageOmitted = m?.omitted ?? 0
  result.messageOmittedApproximate = m?.approximate ?? false
}

const utf8 = new TextDecoder()

/**
 * The start of a body as text, for text and HTML bodies: at most HEAD_BYTES are decoded (a character cut at the
 * end is dropped), and the rest is counted, not decoded.
 */
function headText(bytes: Uint8Array): { text: string; restBytes: number } {
  if (bytes.length <= HEAD_BYTES) return { text: utf8.decode(bytes), restBytes: 0 }
  let end = HEAD_BYTES
  while (end > HEAD_BYTES - 4 && (bytes[end] & 0xc0) === 0x80) end--
  return { text: utf8.decode(bytes.subarray(0, end)), restBytes: bytes.length - end }
}

function firstByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length && i < 4096; i++) {
    const b = bytes[i]
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf)
      return b
  }
  return -1
}

/**
 * Reads every error body shape the dialects use: Confluent/Karapace/Redpanda/Strimzi `{error_code, message}`
 * (5-digit or HTTP codes; Strimzi adds `validation_errors`), IBM classic admin `{errorCode, errorMessage}`,
 * IBM REST producer `{error: {error_code, message}}`, our proxy's `{error: "<kind>", message}`, an empty 406,
 * and text/plain or HTML bodies. Bodies of any size: the work is bounded (one scan, no whole-body string) and every
 * text is clipped to MAX_MESSAGE_CHARS, with how much was left out.
 */
export function parseErrorBody(
  body: string | Uint8Array,
  contentType: string | null,
  /** The whole body's size when `body` is only its start (ERROR_BODY_PREFIX bytes are enough). */
  totalBytes?: number,
): ParsedErrorBody {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body
  const unread = Math.max(0, (totalBytes ?? bytes.length) - bytes.length)
  const result: ParsedErrorBody = {
    errorCode: null,
    message: null,
    messageOmitted: 0,
    messageOmittedApproximate: false,
    details: [],
    html: false,
    proxyKind: null,
    systemCode: null,
    proxyFacts: {},
  }
  const first = firstByte(bytes)
  if (first < 0) return result
  const textBody = () => {
    const { text, restBytes } = headText(bytes)
    const m = clip(text.trim(), MAX_MESSAGE_CHARS)
    // Past the decoded head, the rest is counted in bytes.
    setMessage(result, {
      text: m.text,
      omitted: m.omitted + restBytes + unread,
      approximate: restBytes + unread > 0,
    })
  }
  if (/html/i.test(contentType ?? '') || first === 0x3c) {
    const { text } = headText(bytes)
    if (/html/i.test(contentType ?? '') || /^\s*<(!doctype|html|head|body)/i.test(text.slice(0, 1000))) {
      result.html = true
      const title = /<title>([^<]{1,200})<\/title>/i.exec(text)?.[1]
      result.message = title ? title.trim() : null
      return result
    }
  }
  // Only what could be JSON is parsed as JSON; anything else is text.
  if (first !== 0x7b && first !== 0x5b && first !== 0x22) {
    textBody()
    return result
  }
  let parsed: unknown
  try {
    parsed = parseBoundedJson(bytes, { maxChars: MAX_MESSAGE_CHARS, totalBytes: totalBytes ?? bytes.length })
  } catch {
    textBody()
    return result
  }
  if (typeof parsed === 'string' || parsed instanceof ClippedText) {
    setMessage(result, asText(parsed))
    return result
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    textBody()
    return result
  }
  const o = parsed as Record<string, unknown>
  if (o.error && typeof o.error === 'object' && !(o.error instanceof ClippedText)) {
    const inner = o.error as Record<string, unknown>
    result.errorCode = asNumber(inner.error_code ?? inner.errorCode ?? inner.code)
    setMessage(result, asText(inner.message ?? inner.errorMessage))
    return result
  }
  if (typeof o.error === 'string' && !('error_code' in o)) {
    result.proxyKind = o.error
    setMessage(result, asText(o.message) ?? clip(o.error, MAX_MESSAGE_CHARS))
    result.systemCode = asText(o.code)?.text ?? null
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'number' || (typeof v === 'string' && v.length <= MAX_MESSAGE_CHARS))
        result.proxyFacts[k] = v
    }
    return result
  }
  result.errorCode = asNumber(o.error_code ?? o.errorCode ?? o.status)
  setMessage(result, asText(o.message ?? o.errorMessage ?? o.detail ?? o.title))
  if (Array.isArray(o.validation_errors)) {
    result.details = o.validation_errors.slice(0, MAX_DETAILS).map((d) => {
      const t =
        d instanceof ClippedText || typeof d === 'string'
          ? d
          : typeof d === 'object'
            ? '(a structured detail)'
            : String(d)
      const c = asText(t) ?? { text: String(t), omitted: 0, approximate: false }
      const short = clip(c.text, MAX_DETAIL_CHARS)
      return short.text + omittedNote(short.omitted + c.omitted, c.approximate)
    })
    const more = o.validation_errors.length - MAX_DETAILS
    if (more > 0) result.details.push(`… and ${more} more`)
  }
  return result
}

/** The hint for an endpoint's error answer. */
export function hintForHttpError(
  status: number,
  errorCode: number | null,
  parsed: Pick<ParsedErrorBody, 'html'> & { message?: string | null },
): string {
  // v3 and the bridge report a missing topic as a plain 404 with a message saying so.
  if (
    status === 404 &&
    (errorCode === null || errorCode === 404) &&
    /\btopic\b.*\b(not found|cannot be found|does not exist|not present)/i.test(parsed.message ?? '')
  ) {
    errorCode = 40401
  }
  if (parsed.html) {
    return 'The endpoint answered with a web page, not the REST API: the URL may point at a gateway, login page or the wrong port.'
  }
  switch (errorCode) {
    case 40401:
      return 'Topic not found: check the name (it is case-sensitive); it may have been deleted.'
    case 40402:
      return 'Partition not found: the topic has fewer partitions than that.'
    case 40403:
      return 'The temporary consumer instance is gone (expired, or the REST proxy restarted). Fetch again.'
    case 40404:
      return 'The partition has no leader right now. Wait a moment and retry.'
    case 40601:
      return 'The consumer was created with another embedded format than the one requested.'
    case 40901:
    case 40902:
    case 40903:
      return 'The request conflicts with the current state (e.g. a consumer with that name exists).'
    case 40801:
      return 'Serialization or Schema Registry timed out. Retry.'
    case 42201:
    case 42202:
    case 42203:
    case 42205:
      return 'The endpoint needs a schema for this format; send binary instead.'
    case 42204:
      return 'The endpoint rejected the consumer configuration.'
    case 42901:
      return 'The endpoint is rate limiting requests. Wait and retry.'
    case 50002:
      return 'Kafka reported an error (non-retriable). The message says which.'
    case 50003:
      return 'Kafka reported a retriable error (often a timeout, or a topic that does not exist). Retry, and check the topic exists.'
    case 50301:
    case 50302:
      return 'The REST proxy has no broker or consumer available right now. Retry shortly.'
  }
  switch (status) {
    case 400:
      return 'The endpoint rejected the request as malformed. The message says what it disliked.'
    case 401:
      return 'The API key was rejected. Check the key (and that it belongs to this endpoint), or the authentication scheme.'
    case 403:
      return 'The key is valid but not allowed to do this. Ask for the needed permission, or use another key.'
    case 404:
      return 'The endpoint has no such route: the base path may be wrong, or it speaks another API dialect.'
    case 405:
      return 'The endpoint does not allow this method on that route: it probably speaks another API dialect.'
    case 406:
    case 415:
      return 'The endpoint does not accept this media type: it speaks another API dialect. Choose another API dialect in the connection form.'
    case 408:
    case 504:
      return 'The endpoint or a gateway timed out. Retry; if it persists the service may be overloaded.'
    case 409:
      return 'The request conflicts with the current state.'
    case 413:
      return 'The request is larger than the endpoint accepts. Send less data per request (smaller file or fewer records).'
    case 422:
      return 'The endpoint could not process the data (validation). The message says which field.'
    case 429:
      return 'The endpoint is rate limiting requests. Wait and retry.'
    case 502:
    case 503:
      return 'A gateway in front of the REST service could not reach it, or it is unavailable. Retry shortly.'
  }
  if (status >= 500)
    return 'The REST service failed on its side. Retry; if it persists, check the service logs.'
  return 'The endpoint refused the request.'
}

/** The hint for a failure of our own proxy (it already explains itself; this adds what to do in the UI). */
export function hintForProxyError(kind: string): string {
  switch (kind) {
    case 'upstream_unreachable':
      return 'The console server could not reach the endpoint. Check the URL, port and your network or VPN.'
    case 'upstream_timeout':
      return 'The endpoint did not answer in time. Retry; check the URL if it never answers.'
    case 'target_not_allowed':
      return "The console server's allowlist does not include this endpoint. Restart it with --allow-target for this endpoint."
    case 'bad_endpoint':
      return 'Check the endpoint URL: it must be a full http(s) URL without credentials.'
    case 'body_too_large':
      return "The request is larger than the console server's --max-body limit."
    case 'upstream_redirect':
      return 'The endpoint redirects elsewhere. If the target is the same service, use it as the endpoint (often https instead of http); if it is a login page, the endpoint needs another kind of credentials.'
    case 'upstream_too_large':
      return 'Ask for less at a time (fewer records, a smaller max_bytes); if answers this large are expected, start the console server with a larger --max-response.'
    case 'upstream_encoding':
      return 'The endpoint (or a gateway in front of it) compresses answers in a way the proxy cannot undo. Turn that compression off for this API.'
    case 'forbidden_host':
    case 'cross_site':
      return 'The console server refused this page. Open the console at the address the server printed.'
    default:
      return 'The console server could not forward the request.'
  }
}

export function networkErrorHint(useProxy: boolean): string {
  return useProxy
    ? 'The console server did not answer. Is `npm start` still running?'
    : 'The browser could not reach the endpoint: it is down or unreachable, or it sends no CORS headers for this page. Turn on "Use proxy".'
}

/** A short, human message for any thrown value (for places that only have room for one line). */
export function errorMessage(e: unknown): string {
  if (e instanceof KafkaRestError) return e.message
  if (e instanceof Error) return e.message
  return String(e)
}
