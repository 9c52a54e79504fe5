import { describe, expect, it } from 'vitest'
import { compareNames, sortByName } from './compare-names.ts'

describe('compareNames', () => {
  it('orders by code units: digits, upper case, lower case', () => {
    expect(['b', 'a-2', 'B', 'a.1', '_x', '10', '9'].sort(compareNames)).toEqual([
      '10',
      '9',
      'B',
      '_x',
      'a-2',
      'a.1',
      'b',
    ])
    expect(compareNames('same', 'same')).toBe(0)
  })
})

describe('sortByName', () => {
  it('sorts a list out of order, and leaves one in order as it is (same array)', () => {
    const shuffled = [{ name: 'b' }, { name: 'a' }, { name: 'B' }]
    expect(sortByName(shuffled).map((t) => t.name)).toEqual(['B', 'a', 'b'])
    const sorted = [{ name: 'A' }, { name: 'a' }, { name: 'b' }]
    expect(sortByName(sorted)).toBe(sorted)
    expect(sorted.map((t) => t.name)).toEqual(['A', 'a', 'b'])
    const lastOut = [{ name: 'a' }, { name: 'c' }, { name: 'b' }]
    expect(sortByName(lastOut).map((t) => t.name)).toEqual(['a', 'b', 'c'])
  })
})
