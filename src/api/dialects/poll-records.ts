/**
 * The one records-polling loop of every dialect (v1 simple consumer, v2 consumer instances, Redpanda records).
 * An endpoint is untrusted, so the loop always ends: a poll that brings no new record of the asked partition
 * (empty, or only offsets already read, or records of another partition or topic) is an idle poll; idle polls
 * are spaced out (back-off) and a few in a row, or a time budget without progress, end the read with a note.
 */
import type { FetchRequest, FetchResult, KafkaRecord } from '../types.ts'

export interface PollLimits {
  /** Idle polls in a row after which the read ends. */
  maxIdlePolls: number
  /** Time without a new record after which the read ends, whatever the poll count. */
  idleBudgetMs: number
  /**
   * After an idle poll the next one starts at least this long after the previous one started (so a hostile
   * endpoint answering at once gets a few requests a second, not hundreds); doubles up to `maxIntervalMs`.
   */
  minIntervalMs: number
  maxIntervalMs: number
}

export const POLL_LIMITS: PollLimits = {
  maxIdlePolls: 5,
  idleBudgetMs: 30_000,
  minIntervalMs: 250,
  maxIntervalMs: 1000,
}

export interface PollClock {
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError')
}

export const realClock: PollClock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortError(signal))
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      const onAbort = () => {
        clearTimeout(timer)
        reject(abortError(signal!))
      }
      signal?.addEventListener('abort', onAbort, { once: true })
    }),
}

export interface PollOptions {
  /**
   * An empty answer means "the end of the log" (stateless reads answer at once); otherwise it is an idle poll
   * (a fresh consumer instance often answers empty while it starts fetching).
   */
  emptyIsEnd: boolean
  limits?: Partial<PollLimits>
  clock?: PollClock
}

/** Counters a test (or the benchmark) can read after the loop. */
export interface PollStats {
  polls: number
  idlePolls: number
  /** Milliseconds spent waiting between polls. */
  waitedMs: number
}

export interface PolledResult extends FetchResult {
  stats: PollStats
}

function stallNote(
  req: FetchRequest,
  next: bigint,
  read: number,
  idle: number,
  stale: boolean,
  end: bigint | null,
  overBudgetMs: number | null,
): string {
  const where = read > 0 ? `after offset ${next - 1n}` : `from offset ${req.offset} on`
  const why = stale
    ? 'answered only with records already read or of another partition or topic'
    : 'came back empty'
  const ended = end !== null ? `, although its end offset is ${end}` : ''
  const limit = overBudgetMs !== null ? `, for over ${Math.round(overBudgetMs / 1000)} s` : ''
  return (
    `Partition ${req.partition}: the endpoint returned no new records ${where}${ended} ` +
    `(${idle} poll${idle === 1 ? '' : 's'} in a row ${why}${limit}); reading stopped there.`
  )
}

/**
 * Reads `[req.offset, req.endOffset)` up to `req.count` records with `poll(next, want)`, which asks the endpoint
 * once for records from `next` (a consumer instance ignores `next`: it keeps its own position).
 */
export async function pollRecords(
  req: FetchRequest,
  poll: (next: bigint, want: number) => Promise<KafkaRecord[]>,
  options: PollOptions,
): Promise<PolledResult> {
  const limits = { ...POLL_LIMITS, ...options.limits }
  const clock = options.clock ?? realClock
  const records: KafkaRecord[] = []
  const stats: PollStats = { polls: 0, idlePolls: 0, waitedMs: 0 }
  let next = BigInt(req.offset)
  const end = req.endOffset !== undefined ? BigInt(req.endOffset) : null
  let idle = 0
  let stale = false
  let interval = limits.minIntervalMs
  let lastStart = 0
  let lastProgress = clock.now()
  let note: string | undefined
  while (records.length < req.count && (end === null || next < end)) {
    if (idle > 0) {
      const wait = lastStart + interval - clock.now()
      if (wait > 0) {
        await clock.sleep(wait, req.signal)
        stats.waitedMs += wait
      }
      interval = Math.min(interval * 2, limits.maxIntervalMs)
    }
    lastStart = clock.now()
    stats.polls++
    const batch = await poll(next, req.count - records.length)
    let fresh = 0
    let pastEnd = false
    for (const r of batch) {
      if (r.partition !== req.partition || (r.topic !== '' && r.topic !== req.topic)) continue
      const offset = BigInt(r.offset)
      if (offset < next) continue
      // Past the window's end: newer records than the bounds we read; the window is complete.
      if (end !== null && offset >= end) {
        pastEnd = true
        break
      }
      records.push(r)
      next = offset + 1n
      fresh++
      if (records.length >= req.count) break
    }
    if (fresh > 0) {
      idle = 0
      interval = limits.minIntervalMs
      lastProgress = clock.now()
      req.onProgress?.(records.length)
    }
    if (pastEnd) break
    if (fresh > 0) continue
    if (batch.length === 0 && options.emptyIsEnd) break
    if (batch.length > 0) stale = true
    idle++
    stats.idlePolls++
    const overBudget = clock.now() - lastProgress >= limits.idleBudgetMs
    if (idle >= limits.maxIdlePolls || overBudget) {
      // Empty polls with no known end are the normal end of a consumer read; anything else is the endpoint's.
      if (stale || end !== null) {
        const budget = overBudget ? limits.idleBudgetMs : null
        note = stallNote(req, next, records.length, idle, stale, end, budget)
      }
      break
    }
  }
  return { records, nextOffset: next.toString(), note, stats }
}
