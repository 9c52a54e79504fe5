/** Minimal HTTP plumbing on node:http: request context, bounded body reading, JSON replies, a router. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { AdminError, NotAcceptableError, RestError, badRequest } from './errors.ts'

export type ApiName = 'v1' | 'v2' | 'v3' | 'admin'

export interface RequestContext {
  req: IncomingMessage
  res: ServerResponse
  method: string
  path: string
  query: URLSearchParams
  params: Record<string, string>
  /** `http://<Host header>`: Confluent builds base_uri and v3 `self` links from the request. */
  origin: string
  /** Content-Type used for error replies once negotiation has picked one. */
  errorContentType: string
  maxBodyBytes: number
}

export class BodyTooLargeError extends RestError {
  constructor(limit: number) {
    super(413, 413, `Request body is larger than the limit of ${limit} bytes.`)
  }
}

/** Reads the whole body, refusing more than `limit` bytes (413) without buffering past it. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLargeError(limit))
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let failed = false
    req.on('data', (chunk: Buffer) => {
      if (failed) return
      size += chunk.length
      if (size > limit) {
        failed = true
        chunks.length = 0
        reject(new BodyTooLargeError(limit))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!failed) resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size))
    })
    req.on('error', (err) => {
      if (!failed) {
        failed = true
        reject(badRequest(`Could not read the request body: ${err.message}`))
      }
    })
  })
}

/** Parses a JSON body; undefined for an empty body. Malformed JSON is a 400 with a JSON error body. */
export function parseJsonBody(body: Buffer, charset: string | null = null): unknown {
  const text = decodeText(body, charset)
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch (err) {
    throw badRequest(`Unexpected character in JSON request body: ${(err as Error).message}`)
  }
}

export function decodeText(body: Buffer, charset: string | null): string {
  if (charset === null || /^utf-?8$/i.test(charset)) return body.toString('utf8')
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(charset)
  } catch {
    throw badRequest(`Unsupported charset: ${charset}`)
  }
  return decoder.decode(body)
}

export function sendJson(ctx: RequestContext, status: number, body: unknown, contentType: string): void {
  sendRaw(ctx, status, JSON.stringify(body), contentType)
}

export function sendRaw(ctx: RequestContext, status: number, text: string, contentType: string): void {
  const { res } = ctx
  if (res.headersSent) return
  const buf = Buffer.from(text, 'utf8')
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': buf.length })
  res.end(buf)
}

export function sendNoContent(ctx: RequestContext, status = 204): void {
  if (ctx.res.headersSent) return
  ctx.res.writeHead(status)
  ctx.res.end()
}

export function sendError(ctx: RequestContext, err: unknown): void {
  if (ctx.res.headersSent) {
    ctx.res.destroy()
    return
  }
  if (err instanceof NotAcceptableError) {
    // Jersey attaches neither an entity nor a Content-Type to a 406.
    ctx.res.writeHead(406, { 'Content-Length': 0 })
    ctx.res.end()
    return
  }
  if (err instanceof AdminError) {
    sendJson(ctx, err.status, { errorCode: err.errorCode, errorMessage: err.message }, 'application/json')
    return
  }
  if (err instanceof RestError) {
    if (err instanceof BodyTooLargeError) ctx.res.setHeader('Connection', 'close')
    sendJson(ctx, err.status, { error_code: err.errorCode, message: err.message }, ctx.errorContentType)
    return
  }
  throw err
}

export type Handler = (ctx: RequestContext) => Promise<void> | void

interface Route {
  method: string
  segments: string[]
  handler: Handler
}

export type RouteMatch =
  | { kind: 'found'; handler: Handler; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' }

/** Segment router: `:name` captures one decoded path segment. */
export class Router {
  private readonly routes: Route[] = []

  add(method: string, pattern: string, handler: Handler): void {
    this.routes.push({ method, segments: pattern.split('/').filter((s) => s !== ''), handler })
  }

  match(method: string, path: string): RouteMatch {
    const raw = path.split('/').filter((s) => s !== '')
    let segments: string[]
    try {
      segments = raw.map((s) => decodeURIComponent(s))
    } catch {
      return { kind: 'not-found' }
    }
    const allowed: string[] = []
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments)
      if (params === null) continue
      if (route.method === method || (method === 'HEAD' && route.method === 'GET'))
        return { kind: 'found', handler: route.handler, params }
      allowed.push(route.method)
    }
    return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' }
  }
}

function matchSegments(pattern: string[], segments: string[]): Record<string, string> | null {
  if (pattern.length !== segments.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith(':')) params[pattern[i].slice(1)] = segments[i]
    else if (pattern[i] !== segments[i]) return null
  }
  return params
}

/** Integer path/query parameter. Jersey answers an unparsable `int`/`long` param with a plain 404. */
export function parseIntegerParam(value: string, what: string): number {
  if (!/^[+-]?\d+$/.test(value.trim())) {
    throw new RestError(404, 404, `HTTP 404 Not Found (${what} '${value}' is not an integer)`)
  }
  const n = Number(value.trim())
  if (!Number.isSafeInteger(n))
    throw new RestError(404, 404, `HTTP 404 Not Found (${what} '${value}' is out of range)`)
  return n
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
