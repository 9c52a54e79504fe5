import { describe, expect, it } from 'vitest'
import { skewThreshold, skewedFlags } from './partition-skew.ts'

describe('partition skew', () => {
  it('marks partitions over twice the median (odd count)', () => {
    expect(skewedFlags([10n, 12n, 25n])).toEqual([false, false, true])
    expect(skewedFlags([10n, 12n, 24n])).toEqual([false, false, false])
  })

  it('uses the mean of the middle two for an even count', () => {
    // median 11: over 22 is skewed
    expect(skewThreshold([10n, 12n, 5n, 40n])).toBe(22n)
    expect(skewedFlags([10n, 12n, 5n, 40n])).toEqual([false, false, false, true])
  })

  it('stays exact beyond 2^53', () => {
    const big = 9007199254740993n
    expect(skewedFlags([big, big, 2n * big + 1n])).toEqual([false, false, true])
  })

  it('handles nothing and balanced topics', () => {
    expect(skewedFlags([])).toEqual([])
    expect(skewedFlags([0n, 0n, 0n])).toEqual([false, false, false])
  })
})
