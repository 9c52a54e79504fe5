import { encodeBlobToBase64 } from './encode-blob.ts'

/** Messages between `encodeFileInWorker` and `base64-worker.ts`; kept here so both sides share one type. */
export interface EncodeRequest {
  type: 'encode'
  file: Blob
  chunkSize?: number
}

export type EncodeResponse =
  | { type: 'progress'; loaded: number; total: number }
  | { type: 'done'; base64: string }
  | { type: 'error'; message: string }

/** The worker's whole job, as a plain function so it can be tested without a Worker. */
export async function handleEncodeRequest(
  request: EncodeRequest,
  post: (response: EncodeResponse) => void,
): Promise<void> {
  // Duck-typed: a Blob from another realm (tests, transferred objects) is still a Blob.
  if (request?.type !== 'encode' || typeof request.file?.slice !== 'function') {
    post({ type: 'error', message: 'Invalid request to the base64 worker' })
    return
  }
  try {
    const base64 = await encodeBlobToBase64(request.file, {
      chunkSize: request.chunkSize,
      yieldBetweenChunks: false, // off the main thread: nothing to keep responsive
      onProgress: ({ loaded, total }) => post({ type: 'progress', loaded, total }),
    })
    post({ type: 'done', base64 })
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) })
  }
}
