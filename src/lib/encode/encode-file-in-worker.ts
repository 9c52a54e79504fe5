import type { EncodeRequest, EncodeResponse } from './base64-worker-protocol.ts'
import { encodeBlobToBase64, throwIfAborted } from './encode-blob.ts'
import type { BlobProgress } from './encode-blob.ts'

/** The part of `Worker` we use; lets tests pass a fake. */
export interface Base64WorkerLike {
  onmessage: ((event: MessageEvent<EncodeResponse>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  onmessageerror: ((event: MessageEvent) => void) | null
  postMessage(message: EncodeRequest): void
  terminate(): void
}

export interface EncodeFileOptions {
  onProgress?: (progress: BlobProgress) => void
  signal?: AbortSignal
  chunkSize?: number
  /** Override worker creation (tests). Return null to force the main-thread path. */
  createWorker?: () => Base64WorkerLike | null
}

function createDefaultWorker(): Base64WorkerLike | null {
  if (typeof Worker === 'undefined') return null // jsdom, old runtimes
  try {
    // Written literally so Vite bundles the worker as a separate module.
    return new Worker(new URL('./base64-worker.ts', import.meta.url), { type: 'module' })
  } catch {
    return null // e.g. blocked by a Content-Security-Policy
  }
}

/**
 * Base64-encodes a file in a Web Worker so multi-megabyte uploads never freeze the UI. Falls back to the
 * chunked main-thread encoder when workers are unavailable or the worker script fails to load.
 * Aborting terminates the worker and rejects with the signal's reason.
 */
export function encodeFileInWorker(file: Blob, options: EncodeFileOptions = {}): Promise<string> {
  const { onProgress, signal, chunkSize, createWorker = createDefaultWorker } = options
  const fallback = () => encodeBlobToBase64(file, { onProgress, signal, chunkSize })
  try {
    throwIfAborted(signal)
  } catch (reason) {
    return Promise.reject(reason)
  }
  const worker = createWorker()
  if (!worker) return fallback()

  return new Promise<string>((resolve, reject) => {
    let heardFromWorker = false
    let settled = false

    const cleanup = () => {
      settled = true
      signal?.removeEventListener('abort', onAbort)
      worker.onmessage = null
      worker.onerror = null
      worker.onmessageerror = null
      worker.terminate()
    }
    const onAbort = () => {
      if (settled) return
      cleanup()
      reject(signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError'))
    }

    worker.onmessage = (event) => {
      heardFromWorker = true
      const message = event.data
      if (message.type === 'progress') {
        onProgress?.({ loaded: message.loaded, total: message.total })
      } else if (message.type === 'done') {
        cleanup()
        resolve(message.base64)
      } else {
        cleanup()
        reject(new Error(`Could not read the file: ${message.message}`))
      }
    }
    worker.onerror = (event) => {
      if (settled) return
      cleanup()
      // A worker that never spoke most likely failed to load (CSP, bundling); the main thread can still do it.
      if (!heardFromWorker) fallback().then(resolve, reject)
      else reject(new Error(`Base64 worker failed: ${event.message || 'unknown error'}`))
    }
    worker.onmessageerror = () => {
      if (settled) return
      cleanup()
      reject(new Error('Base64 worker sent a message that could not be read'))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    worker.postMessage({ type: 'encode', file, chunkSize })
  })
}
