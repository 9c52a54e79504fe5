// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import { bytesToBase64 } from '../bytes/base64.ts'
import { handleEncodeRequest } from './base64-worker-protocol.ts'
import type { EncodeRequest, EncodeResponse } from './base64-worker-protocol.ts'
import { encodeFileInWorker } from './encode-file-in-worker.ts'
import type { Base64WorkerLike } from './encode-file-in-worker.ts'

const sample = (n: number) => new Uint8Array(n).map((_, i) => i * 13)

/** Runs the real worker handler in-process, delivering messages asynchronously like a Worker does. */
class InProcessWorker implements Base64WorkerLike {
  onmessage: ((event: MessageEvent<EncodeResponse>) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  onmessageerror: ((event: MessageEvent) => void) | null = null
  terminated = false
  posted: EncodeResponse[] = []
  postMessage(message: EncodeRequest) {
    void handleEncodeRequest(message, (response) => {
      this.posted.push(response)
      queueMicrotask(() => {
        if (!this.terminated) this.onmessage?.({ data: response } as MessageEvent<EncodeResponse>)
      })
    })
  }
  terminate() {
    this.terminated = true
  }
}

class SilentWorker implements Base64WorkerLike {
  onmessage = null
  onerror: ((event: ErrorEvent) => void) | null = null
  onmessageerror = null
  terminate = vi.fn()
  postMessage() {}
}

describe('encodeFileInWorker', () => {
  it('falls back to the main thread where Worker is unavailable (jsdom)', async () => {
    expect(typeof Worker).toBe('undefined')
    const bytes = sample(1000)
    const onProgress = vi.fn()
    expect(await encodeFileInWorker(new Blob([bytes]), { chunkSize: 300, onProgress })).toBe(
      bytesToBase64(bytes),
    )
    expect(onProgress).toHaveBeenLastCalledWith({ loaded: 1000, total: 1000 })
  })

  it('encodes through the worker protocol, forwarding progress, then terminates it', async () => {
    const worker = new InProcessWorker()
    const bytes = sample(100)
    const onProgress = vi.fn()
    const result = await encodeFileInWorker(new Blob([bytes]), {
      chunkSize: 33,
      onProgress,
      createWorker: () => worker,
    })
    expect(result).toBe(bytesToBase64(bytes))
    expect(onProgress).toHaveBeenLastCalledWith({ loaded: 100, total: 100 })
    expect(worker.terminated).toBe(true)
  })

  it('terminates the worker and rejects on abort', async () => {
    const worker = new SilentWorker()
    const controller = new AbortController()
    const promise = encodeFileInWorker(new Blob([sample(10)]), {
      signal: controller.signal,
      createWorker: () => worker,
    })
    controller.abort()
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' })
    expect(worker.terminate).toHaveBeenCalled()
  })

  it('falls back to the main thread when the worker fails to load', async () => {
    const worker = new SilentWorker()
    const bytes = sample(50)
    const promise = encodeFileInWorker(new Blob([bytes]), { createWorker: () => worker })
    worker.onerror?.(new ErrorEvent('error'))
    expect(await promise).toBe(bytesToBase64(bytes))
    expect(worker.terminate).toHaveBeenCalled()
  })

  it('surfaces errors the worker reports', async () => {
    const worker = new SilentWorker()
    const promise = encodeFileInWorker(new Blob([sample(5)]), { createWorker: () => worker })
    const onmessage = (worker as unknown as Base64WorkerLike).onmessage
    onmessage?.({ data: { type: 'error', message: 'NotReadableError' } } as MessageEvent<EncodeResponse>)
    await expect(promise).rejects.toThrow('Could not read the file: NotReadableError')
  })

  it('the handler rejects malformed requests', async () => {
    const posted: EncodeResponse[] = []
    await handleEncodeRequest({ type: 'nope' } as unknown as EncodeRequest, (r) => posted.push(r))
    expect(posted).toEqual([{ type: 'error', message: 'Invalid request to the base64 worker' }])
  })
})
