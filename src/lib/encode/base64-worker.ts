/**
 * Web Worker entry: base64-encodes a File/Blob off the main thread.
 * Load with `new Worker(new URL('./base64-worker.ts', import.meta.url), { type: 'module' })`
 * (see `encodeFileInWorker`). Cancellation is by `worker.terminate()`, which stops the read immediately.
 */
import { handleEncodeRequest } from './base64-worker-protocol.ts'
import type { EncodeRequest, EncodeResponse } from './base64-worker-protocol.ts'

// The app's TS lib is DOM, not WebWorker; describe just the worker scope we use.
interface WorkerScope {
  onmessage: ((event: MessageEvent<EncodeRequest>) => void) | null
  postMessage(message: EncodeResponse): void
}

const scope = self as unknown as WorkerScope

scope.onmessage = (event) => {
  void handleEncodeRequest(event.data, (response) => scope.postMessage(response))
}
