/**
 * "Start at time T" without a timestamp seek: a binary search over offsets, reading one record per step
 * (about log2(messages) reads). Like Kafka's own offsetsForTimes it finds the first offset whose record has a
 * timestamp at or after T, assuming timestamps grow with offsets; where producers set timestamps that go
 * backwards, it finds a boundary, not necessarily the first such record.
 */
import type { PartitionBounds } from './offset-window.ts'

/** The first record at or after `offset` (its offset may be larger: compaction leaves gaps), or null if none. */
export type TimestampProbe = (offset: string) => Promise<{ offset: string; timestamp?: number } | null>

export interface TimestampSearchResult {
  /** Where to start reading: the first offset with a timestamp ≥ target, or the end offset if there is none. */
  offset: string
  /** Records read to find it. */
  probes: number
}

export class MissingTimestampError extends Error {
  constructor(offset: string) {
    super(`The message at offset ${offset} has no timestamp, so it cannot be found by time.`)
    this.name = 'MissingTimestampError'
  }
}

export async function findOffsetForTimestamp(
  probe: TimestampProbe,
  bounds: PartitionBounds,
  targetMs: number,
): Promise<TimestampSearchResult> {
  let lo = BigInt(bounds.beginning)
  let hi = BigInt(bounds.end)
  let probes = 0
  // Invariant: every record before `lo` is older than the target; the answer is at or before `hi`.
  while (lo < hi) {
    const mid = lo + (hi - lo) / 2n
    const found = await probe(mid.toString())
    probes++
    if (found === null) {
      hi = mid // nothing in [mid, end)
      continue
    }
    const ts = found.timestamp
    if (ts === undefined || ts < 0) throw new MissingTimestampError(found.offset)
    const at = BigInt(found.offset)
    if (ts >= targetMs) hi = mid < at ? mid : at
    else lo = at + 1n
  }
  return { offset: lo.toString(), probes }
}
