import { describe, expect, it, vi } from 'vitest'
import { bytesToBase64 } from '../bytes/base64.ts'
import {
  handleBase64BlobRequest,
  type Base64BlobRequest,
  type Base64BlobResponse,
} from './base64-blob-protocol.ts'
import { encodeFileToBase64Blob, type Base64BlobWorkerLike } from './encode-file-to-base64-blob.ts'

/** Pseudo-random bytes (getRandomValues is capped at 64 KiB per call). */
const random = (n: number) => new Uint8Array(n).map((_, i) => (i * 2654435761) >>> 24)

/** Runs the real worker handler in-process, delivering messages asynchronously like a Worker does. */
class InProcessWorker implements Base64BlobWorkerLike {
  onmessage: ((event: MessageEvent<Base64BlobResponse>) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  terminated = false
  postMessage(message: Base64BlobRequest) {
    void handleBase64BlobRequest(message, (response) =>
      queueMicrotask(() => {
        if (!this.terminated) this.onmessage?.({ data: response } as MessageEvent<Base64BlobResponse>)
      }),
    )
  }
  terminate() {
    this.terminated = true
  }
}

describe('encodeFileToBase64Blob', () => {
  it.each([
    [0, 7],
    [1, 7],
    [2, 7],
    [3, 7],
    [5, 7],
    [1000, 7],
    [65_537, 1000],
  ])('chunked encoding of %i bytes (slices of %i) equals encoding the whole', async (n, chunkSize) => {
    const bytes = random(n)
    const blob = await encodeFileToBase64Blob(new File([bytes], 'f.bin'), { chunkSize })
    expect(await blob.text()).toBe(bytesToBase64(bytes))
  })

  it('encodes through the worker protocol with progress, then terminates the worker', async () => {
    const worker = new InProcessWorker()
    const bytes = random(1001)
    const onProgress = vi.fn()
    const blob = await encodeFileToBase64Blob(new Blob([bytes]), {
      chunkSize: 100,
      onProgress,
      createWorker: () => worker,
    })
    expect(await blob.text()).toBe(bytesToBase64(bytes))
    expect(onProgress).toHaveBeenLastCalledWith(1001, 1001)
    expect(worker.terminated).toBe(true)
  })

  it('falls back to the main thread when the worker fails before answering', async () => {
    const worker: Base64BlobWorkerLike = {
      onmessage: null,
      onerror: null,
      terminate: vi.fn(),
      postMessage() {
        queueMicrotask(() => worker.onerror?.({ message: 'failed to load' } as ErrorEvent))
      },
    }
    const bytes = random(10)
    const blob = await encodeFileToBase64Blob(new Blob([bytes]), { createWorker: () => worker })
    expect(await blob.text()).toBe(bytesToBase64(bytes))
    expect(worker.terminate).toHaveBeenCalled()
  })

  it('rejects with the abort reason and terminates the worker', async () => {
    const worker: Base64BlobWorkerLike = {
      onmessage: null,
      onerror: null,
      terminate: vi.fn(),
      postMessage() {},
    }
    const controller = new AbortController()
    const pending = encodeFileToBase64Blob(new Blob([random(10)]), {
      signal: controller.signal,
      createWorker: () => worker,
    })
    controller.abort(new DOMException('stop', 'AbortError'))
    await expect(pending).rejects.toThrow('stop')
    expect(worker.terminate).toHaveBeenCalled()
  })

  it('reports a bad request instead of throwing inside the worker', async () => {
    const posted: Base64BlobResponse[] = []
    await handleBase64BlobRequest({ type: 'nope' } as unknown as Base64BlobRequest, (r) => posted.push(r))
    expect(posted).toEqual([{ type: 'error', message: 'Invalid request to the base64 worker' }])
  })
})
