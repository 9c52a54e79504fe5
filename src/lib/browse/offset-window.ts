/**
 * Window arithmetic for the message browser: where each partition's read starts and stops, how out-of-range
 * offsets are clamped (with a sentence saying so), and the exact previous/next windows. Offsets are int64, so
 * everything here is bigint; the edges (URL, API) use decimal strings.
 *
 * A window reads each partition either forward from a position (keep the first `count` in merged order) or
 * backward from an exclusive end (keep the last `count`). A single partition is the special case of one list.
 */

/** Where a partition's log starts and ends; `end` is the offset the next record will get. */
export interface PartitionBounds {
  beginning: string
  end: string
}

export type Direction = 'forward' | 'backward'

/** One partition's read: offsets [from, until) — `until` undefined = up to `count` records, no known end. */
export interface PartitionRange {
  partition: number
  direction: Direction
  from: string
  /** Exclusive end: the adapter stops polling there. */
  until?: string
  /** How many records to read at most. */
  count: number
  /** Why the requested position was moved, in words for the UI. */
  note?: string
}

/** Kafka offsets are signed 64-bit integers; a real position is never negative. */
export const INT64_MAX = (1n << 63n) - 1n
export const INT64_MIN = -(1n << 63n)

/**
 * Why `text` is not an offset to read from (a whole number from 0 to 2^63 − 1), or null when it is. Never read
 * as anything else (a time, seconds, a float).
 */
export function offsetProblem(text: string): string | null {
  const s = text.trim()
  if (s === '') return 'Enter an offset, e.g. 0 or 1250.'
  if (/^-\d+$/.test(s)) return `Offset ${s} is negative: Kafka offsets start at 0.`
  if (!/^\d+$/.test(s))
    return `"${s.length > 40 ? `${s.slice(0, 40)}…` : s}" is not an offset: an offset is a whole number, e.g. 0 or 1250.`
  if (BigInt(s) > INT64_MAX)
    return `Offset ${s.length > 40 ? `${s.slice(0, 40)}…` : s} is beyond the largest Kafka offset (2^63 − 1 = ${INT64_MAX}).`
  return null
}

/** Why a partition's reported bounds cannot be used (negative, beyond int64, or beginning after end), or null. */
export function boundsProblem(partition: number, bounds: PartitionBounds): string | null {
  const b = BigInt(bounds.beginning)
  const e = BigInt(bounds.end)
  const which = `The endpoint reported partition ${partition}'s offsets as beginning ${bounds.beginning}, end ${bounds.end}`
  if (b < 0n || e < 0n) return `${which}: offsets are never negative. These bounds cannot be used.`
  if (b > INT64_MAX || e > INT64_MAX)
    return `${which}: beyond the largest Kafka offset (2^63 − 1). These bounds cannot be used.`
  if (b > e) return `${which}: the beginning is after the end (inverted). These bounds cannot be used.`
  return null
}

/** The largest window: 100,000 × 1 KB holds ~140 MB in the page (issue 17's browse bench measures it). */
export const MAX_COUNT = 100_000
export const DEFAULT_COUNT = 50

export function clampCount(n: number): number {
  if (!Number.isFinite(n)) return DEFAULT_COUNT
  return Math.min(MAX_COUNT, Math.max(1, Math.floor(n)))
}

const big = (s: string) => BigInt(s)
const max = (a: bigint, b: bigint) => (a > b ? a : b)
const min = (a: bigint, b: bigint) => (a < b ? a : b)

export interface ForwardOptions {
  /**
   * What to do with a position past the end: show the last `count` messages (one partition, a mistyped offset)
   * or nothing (All partitions with one shared offset, where short partitions are normal).
   */
  pastEnd: 'last-window' | 'empty'
}

/** Forward from `position`, clamped into the log when its bounds are known. */
export function forwardRange(
  partition: number,
  position: string,
  count: number,
  bounds: PartitionBounds | undefined,
  options: ForwardOptions = { pastEnd: 'last-window' },
): PartitionRange {
  const p = big(position)
  if (!bounds) return { partition, direction: 'forward', from: p < 0n ? '0' : position, count }
  const b = big(bounds.beginning)
  const e = big(bounds.end)
  const n = BigInt(count)
  if (p < b) {
    const note =
      `Offset ${position} is before the beginning of partition ${partition} (beginning offset ${bounds.beginning}: ` +
      `older messages were removed by retention); showing from ${bounds.beginning}.`
    return { partition, direction: 'forward', from: bounds.beginning, until: bounds.end, count, note }
  }
  if (p > e) {
    if (options.pastEnd === 'empty') {
      return {
        partition,
        direction: 'forward',
        from: bounds.end,
        until: bounds.end,
        count,
        note: `Offset ${position} is past the end of partition ${partition} (end offset ${bounds.end}).`,
      }
    }
    const from = max(b, e - n).toString()
    const note =
      `Offset ${position} is past the end of partition ${partition} (end offset ${bounds.end}, the offset the ` +
      `next message will get); showing the last ${count === 1 ? 'message' : `${count} messages`} instead.`
    return { partition, direction: 'forward', from, until: bounds.end, count, note }
  }
  return { partition, direction: 'forward', from: position, until: bounds.end, count }
}

