import { KafkaRestError } from '../errors.ts'
import type { TopicSummary } from '../types.ts'
import {
  parseV3TopicList,
  topicsFromColumns,
  TopicListShapeError,
  type TopicListColumns,
} from './v3-topic-list.ts'

export type TopicListReply =
  | { type: 'done'; columns: TopicListColumns }
  | { type: 'shape'; what: string; sample: string }
  | { type: 'syntax'; message: string }

function createDefaultWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null
  try {
    // Written literally so Vite bundles the worker as a separate module.
    return new Worker(new URL('./v3-topic-list-worker.ts', import.meta.url), { type: 'module' })
  } catch {
    return null // e.g. blocked by a Content-Security-Policy
  }
}

function toError(reply: Exclude<TopicListReply, { type: 'done' }>): KafkaRestError {
  return new KafkaRestError({
    kind: 'invalid-response',
    message:
      reply.type === 'shape'
        ? `Unexpected answer: expected ${reply.what}, got ${reply.sample}`
        : `The topic list is not valid JSON (${reply.message})`,
    hint: 'The endpoint does not answer like the selected API dialect. Try another API dialect, or check the base path.',
  })
}

function onMainThread(text: string): TopicSummary[] {
  try {
    return topicsFromColumns(parseV3TopicList(text))
  } catch (e) {
    throw toError(
      e instanceof TopicListShapeError
        ? { type: 'shape', what: e.what, sample: e.sample }
        : { type: 'syntax', message: e instanceof Error ? e.message : String(e) },
    )
  }
}

/**
 * Parses a v3 topic list in a Web Worker: 100,000 topics (7 MB) would block the main thread for hundreds of
 * milliseconds in JSON.parse, sorting and garbage collection. Falls back to the main thread without workers.
 */
export function parseTopicListOffThread(
  text: string,
  signal?: AbortSignal,
  createWorker: () => Worker | null = createDefaultWorker,
): Promise<TopicSummary[]> {
  if (signal?.aborted) return Promise.reject(signal.reason)
  // Short lists are cheaper here than a worker's start-up.
  const worker = text.length < 200_000 ? null : createWorker()
  if (!worker) return Promise.resolve().then(() => onMainThread(text))
  return new Promise<TopicSummary[]>((resolve, reject) => {
    const done = () => {
      signal?.removeEventListener('abort', onAbort)
      worker.terminate()
    }
    const onAbort = () => {
      done()
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort)
    worker.onmessage = (e: MessageEvent<TopicListReply>) => {
      done()
      if (e.data.type === 'done') resolve(topicsFromColumns(e.data.columns))
      else reject(toError(e.data))
    }
    worker.onerror = (e) => {
      e.preventDefault()
      done()
      // The worker could not run (e.g. failed to load): parse here instead.
      try {
        resolve(onMainThread(text))
      } catch (err) {
        reject(err)
      }
    }
    worker.postMessage(text)
  })
}
