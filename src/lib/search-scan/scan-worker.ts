/** Web Worker entry of the topic search: decodes and filters batches of records off the main thread. */
import { createScanHandler, type ScanWorkerRequest, type ScanWorkerResponse } from './scan-protocol.ts'

// The app's TS lib is DOM, not WebWorker; describe just the worker scope we use.
interface WorkerScope {
  onmessage: ((event: MessageEvent<ScanWorkerRequest>) => void) | null
  postMessage(message: ScanWorkerResponse): void
}

const scope = self as unknown as WorkerScope
const handle = createScanHandler((response) => scope.postMessage(response))
scope.onmessage = (event) => handle(event.data)