/** The `count` messages before `end` (exclusive), clamped into the log when its bounds are known. */
export function backwardRange(
  partition: number,
  end: string,
  count: number,
  bounds: PartitionBounds | undefined,
): PartitionRange {
  let stop = big(end)
  const n = BigInt(count)
  let note: string | undefined
  if (!bounds) {
    const from = max(0n, stop - n)
    return { partition, direction: 'backward', from: from.toString(), until: max(0n, stop).toString(), count }
  }
  const b = big(bounds.beginning)
  const e = big(bounds.end)
  if (stop > e) {
    note = `Offset ${end} is past the end of partition ${partition} (end offset ${bounds.end}); showing the messages before ${bounds.end}.`
    stop = e
  } else if (stop < b) {
    note = `Offset ${end} is before the beginning of partition ${partition} (beginning offset ${bounds.beginning}).`
    stop = b
  }
  const from = max(b, stop - n)
  return { partition, direction: 'backward', from: from.toString(), until: stop.toString(), count, note }
}

/** What a loaded window showed of one partition, for computing the neighbouring windows. */
export interface PartitionShown {
  range: PartitionRange
  /** Offsets of the first and last record of this partition that made it into the window, if any. */
  first?: string
  last?: string
  bounds?: PartitionBounds
}

/** Per-partition positions: a forward window starts there, a backward window ends there (exclusive). */
export type Positions = Map<number, string>

/** The window after this one: each partition continues right after its last shown record. */
export function nextPositions(shown: PartitionShown[]): Positions {
  const out: Positions = new Map()
  for (const s of shown) {
    if (s.last !== undefined) out.set(s.range.partition, (big(s.last) + 1n).toString())
    else
      out.set(
        s.range.partition,
        s.range.direction === 'forward' ? s.range.from : (s.range.until ?? s.range.from),
      )
  }
  return out
}

/** The window before this one (read backward): each partition ends right before its first shown record. */
export function previousPositions(shown: PartitionShown[]): Positions {
  const out: Positions = new Map()
  for (const s of shown) {
    if (s.first !== undefined) out.set(s.range.partition, s.first)
    else
      out.set(
        s.range.partition,
        s.range.direction === 'forward' ? s.range.from : (s.range.until ?? s.range.from),
      )
  }
  return out
}

/** False when every partition's previous window would start at or before its beginning (bounds known). */
export function hasPrevious(shown: PartitionShown[], prev: Positions): boolean {
  return shown.some((s) => {
    const end = prev.get(s.range.partition)
    if (end === undefined) return false
    const beginning = s.bounds ? big(s.bounds.beginning) : 0n
    return big(end) > beginning
  })
}

/** False when every partition's next window starts at its end offset (bounds known); new messages may still come. */
export function hasNext(shown: PartitionShown[], next: Positions): boolean {
  return shown.some((s) => {
    const start = next.get(s.range.partition)
    if (start === undefined) return false
    return !s.bounds || big(start) < big(s.bounds.end)
  })
}

/** Messages in [beginning, end) as a decimal string ("—" for unknown). */
export function messageCount(bounds: PartitionBounds | undefined): string {
  if (!bounds) return '—'
  const n = big(bounds.end) - big(bounds.beginning)
  return (n < 0n ? 0n : n).toString()
}

/** "0:12,1:40" ⇄ Map — per-partition positions in the URL. Invalid entries are dropped. */
export function formatPositions(positions: Positions): string {
  return [...positions.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([p, o]) => `${p}:${o}`)
    .join(',')
}

export function parsePositions(text: string | null | undefined): Positions {
  const out: Positions = new Map()
  if (!text) return out
  for (const part of text.split(',')) {
    const m = /^\s*(\d{1,9}):(\d{1,19})\s*$/.exec(part)
    if (m && BigInt(m[2]) <= INT64_MAX) out.set(Number(m[1]), BigInt(m[2]).toString())
  }
  return out
}

/** All positions equal? Then one `offset` says it all. */
export function samePosition(positions: Positions): string | null {
  const values = new Set(positions.values())
  return values.size === 1 ? [...values][0] : null
}

/** An offset as `BigInt.prototype.toString` writes it: no sign but "-", no leading zero. */
const CANONICAL = /^(?:0|-?[1-9]\d*)$/

/** Orders canonical decimal integers without BigInt: sign, then length, then digits. */
function compareCanonical(a: string, b: string): number {
  const negA = a.charCodeAt(0) === 45
  if (negA !== (b.charCodeAt(0) === 45)) return negA ? -1 : 1
  const c = a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0
  return negA ? -c : c
}

/**
 * Exposed for tests and the UI's "offsets a–b" summary. Offsets as the adapters write them are compared as
 * strings (a 100,000-message window in a few ms, not one BigInt each); anything else goes through BigInt.
 */
export function offsetSpan(offsets: readonly string[]): { min: string; max: string } | null {
  if (offsets.length === 0) return null
  let lo = offsets[0]
  let hi = lo
  for (const o of offsets) {
    if (!CANONICAL.test(o)) return offsetSpanBig(offsets)
    if (compareCanonical(o, lo) < 0) lo = o
    if (compareCanonical(o, hi) > 0) hi = o
  }
  return { min: lo, max: hi }
}

function offsetSpanBig(offsets: readonly string[]): { min: string; max: string } {
  let lo = big(offsets[0])
  let hi = lo
  for (const o of offsets) {
    const v = big(o)
    lo = min(lo, v)
    hi = max(hi, v)
  }
  return { min: lo.toString(), max: hi.toString() }
}
