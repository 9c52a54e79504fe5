import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bytesToBase64 } from '../bytes/base64.ts'
import { createBase64ChunkEncoder, encodeBase64Chunks, encodeBase64ChunksAsync } from './base64-chunks.ts'

function split(bytes: Uint8Array, sizes: number[]): Uint8Array[] {
  const chunks: Uint8Array[] = []
  let at = 0
  for (const size of sizes) {
    if (at >= bytes.length) break
    chunks.push(bytes.subarray(at, at + size))
    at += size
  }
  if (at < bytes.length) chunks.push(bytes.subarray(at))
  return chunks
}

describe('chunked base64 encoding', () => {
  it('equals whole-input encoding for random data and random chunk boundaries (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 40 }),
        (bytes, sizes) => {
          expect(encodeBase64Chunks(split(bytes, sizes))).toBe(bytesToBase64(bytes))
        },
      ),
      { numRuns: 400 },
    )
  })

  it('handles empty chunks and chunks shorter than the carry', () => {
    const bytes = new Uint8Array([1, 2, 3, 4, 5])
    const chunks = [
      new Uint8Array(),
      bytes.subarray(0, 1),
      new Uint8Array(),
      bytes.subarray(1, 2),
      bytes.subarray(2),
    ]
    expect(encodeBase64Chunks(chunks)).toBe(bytesToBase64(bytes))
  })

  it('never emits padding before the end', () => {
    const encoder = createBase64ChunkEncoder()
    const pieces = [1, 2, 4, 6].map((n) => encoder.push(new Uint8Array(n).fill(n)))
    expect(pieces.join('')).not.toContain('=')
    expect(encoder.finish()).toMatch(/=$/)
  })

  it('copies the carried bytes so callers may reuse their buffer', () => {
    const buffer = new Uint8Array([10, 20, 30, 40])
    const encoder = createBase64ChunkEncoder()
    const first = encoder.push(buffer)
    buffer.set([50, 60, 70, 80])
    const rest = encoder.push(buffer.subarray(0, 2)) + encoder.finish()
    expect(first + rest).toBe(bytesToBase64(new Uint8Array([10, 20, 30, 40, 50, 60])))
  })

  it('refuses use after finish', () => {
    const encoder = createBase64ChunkEncoder()
    encoder.finish()
    expect(() => encoder.push(new Uint8Array(1))).toThrow(/finished/)
    expect(() => encoder.finish()).toThrow(/finished/)
  })

  it('async variant matches', async () => {
    const bytes = new Uint8Array(1000).map((_, i) => i * 7)
    async function* gen() {
      for (const chunk of split(bytes, [1, 100, 7, 3, 500])) yield chunk
    }
    expect(await encodeBase64ChunksAsync(gen())).toBe(bytesToBase64(bytes))
  })
})
