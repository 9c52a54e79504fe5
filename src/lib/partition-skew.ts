/**
 * Partition balance: a partition holding more than twice the median message count is skewed. Exact on bigint
 * counts (a median of an even count is the mean of the middle two, so "over twice it" is "over their sum").
 */
export function skewThreshold(counts: readonly bigint[]): bigint | null {
  if (counts.length === 0) return null
  const sorted = [...counts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? 2n * sorted[mid] : sorted[mid - 1] + sorted[mid]
}

/** For each count, whether it is over twice the median of all of them. */
export function skewedFlags(counts: readonly bigint[]): boolean[] {
  const threshold = skewThreshold(counts)
  return counts.map((c) => threshold !== null && c > threshold)
}
