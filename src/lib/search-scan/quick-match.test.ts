import { describe, expect, it } from 'vitest'
import { quickMatcher, type QuickMatch } from './quick-match.ts'
import { decodeScanRecord } from './scan-record.ts'
import { orders, scanRecord } from './test-fixtures.ts'

const all = orders().map(decodeScanRecord)
const count = (q: QuickMatch) => {
  const m = quickMatcher(q)
  return m ? all.filter(m).length : all.length
}

describe('quickMatcher', () => {
  it('matches contains, not contains and equals on the key', () => {
    expect(count({ field: 'key', op: 'contains', text: 'ORDER-1' })).toBe(11) // 1, 10–19
    expect(count({ field: 'key', op: 'not-contains', text: 'order-1' })).toBe(89)
    expect(count({ field: 'key', op: 'equals', text: 'order-42' })).toBe(1)
    expect(count({ field: 'key', op: 'equals', text: 'ORDER-42' })).toBe(0) // equals is exact
  })

  it('matches the value bytes', () => {
    expect(count({ field: 'value', op: 'contains', text: '"name":"ann"' })).toBe(10)
  })

  it('matches header names and header values', () => {
    expect(count({ field: 'header-name', op: 'equals', text: 'trace-id' })).toBe(4)
    expect(count({ field: 'header-value', op: 'equals', text: 'created' })).toBe(25)
    expect(count({ field: 'header-value', op: 'not-contains', text: 'created' })).toBe(75)
  })

  it('treats an empty text as no quick match, and a null key as not containing anything', () => {
    expect(quickMatcher({ field: 'key', op: 'contains', text: '' })).toBeNull()
    const m = quickMatcher({ field: 'key', op: 'contains', text: 'a' })!
    expect(m(decodeScanRecord(scanRecord(0, 0, null, 'a')))).toBe(false)
  })
})
