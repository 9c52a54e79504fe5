import type { ProduceRecord, ProduceResult } from '../../api/types.ts'
import type { GeneratedRecord } from './generator.ts'
import { yieldToEventLoop } from '../event-loop.ts'
import { Pacer } from './pacer.ts'
import type { RecordSource } from './record-source.ts'

export type PartitionStrategy =
  | { kind: 'auto' }
  | { kind: 'fixed'; partition: number }
  /** Batch after batch to partitions 0…n−1. */
  | { kind: 'round-robin'; partitions: number }

export interface RunPlan {
  /** How many records; with `durationMs`, at most this many. */
  count: number
  /** Stop after this much running time (pauses excluded); undefined = until `count`. */
  durationMs?: number
  /** Records per second; null = as fast as possible. */
  rate: number | null
  batchSize: number
  partition: PartitionStrategy
}

/**
 * Builds one batch's request now; `send()` sends it and gives the result per record (a thrown error fails the
 * whole batch). Building is kept apart so the next batch is built while the previous one is in flight.
 */
export type PrepareBatch = (
  records: ProduceRecord[],
  partition: number | undefined,
) => { send(): Promise<ProduceResult[]> }

export interface FailedBatch {
  /** Index of the batch's first record, and which records failed (indices in the run). */
  from: number
  indices: number[]
  partition: number | undefined
  error: string
}

export interface PartitionRange {
  partition: number
  first: string
  last: string
  count: number
}

export interface RunProgress {
  sent: number
  acknowledged: number
  failed: number
  /** Records acknowledged per second of running time. */
  perSecond: number
  elapsedMs: number
  /** null when it cannot be estimated yet. */
  timeLeftMs: number | null
  paused: boolean
  /** The run's target: `count` (a duration run may end sooner). */
  total: number
  /** The rate asked for (records/s); null = as fast as possible. */
  targetRate: number | null
}

export interface RunSummary extends RunProgress {
  stopped: boolean
  /** The error that ended the run early (the generator failed), if any. */
  error: string | null
  failedBatches: FailedBatch[]
  /** Offsets per partition, from the acknowledgements; empty where the endpoint reports none. */
  ranges: PartitionRange[]
}

export const MAX_LISTED_FAILURES = 100
/** Batches failing whole, one after another, that end a run: a missing topic or a wrong key fails them all alike. */
export const MAX_FAILED_IN_A_ROW = 3
const AHEAD = 2

export interface RunDeps {
  source: RecordSource
  prepare: PrepareBatch
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  onProgress?: (p: RunProgress) => void
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

export function toProduceRecord(r: GeneratedRecord): ProduceRecord {
  return {
    key: r.key,
    value: r.value,
    valueBase64: r.valueBase64,
    headers: r.headers.length ? r.headers : undefined,
  }
}

/** Keeps offset ranges per partition; offsets are decimal strings compared as bigints, never rounded. */
export class RangeTracker {
  private byPartition = new Map<number, { first: bigint; last: bigint; count: number }>()
  add(partition: number, offset: string) {
    if (!/^\d{1,19}$/.test(offset)) return
    const o = BigInt(offset)
    const r = this.byPartition.get(partition)
    if (!r) this.byPartition.set(partition, { first: o, last: o, count: 1 })
    else {
      if (o < r.first) r.first = o
      if (o > r.last) r.last = o
      r.count++
    }
  }
  list(): PartitionRange[] {
    return [...this.byPartition]
      .sort((a, b) => a[0] - b[0])
      .map(([partition, r]) => ({ partition, first: String(r.first), last: String(r.last), count: r.count }))
  }
}

/**
 * One generate run: records come from the source (a worker) one batch ahead of the send, batches go one at a
 * time at the paced rate. Stop lets the batch in flight finish and reports it, so no outcome is left unknown.
 */
export class GenerateRun {
  private readonly deps: Required<Omit<RunDeps, 'onProgress'>> & Pick<RunDeps, 'onProgress'>
  private readonly plan: RunPlan
  private pacer: Pacer
  private stopRequested = false
  private resumeWaiter: (() => void) | null = null
  private sent = 0
  private acknowledged = 0
  private failed = 0
  private readonly failures: FailedBatch[] = []
  private failedInARow = 0
  private lastError = ''
  readonly ranges = new RangeTracker()

