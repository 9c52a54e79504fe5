/**
 * Web Worker entry: base64-encodes a File into a Blob of base64 text, off the main thread (see
 * `encodeFileToBase64Blob`). Cancellation is by `worker.terminate()`.
 */
import {
  handleBase64BlobRequest,
  type Base64BlobRequest,
  type Base64BlobResponse,
} from './base64-blob-protocol.ts'

// The app's TS lib is DOM, not WebWorker; describe just the worker scope we use.
interface WorkerScope {
  onmessage: ((event: MessageEvent<Base64BlobRequest>) => void) | null
  postMessage(message: Base64BlobResponse): void
}

const scope = self as unknown as WorkerScope

scope.onmessage = (event) => {
  void handleBase64BlobRequest(event.data, (response) => scope.postMessage(response))
}
