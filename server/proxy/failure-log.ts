import { randomBytes } from 'node:crypto'

/** Why a proxied answer's body failed after its headers had been sent. */
export interface ProxyFailure {
  /** The request id the client got in `X-Kafka-Rest-Proxy-Request`. */
  id: string
  /** upstream_cut_short (the endpoint broke off), upstream_too_large (over --max-response), upstream_bad_encoding. */
  kind: 'upstream_cut_short' | 'upstream_too_large' | 'upstream_bad_encoding'
  message: string
  status: number
  contentType: string | null
  contentEncoding: string | null
  /** What the endpoint declared (Content-Length), if anything. */
  declaredBytes: number | null
  /** Bytes (decoded, when the proxy decodes) passed to the client before the failure. */
  receivedBytes: number
  code: string | null
  at: number
}

export const PROXY_REQUEST_HEADER = 'x-kafka-rest-proxy-request'

const MAX_MESSAGE = 500

/**
 * A small, bounded memory of failed upstream bodies, so the client can learn why its read failed after the
 * proxy had to cut the connection (headers already sent, no way to send an error status). Holds no URLs,
 * headers or body bytes: only sizes, types and the reason.
 */
export class ProxyFailureLog {
  private readonly entries = new Map<string, ProxyFailure>()
  private readonly prefix = randomBytes(6).toString('hex')
  private counter = 0
  private readonly max: number
  private readonly ttlMs: number

  constructor(options: { max?: number; ttlMs?: number } = {}) {
    this.max = options.max ?? 200
    this.ttlMs = options.ttlMs ?? 10 * 60_000
  }

  /** A new request id: a random per-process prefix (ids cannot be guessed across restarts) and a counter. */
  nextId(): string {
    return `${this.prefix}-${(this.counter++).toString(36)}`
  }

  record(failure: Omit<ProxyFailure, 'at'>): void {
    if (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next().value
      if (oldest !== undefined) this.entries.delete(oldest)
    }
    this.entries.set(failure.id, {
      ...failure,
      message: failure.message.slice(0, MAX_MESSAGE),
      at: Date.now(),
    })
  }

  get(id: string): ProxyFailure | null {
    const f = this.entries.get(id)
    if (!f) return null
    if (Date.now() - f.at > this.ttlMs) {
      this.entries.delete(id)
      return null
    }
    return f
  }

  get size(): number {
    return this.entries.size
  }
}
