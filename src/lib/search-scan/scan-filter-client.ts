/**
 * The page's side of the scan worker: sets the filter up, then filters pages in order. Where a worker cannot
 * start (tests in Node, a CSP that blocks it) the same filter runs inline.
 */
import type { CelProblem } from './cel-filter.ts'
import { buildFilter, type BatchResult, type FilterSpec } from './scan-filter.ts'
import type { ScanWorkerRequest, ScanWorkerResponse } from './scan-protocol.ts'
import { packScanRecords } from './scan-record.ts'
import type { PageFilter } from './scan-runner.ts'

/** The part of `Worker` we use; lets tests pass a fake. */
export interface ScanWorkerLike {
  onmessage: ((event: MessageEvent<ScanWorkerResponse>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  postMessage(message: ScanWorkerRequest): void
  terminate(): void
}

export interface OpenedFilter {
  filter: PageFilter
  /** Ends the worker; pending pages reject. */
  close(): void
  inWorker: boolean
}

function createDefaultWorker(): ScanWorkerLike | null {
  if (typeof Worker === 'undefined') return null
  try {
    // Written literally so Vite bundles the worker as a separate module.
    return new Worker(new URL('./scan-worker.ts', import.meta.url), { type: 'module' })
  } catch {
    return null
  }
}

function inline(spec: FilterSpec): { ok: true; opened: OpenedFilter } | { ok: false; problem: CelProblem } {
  const built = buildFilter(spec)
  if (!built.ok) return { ok: false, problem: built.problem }
  return {
    ok: true,
    opened: {
      filter: async (records, max) => built.run(records, max),
      close: () => undefined,
      inWorker: false,
    },
  }
}

export function openScanFilter(
  spec: FilterSpec,
  createWorker: () => ScanWorkerLike | null = createDefaultWorker,
): Promise<{ ok: true; opened: OpenedFilter } | { ok: false; problem: CelProblem }> {
  const worker = createWorker()
  if (!worker) return Promise.resolve(inline(spec))
  return new Promise((resolveOpen) => {
    const pending = new Map<number, { resolve: (r: BatchResult) => void; reject: (e: Error) => void }>()
    let nextId = 1
    let ready = false
    let closed = false
    const close = () => {
      if (closed) return
      closed = true
      worker.terminate()
      for (const p of pending.values()) p.reject(new Error('The search stopped.'))
      pending.clear()
    }
    const opened: OpenedFilter = {
      inWorker: true,
      close,
      filter: (records, maxMatches) =>
        new Promise<BatchResult>((resolve, reject) => {
          if (closed) return reject(new Error('The search stopped.'))
          const id = nextId++
          pending.set(id, { resolve, reject })
          const packed = packScanRecords(records)
          worker.postMessage(
            packed ? { type: 'batch', id, packed, maxMatches } : { type: 'batch', id, records, maxMatches },
          )
        }),
    }
    worker.onmessage = ({ data }) => {
      if (data.type === 'ready') {
        ready = true
        resolveOpen({ ok: true, opened })
      } else if (data.type === 'invalid') {
        close()
        resolveOpen({ ok: false, problem: data.problem })
      } else if (data.type === 'result') {
        const { type: _t, id, ...result } = data
        void _t
        pending.get(id)?.resolve(result)
        pending.delete(id)
      } else if (data.type === 'failed') {
        const err = new Error(`The search worker failed: ${data.message}`)
        if (data.id !== undefined) {
          pending.get(data.id)?.reject(err)
          pending.delete(data.id)
        }
      }
    }
    worker.onerror = (event) => {
      if (!ready) {
        // Never started (CSP, bundling): filter on the main thread instead.
        close()
        resolveOpen(inline(spec))
        return
      }
      const err = new Error(`The search worker failed: ${event.message || 'unknown error'}`)
      for (const p of pending.values()) p.reject(err)
      pending.clear()
    }
    worker.postMessage({ type: 'init', spec })
  })
}
