import { describe, expect, it } from 'vitest'
import { groupDigits } from './group-digits.ts'

describe('groupDigits', () => {
  it('groups thousands like en-US', () => {
    for (const n of [0, 7, 999, 1000, 12345, 1234567, 20971520, -1234, 1234.5]) {
      expect(groupDigits(n)).toBe(n.toLocaleString('en-US', { maximumFractionDigits: 20 }))
    }
  })
})
