/** Rates over time for the progress and live-tail charts: bounded series of per-second rates. */
export interface RatePoint {
  /** Epoch milliseconds at the end of the interval. */
  at: number
  /** Records per second over the interval. */
  perSecond: number
}

/** Records per second between two counts; 0 for a zero or backwards interval. */
export function ratePerSecond(prevCount: number, prevAt: number, count: number, at: number): number {
  const ms = at - prevAt
  if (ms <= 0) return 0
  return Math.max(0, ((count - prevCount) * 1000) / ms)
}

/** Appends a point and keeps the newest `max`. */
export function pushRate(points: readonly RatePoint[], point: RatePoint, max: number): RatePoint[] {
  const out = [...points, point]
  return out.length > max ? out.slice(out.length - max) : out
}

/** A count sampled at a time (epoch ms). */
export interface CountSample {
  at: number
  count: number
}

/**
 * The next point of a progress series, or null: an interim sample waits `minMs` after the last point; the final
 * one is always taken, unless the last point already counted everything (a fast upload's one progress event
 * does), since a 0/s point at the end would read as a stall that never happened.
 */
export function nextRatePoint(
  last: CountSample,
  now: CountSample,
  { final, minMs }: { final: boolean; minMs: number },
): RatePoint | null {
  if (!final && now.at - last.at < minMs) return null
  if (final && now.count === last.count && last.count > 0) return null
  return { at: now.at, perSecond: ratePerSecond(last.count, last.at, now.count, now.at) }
}
