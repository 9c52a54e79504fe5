import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  backwardRange,
  boundsProblem,
  offsetProblem,
  clampCount,
  formatPositions,
  forwardRange,
  hasNext,
  hasPrevious,
  messageCount,
  nextPositions,
  offsetSpan,
  parsePositions,
  previousPositions,
  samePosition,
} from './offset-window.ts'

const bounds = { beginning: '10', end: '120' }

describe('forwardRange', () => {
  it('reads from an offset inside the log up to the end offset', () => {
    expect(forwardRange(0, '50', 20, bounds)).toEqual({
      partition: 0,
      direction: 'forward',
      from: '50',
      until: '120',
      count: 20,
    })
  })
  it('clamps an offset before the beginning and says why', () => {
    const r = forwardRange(2, '3', 20, bounds)
    expect(r.from).toBe('10')
    expect(r.note).toMatch(/Offset 3 is before the beginning of partition 2 \(beginning offset 10/)
  })
  it('shows the last window for an offset past the end of one partition', () => {
    const r = forwardRange(0, '1000', 50, bounds)
    expect(r).toMatchObject({ from: '70', until: '120' })
    expect(r.note).toMatch(
      /past the end of partition 0 \(end offset 120.*showing the last 50 messages instead/,
    )
    expect(forwardRange(0, '1000', 500, bounds).from).toBe('10')
  })
  it('reads nothing past the end when All partitions share one offset', () => {
    const r = forwardRange(1, '1000', 50, bounds, { pastEnd: 'empty' })
    expect(r).toMatchObject({ from: '120', until: '120' })
  })
  it('reads nothing (without a note) at exactly the end offset', () => {
    expect(forwardRange(0, '120', 5, bounds)).toEqual({
      partition: 0,
      direction: 'forward',
      from: '120',
      until: '120',
      count: 5,
    })
  })
  it('keeps int64 offsets exact', () => {
    const huge = { beginning: '9223372036854775000', end: '9223372036854775807' }
    expect(forwardRange(0, '9223372036854775800', 10, huge).from).toBe('9223372036854775800')
    expect(forwardRange(0, '9223372036854775807', 10, huge).from).toBe('9223372036854775807')
  })
  it('without bounds reads from the position as given', () => {
    expect(forwardRange(0, '7', 5, undefined)).toEqual({
      partition: 0,
      direction: 'forward',
      from: '7',
      count: 5,
    })
  })
})

describe('backwardRange', () => {
  it('reads the count before the end (exclusive)', () => {
    expect(backwardRange(0, '120', 50, bounds)).toMatchObject({
      direction: 'backward',
      from: '70',
      until: '120',
    })
  })
  it('stops at the beginning', () => {
    expect(backwardRange(0, '30', 50, bounds)).toMatchObject({ from: '10', until: '30' })
    expect(backwardRange(0, '10', 50, bounds)).toMatchObject({ from: '10', until: '10' })
  })
  it('clamps an end past the log end, with a note', () => {
    const r = backwardRange(3, '500', 5, bounds)
    expect(r).toMatchObject({ from: '115', until: '120' })
    expect(r.note).toMatch(/past the end of partition 3/)
  })
  it('clamps an end before the beginning, with a note', () => {
    const r = backwardRange(0, '2', 5, bounds)
    expect(r).toMatchObject({ from: '10', until: '10' })
    expect(r.note).toMatch(/before the beginning/)
  })
})

describe('neighbouring windows', () => {
  const fwd = forwardRange(0, '50', 10, bounds)
  it('next continues after the last shown record, previous ends before the first', () => {
    const shown = [{ range: fwd, first: '50', last: '59', bounds }]
    expect(nextPositions(shown).get(0)).toBe('60')
    expect(previousPositions(shown).get(0)).toBe('50')
    expect(hasNext(shown, nextPositions(shown))).toBe(true)
    expect(hasPrevious(shown, previousPositions(shown))).toBe(true)
  })
  it('a partition with nothing shown stays where it was', () => {
    const back = backwardRange(1, '120', 10, bounds)
    const shown = [
      { range: fwd, bounds },
      { range: back, bounds },
    ]
    expect(nextPositions(shown)).toEqual(
      new Map([
        [0, '50'],
        [1, '120'],
      ]),
    )
    expect(previousPositions(shown)).toEqual(
      new Map([
        [0, '50'],
        [1, '120'],
      ]),
    )
  })
  it('knows when there is nothing before or after', () => {
    const first = [{ range: forwardRange(0, '10', 10, bounds), first: '10', last: '19', bounds }]
    expect(hasPrevious(first, previousPositions(first))).toBe(false)
    const last = [{ range: forwardRange(0, '110', 10, bounds), first: '110', last: '119', bounds }]
    expect(hasNext(last, nextPositions(last))).toBe(false)
  })
})

describe('positions in the URL', () => {
  it('round-trips and drops junk', () => {
    const p = parsePositions('2:40,0:12,x:1,1:007')
    expect(p).toEqual(
      new Map([
        [2, '40'],
        [0, '12'],
        [1, '7'],
      ]),
    )
    expect(formatPositions(p)).toBe('0:12,1:7,2:40')
    expect(parsePositions(null).size).toBe(0)
  })
  it('finds one shared position', () => {
    expect(
      samePosition(
        new Map([
          [0, '5'],
          [1, '5'],
        ]),
      ),
    ).toBe('5')
    expect(
      samePosition(
        new Map([
          [0, '5'],
          [1, '6'],
        ]),
      ),
    ).toBeNull()
  })
})

describe('counts', () => {
  it('clamps the count to 1..100,000', () => {
    expect(clampCount(0)).toBe(1)
    expect(clampCount(50.7)).toBe(50)
    expect(clampCount(1e9)).toBe(100_000)
    expect(clampCount(Number.NaN)).toBe(50)
  })
  it('counts messages between the bounds', () => {
    expect(messageCount(bounds)).toBe('110')
    expect(messageCount(undefined)).toBe('—')
  })
})

describe('int64 offsets', () => {
  it('accepts 0 to 2^63 − 1 as an offset and explains anything else', () => {
    expect(offsetProblem('0')).toBeNull()
    expect(offsetProblem('9223372036854775807')).toBeNull()
    expect(offsetProblem('9223372036854775808')).toMatch(/beyond the largest Kafka offset/)
    expect(offsetProblem('-1')).toBe('Offset -1 is negative: Kafka offsets start at 0.')
    expect(offsetProblem('1700000000s')).toMatch(/is not an offset/)
    expect(offsetProblem('2026-11-26')).toMatch(/is not an offset/)
    expect(offsetProblem('')).toMatch(/Enter an offset/)
  })

  it('refuses negative, oversized and inverted bounds', () => {
    expect(boundsProblem(0, { beginning: '0', end: '10' })).toBeNull()
    expect(boundsProblem(0, { beginning: '5', end: '5' })).toBeNull()
    expect(boundsProblem(2, { beginning: '10', end: '3' })).toMatch(/partition 2.*inverted/)
    expect(boundsProblem(0, { beginning: '-1', end: '3' })).toMatch(/never negative/)
    expect(boundsProblem(0, { beginning: '0', end: '9223372036854775808' })).toMatch(/largest/)
  })

  it('drops URL positions beyond int64', () => {
    expect([...parsePositions('0:9223372036854775808,1:5').entries()]).toEqual([[1, '5']])
  })
})

describe('offsetSpan', () => {
  it('finds the smallest and largest offset as BigInt would, canonical or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }), { minLength: 1 }),
        (values) => {
          const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
          const want = { min: sorted[0].toString(), max: sorted.at(-1)!.toString() }
          expect(offsetSpan(values.map(String))).toEqual(want)
        },
      ),
    )
    expect(offsetSpan(['9', '10', '007', '99999'])).toEqual({ min: '7', max: '99999' })
    expect(offsetSpan(['99999', '100000', '0'])).toEqual({ min: '0', max: '100000' })
    expect(offsetSpan([])).toBeNull()
  })
})
