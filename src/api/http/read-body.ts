/** The largest answer the console reads by default; the console server's --max-response changes it. */
export const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024

/** Why a body could not be read: it broke off, or it is larger than the limit. */
export class BodyReadError extends Error {
  readonly reason: 'cut-short' | 'too-large'
  readonly received: number
  readonly declared: number | null
  readonly limit: number
  constructor(reason: 'cut-short' | 'too-large', received: number, declared: number | null, limit: number) {
    super(reason === 'cut-short' ? `body cut short after ${received} bytes` : `body over ${limit} bytes`)
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

/**
 * Reads a fetch body as bytes, refusing one over `limit` (by its Content-Length before reading, or as it grows:
 * the count is of decoded bytes, so a compression bomb stops at the limit too). A body that breaks off throws
 * BodyReadError 'cut-short' with what had arrived; an abort (cancel, timeout) is rethrown as it is.
 */
export async function readBody(res: Response, limit: number, signal: AbortSignal): Promise<Uint8Array> {
  const declared = declaredLength(res.headers)
  if (!res.body) return new Uint8Array(0)
  if (declared !== null && declared > limit) {
    void res.body.cancel().catch(() => {})
    throw new BodyReadError('too-large', 0, declared, limit)
  }
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let received = 0
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>
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
  if (chunks.length === 1) return chunks[0]
  const out = new Uint8Array(received)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}
