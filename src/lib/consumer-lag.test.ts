import { describe, expect, it } from 'vitest'
import { compareOffsets, lagBetween, lagTrend, pushSample, sumLags } from './consumer-lag.ts'

describe('lag arithmetic', () => {
  it('subtracts exactly beyond 2^53', () => {
    expect(lagBetween('9007199254740993', '9007199254740999')).toBe('6')
    expect(lagBetween('0', '9223372036854775807')).toBe('9223372036854775807')
  })

  it('never reports a negative lag (committed past the end)', () => {
    expect(lagBetween('12', '10')).toBe('0')
    expect(lagBetween('10', '10')).toBe('0')
  })

  it('sums without rounding', () => {
    expect(sumLags(['9007199254740993', '1', '1'])).toBe('9007199254740995')
    expect(sumLags([])).toBe('0')
  })

  it('compares by value, not as text', () => {
    expect(['10', '9', '100'].sort(compareOffsets)).toEqual(['9', '10', '100'])
    expect(compareOffsets('9007199254740993', '9007199254740992')).toBe(1)
  })
})

describe('lag samples', () => {
  it('keeps the newest samples only', () => {
    let s = pushSample([], { at: 1, lag: '5' }, 3)
    for (let t = 2; t <= 5; t++) s = pushSample(s, { at: t, lag: String(t) }, 3)
    expect(s.map((x) => x.at)).toEqual([3, 4, 5])
  })

  it('replaces a sample taken at the same time', () => {
    const s = pushSample([{ at: 1, lag: '5' }], { at: 1, lag: '4' }, 10)
    expect(s).toEqual([{ at: 1, lag: '4' }])
  })

  it('tells the trend', () => {
    expect(lagTrend([{ at: 1, lag: '5' }])).toBeNull()
    expect(
      lagTrend([
        { at: 1, lag: '5' },
        { at: 2, lag: '3' },
      ]),
    ).toBe('down')
    expect(
      lagTrend([
        { at: 1, lag: '5' },
        { at: 2, lag: '30' },
      ]),
    ).toBe('up')
  })
})
