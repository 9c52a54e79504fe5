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
