/** Web Worker entry: parses and sorts a v3 topic list off the main thread (see `parseTopicListOffThread`). */
import { parseV3TopicList, TopicListShapeError } from './v3-topic-list.ts'
import type { TopicListReply } from './parse-topic-list.ts'

// The app's TS lib is DOM, not WebWorker; describe just the worker scope we use.
interface WorkerScope {
  onmessage: ((event: MessageEvent<string>) => void) | null
  postMessage(message: TopicListReply, transfer?: Transferable[]): void
}

const scope = self as unknown as WorkerScope

scope.onmessage = (event) => {
  try {
    const columns = parseV3TopicList(event.data)
    scope.postMessage({ type: 'done', columns }, [columns.partitions.buffer, columns.internal.buffer])
  } catch (e) {
    scope.postMessage(
      e instanceof TopicListShapeError
        ? { type: 'shape', what: e.what, sample: e.sample }
        : { type: 'syntax', message: e instanceof Error ? e.message : String(e) },
    )
  }
}
