import { bytesToBase64 } from '../bytes/base64.ts'

/**
 * Incremental base64 encoder: feeding chunks in order and concatenating the returned pieces gives exactly
 * `bytesToBase64(wholeInput)`. Only whole 3-byte groups are encoded per push; the 0–2 leftover bytes are
 * carried into the next push so no padding appears mid-stream.
 */
export interface Base64ChunkEncoder {
  /** Encodes as much of `chunk` (plus any carried bytes) as forms whole groups. The chunk may be reused afterwards. */
  push(chunk: Uint8Array): string
  /** Encodes the carried bytes with padding. Call once, after the last push. */
  finish(): string
}

export function createBase64ChunkEncoder(): Base64ChunkEncoder {
  const carry = new Uint8Array(3)
  let carried = 0
  let finished = false

  return {
    push(chunk) {
      if (finished) throw new Error('Base64 chunk encoder already finished')
      let start = 0
      let head = ''
      if (carried > 0) {
        while (carried < 3 && start < chunk.length) carry[carried++] = chunk[start++]
        if (carried < 3) return ''
        head = bytesToBase64(carry)
        carried = 0
      }
      const usable = chunk.length - ((chunk.length - start) % 3)
      const body = usable > start ? bytesToBase64(chunk.subarray(start, usable)) : ''
      // Copy (not keep a view of) the tail: callers may recycle their read buffer.
      for (let i = usable; i < chunk.length; i++) carry[carried++] = chunk[i]
      return head + body
    },
    finish() {
      if (finished) throw new Error('Base64 chunk encoder already finished')
      finished = true
      return carried > 0 ? bytesToBase64(carry.subarray(0, carried)) : ''
    },
  }
}

/** Encodes a sequence of chunks as one base64 string (same result as encoding their concatenation). */
export function encodeBase64Chunks(chunks: Iterable<Uint8Array>): string {
  const encoder = createBase64ChunkEncoder()
  const parts: string[] = []
  for (const chunk of chunks) parts.push(encoder.push(chunk))
  parts.push(encoder.finish())
  return parts.join('')
}

/** Async variant for streams, e.g. `ReadableStream` readers wrapped as async iterables. */
export async function encodeBase64ChunksAsync(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const encoder = createBase64ChunkEncoder()
  const parts: string[] = []
  for await (const chunk of chunks) parts.push(encoder.push(chunk))
  parts.push(encoder.finish())
  return parts.join('')
}
