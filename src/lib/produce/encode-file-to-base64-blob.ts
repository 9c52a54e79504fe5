import { throwIfAborted } from '../encode/encode-blob.ts'
import {
  encodeToBase64Blob,
  type Base64BlobRequest,
  type Base64BlobResponse,
} from './base64-blob-protocol.ts'

/** The part of `Worker` we use; lets tests pass a fake. */
export interface Base64BlobWorkerLike {
  onmessage: ((event: MessageEvent<Base64BlobResponse>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  postMessage(message: Base64BlobRequest): void
  terminate(): void
}

export interface EncodeToBlobOptions {
  onProgress?: (loaded: number, total: number) => void
  signal?: AbortSignal
  chunkSize?: number
  /** Override worker creation (tests). Return null to use the main-thread path. */
  createWorker?: () => Base64BlobWorkerLike | null
}

function createDefaultWorker(): Base64BlobWorkerLike | null {
  if (typeof Worker === 'undefined') return null
  try {
    // Written literally so Vite bundles the worker as a separate module.
    return new Worker(new URL('./base64-blob-worker.ts', import.meta.url), { type: 'module' })
  } catch {
    return null // e.g. blocked by a Content-Security-Policy
  }
}

/**
 * The base64 text of `file` as a Blob, encoded in a Web Worker (chunked on the main thread, yielding between
 * slices, where workers are unavailable or fail to load). Aborting terminates the worker and rejects with the
 * signal's reason.
 */
export function encodeFileToBase64Blob(file: Blob, options: EncodeToBlobOptions = {}): Promise<Blob> {
  const { onProgress, signal, chunkSize, createWorker = createDefaultWorker } = options
  const fallback = () => encodeToBase64Blob(file, { onProgress, signal, chunkSize })
  try {
    throwIfAborted(signal)
  } catch (reason) {
    return Promise.reject(reason)
  }
  const worker = createWorker()
  if (!worker) return fallback()
  return new Promise<Blob>((resolve, reject) => {
    let heard = false
    let settled = false
    const cleanup = () => {
      settled = true
      signal?.removeEventListener('abort', onAbort)
      worker.onmessage = null
      worker.onerror = null
      worker.terminate()
    }
    const onAbort = () => {
      if (settled) return
      cleanup()
      reject(signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError'))
    }
    worker.onmessage = ({ data }) => {
      heard = true
      if (data.type === 'progress') onProgress?.(data.loaded, data.total)
      else {
        cleanup()
        if (data.type === 'done') resolve(data.blob)
        else reject(new Error(`Could not read the file: ${data.message}`))
      }
    }
    worker.onerror = (event) => {
      if (settled) return
      cleanup()
      // A worker that never spoke most likely failed to load (CSP, bundling): the main thread can still do it.
      if (!heard) fallback().then(resolve, reject)
      else reject(new Error(`Base64 worker failed: ${event.message || 'unknown error'}`))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    worker.postMessage({ type: 'encode-to-blob', file, chunkSize })
  })
}
