/** The largest answer the console reads by default; the console server's --max-response changes it. */
export const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024

/** Why a body could not be read: it broke off, or it is larger than the limit. */
export class BodyReadError extends Error {
  readonly reason: 'cut-short' | 'too-large'
  /** Bytes that arrived, or null when the body was read natively (only "fewer than declared" is known). */
  readonly received: number | null
  readonly declared: number | null
  readonly limit: number
  constructor(
    reason: 'cut-short' | 'too-large',
    received: number | null,
    declared: number | null,
    limit: number,
  ) {
    super(
      reason === 'cut-short'
        ? `body cut short after ${received ?? 'some'} bytes`
        : `body over ${limit} bytes`,
    )
    this.name = 'BodyReadError'
    this.reason = reason
    this.received = received
    this.declared = declared
    this.limit = limit
  }
}

export function declaredLength(headers: Headers): number | null {
  const v = headers.get('content-length')
  return v !== null && /^\d{1,15}$/.test(v.trim()) ? Number(v) : null
}

export interface ReadOptions {
  limit: number
  signal: AbortSignal
  /**
   * The Content-Length is the body's real size (our proxy decodes compressed answers and drops it): the browser can
   * read the body natively, no chunk loop in JS. Not so for a direct connection, where the browser may be
   * decompressing a body whose Content-Length counts compressed bytes.
   */
  trustLength: boolean
  /** Keep the body as a Blob (an error body: downloadable, never a big string), else as bytes. */
  asBlob: boolean
}

export interface ReadResult {
  size: number
  bytes: Uint8Array | null
  blob: Blob | null
}

/**
 * Reads a fetch body, refusing one over the limit (by its Content-Length before reading, or as it grows: the count
 * is of decoded bytes, so a compression bomb stops at the limit too). A body that breaks off throws BodyReadError
 * 'cut-short' with what had arrived; an abort (cancel, timeout) is rethrown as it is.
 */
export async function readBody(res: Response, o: ReadOptions): Promise<ReadResult> {
  const { limit, signal } = o
  const declared = declaredLength(res.headers)
  if (!res.body) return { size: 0, bytes: new Uint8Array(0), blob: o.asBlob ? new Blob([]) : null }
  if (declared !== null && declared > limit) {
    void res.body.cancel().catch(() => {})
    throw new BodyReadError('too-large', 0, declared, limit)
  }
  if (o.trustLength && declared !== null) {
    try {
      if (o.asBlob) {
        const blob = await res.blob()
        return { size: blob.size, bytes: null, blob }
      }
      const bytes = new Uint8Array(await res.arrayBuffer())
      return { size: bytes.length, bytes, blob: null }
    } catch (err) {
      if (signal.aborted) throw err
      // Read natively, so how much arrived is not known: only that it was less than declared.
      throw new BodyReadError('cut-short', null, declared, limit)
    }
  }
  const reader = res.body.getReader()
  const chunks: Uint8Array<ArrayBuffer>[] = []
  let received = 0
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array<ArrayBuffer>>
    try {
      step = await reader.read()
    } catch (err) {
      if (signal.aborted) throw err
      throw new BodyReadError('cut-short', received, declared, limit)
    }
    if (step.done) break
    received += step.value.length
    if (received > limit) {
      void reader.cancel().catch(() => {})
      throw new BodyReadError('too-large', received, declared, limit)
    }
    chunks.push(step.value)
  }
  if (o.asBlob) return { size: received, bytes: null, blob: new Blob(chunks) }
  if (chunks.length === 1) return { size: received, bytes: chunks[0], blob: null }
  const out = new Uint8Array(received)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return { size: received, bytes: out, blob: null }
}
