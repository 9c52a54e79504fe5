/**
 * Filtering a big window without freezing the page: the scan runs in slices of a few milliseconds and yields to
 * the browser between them (typing, scrolling and painting go on), reports how far it is, and stops when its
 * signal aborts (a new keystroke). Same matches, in the same order, as `records.filter(match)`.
 */

/** A filter in progress: `step` scans for about `budgetMs` (at least a few records), true once every record is seen. */
export interface FilterRun<T> {
  step(budgetMs: number): boolean
  readonly scanned: number
  readonly matches: T[]
}

/** Records scanned between two looks at the clock (reading it costs more than testing a small record). */
const CHECK_EVERY = 64

export function startFilter<T>(
  records: readonly T[],
  match: (record: T) => boolean,
  now: () => number = () => performance.now(),
): FilterRun<T> {
  const matches: T[] = []
  let i = 0
  return {
    step(budgetMs) {
      const until = now() + budgetMs
      while (i < records.length) {
        const stop = Math.min(records.length, i + CHECK_EVERY)
        for (; i < stop; i++) if (match(records[i])) matches.push(records[i])
        if (now() >= until) break
      }
      return i >= records.length
    },
    get scanned() {
      return i
    },
    matches,
  }
}

export interface SliceOptions {
  signal?: AbortSignal
  /** Milliseconds of work per slice (default 8: well under a 50 ms long task, most of a 16 ms frame left). */
  sliceMs?: number
  onProgress?(scanned: number, total: number): void
  /** Lets the browser run other work between slices; defaults to `yieldToBrowser`. */
  pause?(): Promise<void>
  now?(): number
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError')
}

/**
 * Resolves in a new task, after whatever the browser queued meanwhile (input, rendering, timers, network). Not
 * `scheduler.yield()`: its continuation goes before other queued tasks, so a long scan would still starve timers.
 */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/** `records.filter(match)` in slices; rejects with the signal's reason once it aborts. */
export async function filterInSlices<T>(
  records: readonly T[],
  match: (record: T) => boolean,
  options: SliceOptions = {},
): Promise<T[]> {
  const { signal, sliceMs = 8, onProgress, pause = yieldToBrowser, now } = options
  const run = startFilter(records, match, now)
  for (;;) {
    if (signal?.aborted) throw abortError(signal)
    if (run.step(sliceMs)) break
    onProgress?.(run.scanned, records.length)
    await pause()
  }
  return run.matches
}
