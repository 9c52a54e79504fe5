/**
 * Reads a topic's partitions page by page through the client's browse path and hands each page to the filter
 * (a worker). Pure apart from the injected source and filter. Everything is bounded: pages of `pageSize`
 * records, one page read ahead per partition, `concurrency` partitions at once, a match limit and a
 * bytes-scanned limit; the signal (Stop) ends it at any point, and the adapter deletes its consumer instances.
 */
import type { PartitionReader } from '../../api/kafka-rest-client.ts'
import type { FetchRequest, FetchResult, PartitionOffsets } from '../../api/types.ts'
import { mapLimit } from '../browse/load-window.ts'
import { boundsProblem } from '../browse/offset-window.ts'
import { findOffsetForTimestamp } from '../browse/timestamp-search.ts'
import type { EvalFailure } from './cel-filter.ts'
import type { BatchResult } from './scan-filter.ts'
import { toScanRecord, type MatchedRecord, type ScanRecord } from './scan-record.ts'

export interface ScanSource {
  readonly capabilities: { readonly browse: { readonly offsets: boolean } | null }
  getPartitionOffsets(topic: string, partition: number, signal?: AbortSignal): Promise<PartitionOffsets>
  fetchRecords(request: FetchRequest): Promise<FetchResult>
  /** Where present (v2 consumers), one reader per partition keeps one consumer instance for the whole scan. */
  openPartitionReader?(topic: string, partition: number): PartitionReader
}

/** Filters one page; `maxMatches` is what is left under the match limit. */
export type PageFilter = (records: ScanRecord[], maxMatches: number) => Promise<BatchResult>

export type ScanRange =
  | { kind: 'all' }
  /** Offsets, both inclusive; either may be missing (beginning / end). */
  | { kind: 'offsets'; from?: string; to?: string }
  /** Record timestamps in ms since the epoch: from inclusive, to inclusive. */
  | { kind: 'time'; fromMs?: number; toMs?: number }

export interface ScanRequest {
  topic: string
  partitions: number[]
  range: ScanRange
  maxMatches: number
  maxBytes: number
  pageSize?: number
  /** Bytes one poll should bring at most (see FetchRequest.maxBytes). */
  pollBytes?: number
  concurrency?: number
}

export interface PartitionProgress {
  partition: number
  /** First and end (exclusive) offsets of the range; end is undefined when the API gives no bounds. */
  from: string
  end?: string
  /** Where the next page starts. */
  next: string
  scanned: number
  /** Offsets in the range (end − from), when known. */
  total?: number
  state: 'waiting' | 'reading' | 'done' | 'stopped' | 'failed'
  note?: string
}

export type ScanEnd = 'done' | 'match-limit' | 'byte-limit' | 'stopped' | 'failed'

export interface ScanSummary {
  end: ScanEnd
  scanned: number
  bytes: number
  matches: number
  evalErrors: number
  /** The first record the expression failed on, and why. */
  firstEvalError?: EvalFailure
  /** One sentence each: failures and notes of partitions. */
  notes: string[]
}

export interface ScanCallbacks {
  onMatches?: (matches: MatchedRecord[]) => void
  onProgress?: (partitions: PartitionProgress[], totals: { scanned: number; bytes: number }) => void
}

export const DEFAULT_PAGE_SIZE = 2000
/** About 0.7 MB of JSON per poll answer: parsed on the page in a short task. */
export const DEFAULT_POLL_BYTES = 512 * 1024

class LimitReached extends Error {}

