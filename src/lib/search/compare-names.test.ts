import { describe, expect, it } from 'vitest'
import { compareNames } from './compare-names.ts'

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
