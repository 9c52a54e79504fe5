import { describe, expect, it } from 'vitest'
import { niceMax, shortNumber, ticks } from './chart-scale.ts'

describe('chart scale', () => {
  it('rounds the top of the axis up to 1, 2 or 5 × 10^n', () => {
    expect(niceMax(0)).toBe(1)
    expect(niceMax(7)).toBe(10)
    expect(niceMax(30)).toBe(50)
    expect(niceMax(101)).toBe(200)
    expect(niceMax(Number.NaN)).toBe(1)
  })

  it('spaces ticks evenly from 0', () => {
    expect(ticks(100)).toEqual([0, 25, 50, 75, 100])
  })

  it('shortens labels', () => {
    expect(shortNumber(1200)).toBe('1.2k')
    expect(shortNumber(3_500_000)).toBe('3.5M')
    expect(shortNumber(12.345)).toBe('12.35')
  })
})