  constructor(plan: RunPlan, deps: RunDeps) {
    this.plan = plan
    this.deps = { now: () => performance.now(), sleep: defaultSleep, ...deps }
    this.pacer = new Pacer(plan.rate, this.deps.now())
  }

  private paused = false
  pause() {
    if (this.paused) return
    this.paused = true
    this.pacer.pause(this.deps.now())
    this.report()
  }
  resume() {
    if (!this.paused) return
    this.paused = false
    this.pacer.resume(this.deps.now())
    this.resumeWaiter?.()
    this.resumeWaiter = null
    this.report()
  }
  stop() {
    this.stopRequested = true
    this.resumeWaiter?.()
    this.resumeWaiter = null
  }

  progress(): RunProgress {
    const elapsedMs = this.pacer.elapsed(this.deps.now())
    const perSecond = elapsedMs > 0 ? (this.acknowledged / elapsedMs) * 1000 : 0
    const { count, durationMs } = this.plan
    const done = this.acknowledged + this.failed
    let timeLeftMs: number | null = perSecond > 0 ? ((count - done) / perSecond) * 1000 : null
    if (durationMs !== undefined)
      timeLeftMs = Math.min(timeLeftMs ?? Infinity, Math.max(0, durationMs - elapsedMs))
    return {
      sent: this.sent,
      acknowledged: this.acknowledged,
      failed: this.failed,
      perSecond,
      elapsedMs,
      timeLeftMs,
      paused: this.paused,
      total: count,
      targetRate: this.plan.rate,
    }
  }

  private report() {
    this.deps.onProgress?.(this.progress())
  }

  private partitionOf(batchNo: number): number | undefined {
    const p = this.plan.partition
    if (p.kind === 'fixed') return p.partition
    if (p.kind === 'round-robin') return batchNo % Math.max(1, p.partitions)
    return undefined
  }

  private record(
    from: number,
    indices: number[],
    partition: number | undefined,
    results: ProduceResult[] | Error,
  ) {
    const failedIdx: number[] = []
    let firstError = ''
    if (results instanceof Error) {
      failedIdx.push(...indices)
      firstError = results.message
    } else {
      indices.forEach((index, i) => {
        const r = results[i]
        if (r?.ok) {
          this.acknowledged++
          if (r.partition !== null && r.offset !== null) this.ranges.add(r.partition, r.offset)
        } else {
          failedIdx.push(index)
          if (!firstError)
            firstError = r
              ? `${r.message}${r.errorCode !== null ? ` (code ${r.errorCode})` : ''}`
              : 'no result for this record'
        }
      })
    }
    this.failed += failedIdx.length
    this.failedInARow = failedIdx.length === indices.length ? this.failedInARow + 1 : 0
    if (firstError) this.lastError = firstError
    if (failedIdx.length && this.failures.length < MAX_LISTED_FAILURES)
      this.failures.push({ from, indices: failedIdx, partition, error: firstError })
  }

