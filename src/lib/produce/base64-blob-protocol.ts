import { createBase64ChunkEncoder } from '../encode/base64-chunks.ts'
import { readBlobChunks } from '../encode/encode-blob.ts'

/**
 * Messages between `encodeFileToBase64Blob` and `base64-blob-worker.ts`. Unlike the string encoder in
 * `lib/encode`, the result is a Blob of the base64 text: a Blob crosses to the main thread by reference, so a
 * 67 MB encoding of a 50 MB file is never copied into, or converted on, the main thread — the request body is
 * assembled from Blobs and the browser streams it.
 */
export interface Base64BlobRequest {
  type: 'encode-to-blob'
  file: Blob
  chunkSize?: number
}

export type Base64BlobResponse =
  | { type: 'progress'; loaded: number; total: number }
  | { type: 'done'; blob: Blob }
  | { type: 'error'; message: string }

/** Encodes `file` slice by slice; the Blob is built from the pieces without joining them into one string. */
export async function encodeToBase64Blob(
  file: Blob,
  options: {
    chunkSize?: number
    signal?: AbortSignal
    yieldBetweenChunks?: boolean
    onProgress?: (loaded: number, total: number) => void
  } = {},
): Promise<Blob> {
  const encoder = createBase64ChunkEncoder()
  const parts: string[] = []
  let loaded = 0
  options.onProgress?.(0, file.size)
  for await (const chunk of readBlobChunks(file, options)) {
    parts.push(encoder.push(chunk))
    loaded += chunk.length
    options.onProgress?.(loaded, file.size)
  }
  parts.push(encoder.finish())
  return new Blob(parts, { type: 'text/plain' })
}

/** The worker's whole job, as a plain function so it can be tested without a Worker. */
export async function handleBase64BlobRequest(
  request: Base64BlobRequest,
  post: (response: Base64BlobResponse) => void,
): Promise<void> {
  if (request?.type !== 'encode-to-blob' || typeof request.file?.slice !== 'function') {
    post({ type: 'error', message: 'Invalid request to the base64 worker' })
    return
  }
  try {
    const blob = await encodeToBase64Blob(request.file, {
      chunkSize: request.chunkSize,
      yieldBetweenChunks: false, // off the main thread: nothing to keep responsive
      onProgress: (loaded, total) => post({ type: 'progress', loaded, total }),
    })
    post({ type: 'done', blob })
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) })
  }
}
