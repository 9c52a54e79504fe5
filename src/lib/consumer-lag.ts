/**
 * Lag arithmetic on exact offsets. Offsets are int64 decimal strings from the wire: they are compared and
 * subtracted as bigint, never as Number (which rounds past 2^53).
 */

/** How far a committed offset is behind the end offset; 0 when it is at or past the end (a truncated log). */
export function lagBetween(committed: string, end: string): string {
  const d = BigInt(end) - BigInt(committed)
  return d > 0n ? d.toString() : '0'
}

/** The exact sum of lags. */
export function sumLags(lags: readonly string[]): string {
  let total = 0n
  for (const l of lags) total += BigInt(l)
  return total.toString()
}

/** Orders decimal offset strings by value (for sorting by lag). */
export function compareOffsets(a: string, b: string): number {
  const x = BigInt(a)
  const y = BigInt(b)
  return x < y ? -1 : x > y ? 1 : 0
}

export interface LagSample {
  /** Epoch milliseconds of the answer. */
  at: number
  /** The group's total lag then (exact decimal). */
  lag: string
}

/** Appends a sample, keeping the newest `max` (the chart's bounded buffer); a repeated time replaces the last. */
export function pushSample(samples: readonly LagSample[], sample: LagSample, max: number): LagSample[] {
  const last = samples.at(-1)
  const kept = last !== undefined && last.at === sample.at ? samples.slice(0, -1) : samples
  const out = [...kept, sample]
  return out.length > max ? out.slice(out.length - max) : out
}

/** Whether the lag went down between the two newest samples, went up, or stayed (for the chart's summary). */
export function lagTrend(samples: readonly LagSample[]): 'up' | 'down' | 'flat' | null {
  if (samples.length < 2) return null
  const c = compareOffsets(samples[samples.length - 1].lag, samples[samples.length - 2].lag)
  return c > 0 ? 'up' : c < 0 ? 'down' : 'flat'
}
