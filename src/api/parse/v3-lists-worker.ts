/** Web Worker entry: parses and sorts a big v3 list off the main thread (see `parse-off-thread.ts`). */
import type { ListReply, ListRequest } from './parse-off-thread.ts'
import { parseV3ConfigList, parseV3TopicList, ShapeError } from './v3-lists.ts'

// The app's TS lib is DOM, not WebWorker; describe just the worker scope we use.
interface WorkerScope {
  onmessage: ((event: MessageEvent<ListRequest>) => void) | null
  postMessage(message: ListReply, transfer?: Transferable[]): void
}

const scope = self as unknown as WorkerScope

const utf8 = new TextDecoder()

scope.onmessage = ({ data }) => {
  try {
    // The answer's bytes are decoded here: 7 MB of UTF-8 costs the main thread ~10 ms to decode.
    const text = typeof data.body === 'string' ? data.body : utf8.decode(data.body)
    if (data.kind === 'topics') {
      const columns = parseV3TopicList(text)
      scope.postMessage({ type: 'topics', columns }, [
        columns.ends.buffer,
        columns.partitions.buffer,
        columns.internal.buffer,
      ])
    } else scope.postMessage({ type: 'configs', columns: parseV3ConfigList(text) })
  } catch (e) {
    scope.postMessage(
      e instanceof ShapeError
        ? { type: 'shape', what: e.what, sample: e.sample }
        : { type: 'syntax', message: e instanceof Error ? e.message : String(e) },
    )
  }
}
