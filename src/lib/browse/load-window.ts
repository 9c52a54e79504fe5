/**
 * Loads one browse window: resolves each partition's range (bounds, clamping, timestamp search), reads the
 * partitions in parallel with a concurrency limit, merges them and keeps `count` records. Pure apart from the
 * injected `WindowSource` (the KafkaRestClient in the app, a fake in tests).
 */
import type { FetchRequest, FetchResult, KafkaRecord, PartitionOffsets } from '../../api/types.ts'
import { mergeRecords, type MergeOrder } from './merge-records.ts'
import {
  backwardRange,
  boundsProblem,
  forwardRange,
  hasNext,
  hasPrevious,
  nextPositions,
  previousPositions,
  type PartitionBounds,
  type PartitionRange,
  type PartitionShown,
  type Positions,
} from './offset-window.ts'
import { findOffsetForTimestamp } from './timestamp-search.ts'

export interface WindowSource {
  /** Only whether partition bounds can be read (the KafkaRestClient's browse group). */
  readonly capabilities: { readonly browse: { readonly offsets: boolean } | null }
  getPartitionOffsets(topic: string, partition: number, signal?: AbortSignal): Promise<PartitionOffsets>
  fetchRecords(request: FetchRequest): Promise<FetchResult>
}

export type WindowStart =
  | { kind: 'beginning' }
  /** The newest `count`: read backward from each partition's end. */
  | { kind: 'end' }
  /** Forward from (or backward before) a position; `positions` overrides `offset` per partition. */
  | { kind: 'offset'; offset: string; positions?: Positions; direction: 'forward' | 'backward' }
  | { kind: 'timestamp'; ms: number }

export interface WindowRequest {
  topic: string
  partitions: number[]
  /** All partitions (merged) rather than one chosen partition: changes how out-of-range offsets are clamped. */
  all: boolean
  start: WindowStart
  count: number
  order: MergeOrder
}

export interface LoadedWindow {
  /** In ascending merged order. */
  records: KafkaRecord[]
  partitions: PartitionShown[]
  /** Clamping and search notes, one sentence each. */
  notes: string[]
  next: Positions
  previous: Positions
  hasNext: boolean
  hasPrevious: boolean
  order: MergeOrder
  direction: 'forward' | 'backward'
  /** Records read by timestamp searches (0 when not searching by time). */
  timestampProbes: number
}

export interface LoadOptions {
  signal?: AbortSignal
  /** Records read so far, over all partitions. */
  onProgress?: (fetched: number) => void
  /** Called once every partition's records have arrived (before merging): the benchmark's start mark. */
  onRecordsReceived?: () => void
  /** Fresh bounds of a partition; defaults to `source.getPartitionOffsets`. */
  getBounds?: (partition: number) => Promise<PartitionBounds>
  concurrency?: number
}

/**
 * Key + value bytes one poll of a consumer instance should bring (its `max_bytes`): a 100,000-message window then
 * arrives as ~100 answers each parsed in a few ms, not two 64 MB answers that freeze the page for seconds.
 */
export const BROWSE_POLL_BYTES = 1024 * 1024

export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}

function formatInstant(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms)
}

export async function loadWindow(
  source: WindowSource,
  req: WindowRequest,
  options: LoadOptions = {},
): Promise<LoadedWindow> {
  const { signal } = options
  const withBounds = !!source.capabilities.browse?.offsets
  const getBounds = options.getBounds ?? ((p: number) => source.getPartitionOffsets(req.topic, p, signal))
  let probes = 0
  const progress = new Map<number, number>()
  const report = () => options.onProgress?.([...progress.values()].reduce((a, b) => a + b, 0))

  const plan = async (partition: number): Promise<{ range: PartitionRange; bounds?: PartitionBounds }> => {
    const bounds = withBounds ? await getBounds(partition) : undefined
    const bad = bounds && boundsProblem(partition, bounds)
    if (bad) throw new Error(bad)
    const { start, count } = req
    switch (start.kind) {
      case 'beginning':
        return { range: forwardRange(partition, bounds?.beginning ?? '0', count, bounds), bounds }
      case 'end':
        if (!bounds)
          throw new Error(
            'Reading the newest messages needs partition end offsets, which this API does not give.',
          )
        return { range: backwardRange(partition, bounds.end, count, bounds), bounds }
      case 'offset': {
        const at = start.positions?.get(partition) ?? start.offset
        const range =
          start.direction === 'backward'
            ? backwardRange(partition, at, count, bounds)
            : forwardRange(partition, at, count, bounds, { pastEnd: req.all ? 'empty' : 'last-window' })
        return { range, bounds }
      }
      case 'timestamp': {
        if (!bounds)
          throw new Error('Searching by time needs partition offsets, which this API does not give.')
        const found = await findOffsetForTimestamp(
          async (offset) => {
            const r = await source.fetchRecords({
              topic: req.topic,
              partition,
              offset,
              count: 1,
              endOffset: bounds.end,
              signal,
            })
            return r.records[0] ?? null
          },
          bounds,
          start.ms,
        )
        probes += found.probes
        const range = forwardRange(partition, found.offset, count, bounds)
        if (found.offset === bounds.end && bounds.beginning !== bounds.end) {
          range.note = `Partition ${partition} has no messages at or after ${formatInstant(start.ms)}.`
        }
        return { range, bounds }
      }
    }
  }

  const read = async (partition: number) => {
    const { range, bounds } = await plan(partition)
    let count = range.count
    if (range.until !== undefined) {
      const available = BigInt(range.until) - BigInt(range.from)
      if (available <= 0n) return { range, bounds, records: [] as KafkaRecord[], stalled: undefined }
      if (available < BigInt(count)) count = Number(available)
    }
    const result = await source.fetchRecords({
      topic: req.topic,
      partition,
      offset: range.from,
      count,
      endOffset: range.until,
      signal,
      maxBytes: BROWSE_POLL_BYTES,
      onProgress: (n) => {
        progress.set(partition, n)
        report()
      },
    })
    progress.set(partition, result.records.length)
    report()
    return { range, bounds, records: result.records, stalled: result.note }
  }

  const reads = await mapLimit(req.partitions, options.concurrency ?? 4, read)
  options.onRecordsReceived?.()
  const notes = reads.flatMap((r) => [r.range.note, r.stalled].filter((n): n is string => !!n))

  const merged = mergeRecords(
    reads.map((r) => r.records),
    req.order,
  )
  const direction =
    req.start.kind === 'end' || (req.start.kind === 'offset' && req.start.direction === 'backward')
      ? 'backward'
      : 'forward'
  const kept =
    merged.length <= req.count
      ? merged
      : direction === 'forward'
        ? merged.slice(0, req.count)
        : merged.slice(merged.length - req.count)

  const firstLast = new Map<number, { first: string; last: string }>()
  for (const r of kept) {
    const fl = firstLast.get(r.partition)
    if (!fl) firstLast.set(r.partition, { first: r.offset, last: r.offset })
    else fl.last = r.offset
  }
  const partitions: PartitionShown[] = reads.map(({ range, bounds }) => ({
    range,
    bounds,
    ...firstLast.get(range.partition),
  }))
  const next = nextPositions(partitions)
  const previous = previousPositions(partitions)
  return {
    records: kept,
    partitions,
    notes,
    next,
    previous,
    hasNext: hasNext(partitions, next),
    hasPrevious: hasPrevious(partitions, previous),
    order: req.order,
    direction,
    timestampProbes: probes,
  }
}
