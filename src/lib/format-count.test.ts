import { expect, it } from 'vitest'
import { formatCount } from './format-count.ts'

it('groups thousands with commas', () => {
  expect(formatCount(0)).toBe('0')
  expect(formatCount(1_000_000)).toBe('1,000,000')
})
