import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { bytesToBase64 } from '../bytes/base64.ts'
import { encodeBlobToBase64, readBlobChunks } from './encode-blob.ts'

const sample = (n: number) => new Uint8Array(n).map((_, i) => (i * 131) ^ (i >> 3))

describe('encodeBlobToBase64', () => {
  it('equals whole encoding for random sizes and chunk sizes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 5, max: 100 }),
        async (size, chunkSize) => {
          const bytes = sample(size)
          expect(await encodeBlobToBase64(new Blob([bytes]), { chunkSize })).toBe(bytesToBase64(bytes))
        },
      ),
      { numRuns: 30 },
    )
  })

  it('reports progress after each slice, ending at the total', async () => {
    const onProgress = vi.fn()
    await encodeBlobToBase64(new Blob([sample(10)]), { chunkSize: 4, onProgress })
    expect(onProgress.mock.calls.map(([p]) => p)).toEqual([
      { loaded: 0, total: 10 },
      { loaded: 4, total: 10 },
      { loaded: 8, total: 10 },
      { loaded: 10, total: 10 },
    ])
  })

  it('encodes an empty blob to an empty string', async () => {
    expect(await encodeBlobToBase64(new Blob([]))).toBe('')
  })

  it('stops with the abort reason when aborted mid-way', async () => {
    const controller = new AbortController()
    const onProgress = vi.fn(({ loaded }: { loaded: number }) => {
      if (loaded >= 6) controller.abort(new Error('user cancelled'))
    })
    await expect(
      encodeBlobToBase64(new Blob([sample(30)]), { chunkSize: 3, onProgress, signal: controller.signal }),
    ).rejects.toThrow('user cancelled')
    expect(onProgress.mock.calls.at(-1)?.[0]).toEqual({ loaded: 6, total: 30 })
  })

  it('rejects immediately with an AbortError for an already-aborted signal', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(
      encodeBlobToBase64(new Blob([sample(3)]), { signal: controller.signal }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    })
  })

  it('yields to the event loop between slices', async () => {
    let ticks = 0
    const timer = setInterval(() => ticks++, 0)
    try {
      const chunks: number[] = []
      for await (const chunk of readBlobChunks(new Blob([sample(40)]), { chunkSize: 10 }))
        chunks.push(chunk.length)
      expect(chunks).toEqual([10, 10, 10, 10])
      expect(ticks).toBeGreaterThan(0)
    } finally {
      clearInterval(timer)
    }
  })

  it('can skip yielding (inside a worker) and still reads every slice', async () => {
    const bytes = sample(25)
    expect(await encodeBlobToBase64(new Blob([bytes]), { chunkSize: 4, yieldBetweenChunks: false })).toBe(
      bytesToBase64(bytes),
    )
  })

  it('rejects a non-positive chunk size', async () => {
    await expect(encodeBlobToBase64(new Blob([sample(3)]), { chunkSize: 0 })).rejects.toThrow(RangeError)
  })
})
