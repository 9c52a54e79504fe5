import { describe, expect, it } from 'vitest'
import { pushRate, ratePerSecond } from './rate.ts'

describe('rates', () => {
  it('computes records per second over the interval', () => {
    expect(ratePerSecond(0, 1000, 50, 1500)).toBe(100)
    expect(ratePerSecond(10, 0, 10, 1000)).toBe(0)
  })

  it('is 0 for an empty or backwards interval', () => {
    expect(ratePerSecond(0, 1000, 50, 1000)).toBe(0)
    expect(ratePerSecond(0, 2000, 50, 1000)).toBe(0)
  })

  it('keeps the newest points', () => {
    let p: ReturnType<typeof pushRate> = []
    for (let i = 0; i < 5; i++) p = pushRate(p, { at: i, perSecond: i }, 2)
    expect(p.map((x) => x.at)).toEqual([3, 4])
  })
})
