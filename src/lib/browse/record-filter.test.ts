import { describe, expect, it } from 'vitest'
import { filterRecords, indexOfFolded, recordMatcher } from './record-filter.ts'
import { record } from './test-records.ts'

const enc = (s: string) => new TextEncoder().encode(s)

describe('quick filter', () => {
  const withKey = { ...record(0, 1, 1, '{"status":"PAID"}'), key: enc('customer-7') }
  const withHeaders = {
    ...record(0, 2, 1, 'plain'),
    headers: [
      { name: 'Trace-Id', value: enc('abc123') },
      { name: 'retry', value: null },
    ],
  }
  const binary = { ...record(0, 3, 1), value: new Uint8Array([0xff, 0x00, 0xc3, 0xa9, 0x41]) }

  it('matches key, value, header names and header values, ASCII case-insensitively', () => {
    const all = [withKey, withHeaders, binary]
    expect(filterRecords(all, 'CUSTOMER-7')).toEqual([withKey])
    expect(filterRecords(all, 'paid')).toEqual([withKey])
    expect(filterRecords(all, 'trace-id')).toEqual([withHeaders])
    expect(filterRecords(all, 'ABC1')).toEqual([withHeaders])
    expect(filterRecords(all, 'RETRY')).toEqual([withHeaders])
    expect(filterRecords(all, '')).toBe(all)
    expect(filterRecords(all, 'nothing')).toEqual([])
  })

  it('finds UTF-8 text inside binary values exactly', () => {
    expect(recordMatcher('éa')!(binary)).toBe(true)
    expect(recordMatcher('ÉA')!(binary)).toBe(false) // only ASCII letters fold
  })

  it('searches bytes', () => {
    expect(indexOfFolded(enc('Hello World'), enc('world'))).toBe(6)
    expect(indexOfFolded(enc('ab'), enc('abc'))).toBe(-1)
    expect(indexOfFolded(enc(''), enc(''))).toBe(0)
  })

  it('tolerates null keys, values and missing headers', () => {
    const tombstone = { ...record(0, 4), key: null, value: null }
    expect(recordMatcher('x')!(tombstone)).toBe(false)
  })
})
