import { describe, expect, it } from 'vitest'
import { formatBytesSize } from './format-size.ts'

describe('formatBytesSize', () => {
  it.each([
    [0, '0 B'],
    [1, '1 B'],
    [532, '532 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [1536, '1.5 KB'],
    [1024 * 1024 - 1, '1.0 MB'],
    [1048576, '1.0 MB'],
    [1048588, '1.0 MB'],
    [10.5 * 1024 * 1024, '10.5 MB'],
    [5 * 1024 ** 3, '5.0 GB'],
    [2 ** 53, '8.0 PB'],
    [1024 ** 6, '1024.0 PB'],
  ])('%d bytes → %s', (n, expected) => {
    expect(formatBytesSize(n)).toBe(expected)
  })

  it('refuses nonsense', () => {
    expect([-1, NaN, Infinity].map(formatBytesSize)).toEqual(['—', '—', '—'])
  })
})
