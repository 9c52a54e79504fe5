import { KafkaRestError } from '../errors.ts'
import type { TopicConfigEntry, TopicSummary } from '../types.ts'
import {
  parseV3ConfigList,
  parseV3TopicList,
  ShapeError,
  topicsFromColumns,
  topicsFromColumnsSliced,
  type TopicListColumns,
  configsFromColumns,
  type ConfigColumns,
} from './v3-lists.ts'

/** `body`: the answer's bytes (decoded in the worker) or its text. */
export type ListRequest = { kind: 'topics' | 'configs'; body: string | Uint8Array }

export type ListReply =
  | { type: 'topics'; columns: TopicListColumns }
  | { type: 'configs'; columns: ConfigColumns }
  | { type: 'shape'; what: string; sample: string }
  | { type: 'syntax'; message: string }

type Failure = Extract<ListReply, { type: 'shape' | 'syntax' }>

function createDefaultWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null
  try {
    // Written literally so Vite bundles the worker as a separate module.
    return new Worker(new URL('./v3-lists-worker.ts', import.meta.url), { type: 'module' })
  } catch {
    return null // e.g. blocked by a Content-Security-Policy
  }
}

function toError(reply: Failure, what: string): KafkaRestError {
  return new KafkaRestError({
    kind: 'invalid-response',
    message:
      reply.type === 'shape'
        ? `Unexpected answer: expected ${reply.what}, got ${reply.sample}`
        : `The ${what} is not valid JSON (${reply.message})`,
    hint: 'The endpoint does not answer like the selected API dialect. Try another API dialect, or check the base path.',
  })
}

function onMainThread<T>(run: () => T, what: string): T {
  try {
    return run()
  } catch (e) {
    throw toError(
      e instanceof ShapeError
        ? { type: 'shape', what: e.what, sample: e.sample }
        : { type: 'syntax', message: e instanceof Error ? e.message : String(e) },
      what,
    )
  }
}

/** Short answers are cheaper to parse here than a worker's start-up. */
const WORKER_FROM_SIZE = 200_000

const utf8 = new TextDecoder()
const textOf = (body: string | Uint8Array) => (typeof body === 'string' ? body : utf8.decode(body))

function offThread<T>(
  request: ListRequest,
  what: string,
  here: () => T,
  take: (reply: ListReply) => Promise<T>,
  signal: AbortSignal | undefined,
  createWorker: () => Worker | null,
): Promise<T> {
  if (signal?.aborted) return Promise.reject(signal.reason)
  const worker = request.body.length < WORKER_FROM_SIZE ? null : createWorker()
  if (!worker) return Promise.resolve().then(() => onMainThread(here, what))
  return new Promise<T>((resolve, reject) => {
    const done = () => {
      signal?.removeEventListener('abort', onAbort)
      worker.terminate()
    }
    const onAbort = () => {
      done()
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort)
    worker.onmessage = (e: MessageEvent<ListReply>) => {
      done()
      if (e.data.type === 'shape' || e.data.type === 'syntax') reject(toError(e.data, what))
      else take(e.data).then(resolve, reject)
    }
    worker.onerror = (e) => {
      e.preventDefault()
      done()
      // The worker could not run (e.g. failed to load): parse here instead.
      try {
        resolve(onMainThread(here, what))
      } catch (err) {
        reject(err)
      }
    }
    worker.postMessage(request)
  })
}

/**
 * Parses (and sorts) a v3 topic list in a Web Worker: 100,000 topics (7 MB) would otherwise block the main
 * thread for hundreds of milliseconds in JSON.parse, sorting and garbage collection. Without workers, here.
 */
export function parseTopicListOffThread(
  body: string | Uint8Array,
  signal?: AbortSignal,
  createWorker: () => Worker | null = createDefaultWorker,
): Promise<TopicSummary[]> {
  return offThread(
    { kind: 'topics', body },
    'topic list',
    () => topicsFromColumns(parseV3TopicList(textOf(body))),
    (r) => topicsFromColumnsSliced((r as Extract<ListReply, { type: 'topics' }>).columns, signal),
    signal,
    createWorker,
  )
}

/** Parses (and sorts) a v3 config list in a Web Worker (an endpoint may answer with 50,000 configs). */
export function parseConfigListOffThread(
  body: string | Uint8Array,
  signal?: AbortSignal,
  createWorker: () => Worker | null = createDefaultWorker,
): Promise<TopicConfigEntry[]> {
  return offThread(
    { kind: 'configs', body },
    'config list',
    () => configsFromColumns(parseV3ConfigList(textOf(body))),
    (r) => Promise.resolve(configsFromColumns((r as Extract<ListReply, { type: 'configs' }>).columns)),
    signal,
    createWorker,
  )
}