export async function runScan(
  source: ScanSource,
  filter: PageFilter,
  req: ScanRequest,
  callbacks: ScanCallbacks = {},
  signal?: AbortSignal,
): Promise<ScanSummary> {
  const pageSize = req.pageSize ?? DEFAULT_PAGE_SIZE
  const progress = new Map<number, PartitionProgress>(
    req.partitions.map((p) => [p, { partition: p, from: '0', next: '0', scanned: 0, state: 'waiting' }]),
  )
  let scanned = 0
  let bytes = 0
  let matches = 0
  let evalErrors = 0
  let firstEvalError: EvalFailure | undefined
  let end: ScanEnd | null = null
  const notes: string[] = []
  // Internal stop for limits; the caller's signal stops everything too.
  const inner = new AbortController()
  const onOuterAbort = () => inner.abort(signal?.reason)
  signal?.addEventListener('abort', onOuterAbort, { once: true })
  const stopSignal = inner.signal
  const report = () =>
    callbacks.onProgress?.(
      [...progress.values()].map((p) => ({ ...p })),
      { scanned, bytes },
    )

  const withBounds = !!source.capabilities.browse?.offsets

  const resolveRange = async (partition: number): Promise<{ from: bigint; until?: bigint }> => {
    if (!withBounds) {
      if (req.range.kind === 'time')
        throw new Error('Searching by time needs partition offsets, which this API does not give.')
      const from = req.range.kind === 'offsets' && req.range.from ? BigInt(req.range.from) : 0n
      const to = req.range.kind === 'offsets' && req.range.to ? BigInt(req.range.to) + 1n : undefined
      return { from, until: to }
    }
    const bounds = await source.getPartitionOffsets(req.topic, partition, stopSignal)
    const bad = boundsProblem(partition, bounds)
    if (bad) throw new Error(bad)
    const lo = BigInt(bounds.beginning)
    const hi = BigInt(bounds.end)
    const clamp = (v: bigint) => (v < lo ? lo : v > hi ? hi : v)
    const range = req.range
    if (range.kind === 'all') return { from: lo, until: hi }
    if (range.kind === 'offsets') {
      const from = range.from ? clamp(BigInt(range.from)) : lo
      const until = range.to !== undefined && range.to !== '' ? clamp(BigInt(range.to) + 1n) : hi
      return { from, until: until < from ? from : until }
    }
    const probe = async (offset: string) => {
      const r = await source.fetchRecords({
        topic: req.topic,
        partition,
        offset,
        count: 1,
        endOffset: bounds.end,
        signal: stopSignal,
      })
      return r.records[0] ?? null
    }
    const from =
      range.fromMs !== undefined
        ? BigInt((await findOffsetForTimestamp(probe, bounds, range.fromMs)).offset)
        : lo
    const until =
      range.toMs !== undefined
        ? BigInt((await findOffsetForTimestamp(probe, bounds, range.toMs + 1)).offset)
        : hi
    return { from, until: until < from ? from : until }
  }

  const scanPartition = async (partition: number) => {
    const p = progress.get(partition)!
    if (stopSignal.aborted) return
    let reader: PartitionReader | undefined
    try {
      p.state = 'reading'
      const { from, until } = await resolveRange(partition)
      p.from = from.toString()
      p.next = p.from
      p.end = until?.toString()
      p.total = until === undefined ? undefined : Number(until - from)
      report()
      reader = source.openPartitionReader?.(req.topic, partition)
      const read = (r: FetchRequest) => (reader ? reader.fetch(r) : source.fetchRecords(r))
      const fetchPage = async (offset: bigint) => {
        const count =
          until === undefined
            ? pageSize
            : Number(until - offset < BigInt(pageSize) ? until - offset : BigInt(pageSize))
        const ask = (maxBytes?: number) =>
          read({
            topic: req.topic,
            partition,
            offset: offset.toString(),
            count,
            endOffset: until?.toString(),
            signal: stopSignal,
            maxBytes,
          })
        const page = await ask(req.pollBytes ?? DEFAULT_POLL_BYTES)
        // A record larger than the poll limit is never returned (Kafka's max_bytes): ask once more without it.
        return page.records.length === 0 && page.note ? ask(undefined) : page
      }
      let next = from
      if (until !== undefined && next >= until) {
        p.state = 'done'
        return
      }
      // One page read ahead while the worker filters the previous one.
      let pending: Promise<FetchResult> | null = fetchPage(next)
      while (pending) {
        const page: FetchResult = await pending
        pending = null
        const nextOffset = BigInt(page.nextOffset)
        const more =
          page.records.length > 0 && nextOffset > next && (until === undefined || nextOffset < until)
        if (page.note) p.note = page.note
        if (more && !stopSignal.aborted) pending = fetchPage(nextOffset)
        // A page the read-ahead left unused must not be an unhandled rejection.
        pending?.catch(() => undefined)
        if (page.records.length > 0) {
          const left = req.maxMatches - matches
          if (left <= 0) throw new LimitReached()
          const result = await filter(page.records.map(toScanRecord), left)
          if (stopSignal.aborted && end === null) throw stopSignal.reason ?? new Error('Stopped')
          const taken = result.matches.slice(0, Math.max(0, req.maxMatches - matches))
          matches += taken.length
          scanned += result.scanned
          bytes += result.bytes
          evalErrors += result.evalErrors
          firstEvalError ??= result.firstEvalError
          p.scanned += result.scanned
          // Where the scan got to: the last offset looked at + 1 (a batch cut short by the limit ends early).
          const lastLooked = page.records[result.scanned - 1]
          next = lastLooked ? BigInt(lastLooked.offset) + 1n : nextOffset
          p.next = next.toString()
          if (taken.length > 0) callbacks.onMatches?.(taken)
          report()
          if (matches >= req.maxMatches) {
            end ??= 'match-limit'
            throw new LimitReached()
          }
          if (bytes >= req.maxBytes) {
            end ??= 'byte-limit'
            throw new LimitReached()
          }
          next = nextOffset
          p.next = next.toString()
        }
        if (!more) break
      }
      p.state = 'done'
      if (p.note) notes.push(`Partition ${partition}: ${p.note}`)
    } catch (e) {
      if (e instanceof LimitReached || stopSignal.aborted) {
        p.state = 'stopped'
        inner.abort(new LimitReached())
        return
      }
      p.state = 'failed'
      p.note = e instanceof Error ? e.message : String(e)
      notes.push(`Partition ${partition}: ${p.note}`)
    } finally {
      // Deletes the partition's consumer instance (at the end, at a limit, on Stop or after a failure).
      await reader?.close()
      report()
    }
  }

  try {
    await mapLimit(req.partitions, req.concurrency ?? 2, scanPartition)
  } finally {
    signal?.removeEventListener('abort', onOuterAbort)
  }
  if (end === null) {
    if (signal?.aborted) end = 'stopped'
    else if ([...progress.values()].every((p) => p.state === 'failed') && progress.size > 0) end = 'failed'
    else end = 'done'
  }
  return { end, scanned, bytes, matches, evalErrors, notes, ...(firstEvalError ? { firstEvalError } : {}) }
}