  /** The batch's request, built now; sending it gives its results, or the Error that failed it whole. */
  private prepare(
    records: GeneratedRecord[],
    partition: number | undefined,
  ): () => Promise<ProduceResult[] | Error> {
    const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)))
    let prepared: { send(): Promise<ProduceResult[]> }
    try {
      prepared = this.deps.prepare(records.map(toProduceRecord), partition)
    } catch (e) {
      const error = asError(e)
      return async () => error
    }
    return () => prepared.send().catch(asError)
  }

  private timeUp(): boolean {
    const d = this.plan.durationMs
    return d !== undefined && this.pacer.elapsed(this.deps.now()) > d
  }

  async run(): Promise<RunSummary> {
    const { count, batchSize } = this.plan
    const size = Math.max(1, Math.trunc(batchSize))
    let error: string | null = null
    // Up to AHEAD batches are asked of the worker before they are sent, so it keeps generating while one is sent.
    const ahead: Promise<GeneratedRecord[]>[] = []
    let asked = 0
    const askMore = () => {
      while (ahead.length < AHEAD && asked < count) {
        const n = Math.min(size, count - asked)
        const p = this.deps.source.records(asked, n)
        p.catch(() => {}) // its error is read when it is awaited
        ahead.push(p)
        asked += n
      }
    }
    let batchNo = 0
    /** The next batch from the worker, with its request built. */
    const take = async (from: number) => {
      const batch = await ahead.shift()!
      askMore()
      // Building a request is the page's largest step: a task of its own, not appended to the one that just sent.
      await yieldToEventLoop()
      const partition = this.partitionOf(batchNo++)
      return { from, batch, partition, send: this.prepare(batch, partition) }
    }
    askMore()
    let next = ahead.length ? take(0) : null
    next?.catch(() => {}) // its error is read when it is awaited
    // Bounded by count / size iterations.
    while (next && !this.stopRequested && !this.timeUp()) {
      let current: Awaited<ReturnType<typeof take>>
      try {
        current = await next
      } catch (e) {
        error = (e as Error).message
        break
      }
      const { from, batch, partition } = current
      if (from === 0) {
        // The clock starts with the first batch ready: the worker's start-up (loading the fake-data library) is
        // neither "sending time" in the records/s nor a delay the rate should catch up on with a burst.
        this.pacer = new Pacer(this.plan.rate, this.deps.now())
        if (this.paused) this.pacer.pause(this.deps.now())
      }
      while (this.paused && !this.stopRequested) await new Promise<void>((r) => (this.resumeWaiter = r))
      if (this.stopRequested) break
      const wait = this.pacer.delayBefore(batch.length, this.deps.now())
      if (wait > 0) await this.deps.sleep(wait)
      if (this.stopRequested || this.timeUp()) break
      this.pacer.took(batch.length)
      this.sent += batch.length
      this.report()
      const sending = current.send()
      // Batches go one at a time, in order; the next one is built while this one is in flight. If the run stops
      // now, that one is dropped unsent (and uncounted).
      next = ahead.length ? take(from + batch.length) : null
      next?.catch(() => {}) // its error is read when it is awaited
      const indices = batch.map((_, i) => from + i)
      this.record(from, indices, partition, await sending)
      this.report()
      if (this.failedInARow >= MAX_FAILED_IN_A_ROW) {
        error =
          `The last ${MAX_FAILED_IN_A_ROW} batches failed entirely (${this.lastError}), so the run stopped. ` +
          'Fix the cause, then retry the failed batches or run again.'
        break
      }
    }
    return this.summary(error)
  }

  /** Sends a listed failed batch's failed records again (the same bytes: records depend on seed and index only). */
  async retry(failure: FailedBatch): Promise<RunSummary> {
    const i = this.failures.indexOf(failure)
    if (i === -1) return this.summary(null)
    this.failures.splice(i, 1)
    this.failed -= failure.indices.length
    const lo = failure.indices[0]
    const hi = failure.indices[failure.indices.length - 1]
    let records: GeneratedRecord[]
    try {
      const all = await this.deps.source.records(lo, hi - lo + 1)
      records = failure.indices.map((index) => all[index - lo])
    } catch (e) {
      this.failed += failure.indices.length
      this.failures.splice(i, 0, { ...failure, error: (e as Error).message })
      return this.summary(null)
    }
    this.sent += records.length
    const results = await this.prepare(records, failure.partition)()
    this.record(failure.from, failure.indices, failure.partition, results)
    this.report()
    return this.summary(null)
  }

  summary(error: string | null): RunSummary {
    return {
      ...this.progress(),
      stopped: this.stopRequested,
      error,
      failedBatches: [...this.failures],
      ranges: this.ranges.list(),
    }
  }
}
