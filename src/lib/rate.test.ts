import { describe, expect, it } from 'vitest'
import { nextRatePoint, pushRate, ratePerSecond } from './rate.ts'

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

  it('samples a progress series: interim points apart, the end always, but no 0/s end after a complete sample', () => {
    const every = { final: false, minMs: 250 }
    const end = { final: true, minMs: 250 }
    expect(nextRatePoint({ at: 0, count: 0 }, { at: 100, count: 50 }, every)).toBeNull()
    expect(nextRatePoint({ at: 0, count: 0 }, { at: 500, count: 50 }, every)).toEqual({
      at: 500,
      perSecond: 100,
    })
    expect(nextRatePoint({ at: 0, count: 0 }, { at: 100, count: 200 }, end)).toEqual({
      at: 100,
      perSecond: 2000,
    })
    expect(nextRatePoint({ at: 500, count: 50 }, { at: 600, count: 200 }, end)).toEqual({
      at: 600,
      perSecond: 1500,
    })
    // The upload's last progress event already counted all 200 records: nothing to add when the answer comes.
    expect(nextRatePoint({ at: 500, count: 200 }, { at: 900, count: 200 }, end)).toBeNull()
  })
})
