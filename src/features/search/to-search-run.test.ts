import { describe, expect, it } from 'vitest'
import { EMPTY_FORM } from '../../lib/search-scan/search-link.ts'
import { toSearchRun } from './to-search-run.ts'

const form = { ...EMPTY_FORM, topic: 't' }

describe('toSearchRun', () => {
  it('takes every partition when none is named, and the named ones otherwise', () => {
    expect(toSearchRun(form, '', [0, 1, 2]).run?.partitions).toEqual([0, 1, 2])
    expect(toSearchRun(form, '2, 0,2', [0, 1, 2]).run?.partitions).toEqual([0, 2])
    expect(toSearchRun(form, '5', [0, 1, 2]).errors.partitions).toBe('This topic has partitions 0 to 2.')
    expect(toSearchRun(form, 'x', [0]).errors.partitions).toMatch(/separated by commas/)
  })

  it('builds offset and time ranges and refuses bad ones', () => {
    const offsets = toSearchRun({ ...form, range: 'offsets', fromOffset: '10', toOffset: '' }, '', [0])
    expect(offsets.run?.range).toEqual({ kind: 'offsets', from: '10', to: undefined })
    const time = toSearchRun(
      { ...form, range: 'time', since: '2026-12-01T00:00:00Z', until: '1767225600000' },
      '',
      [0],
    )
    expect(time.run?.range).toEqual({ kind: 'time', fromMs: 1796083200000, toMs: 1767225600000 })
    expect(toSearchRun({ ...form, range: 'time', since: 'soon' }, '', [0]).errors.since).toMatch(
      /ISO instant/,
    )
    expect(toSearchRun({ ...form, range: 'offsets', fromOffset: '-1' }, '', [0]).errors.from).toBeDefined()
  })

  it('passes the quick match only with text, and the limits in bytes', () => {
    const run = toSearchRun(
      { ...form, text: 'abc', op: 'equals', field: 'key', maxMegabytes: 2 },
      '',
      [0],
    ).run
    expect(run?.quick).toEqual({ field: 'key', op: 'equals', text: 'abc' })
    expect(run?.maxBytes).toBe(2 * 1024 * 1024)
    expect(toSearchRun(form, '', [0]).run?.quick).toBeUndefined()
    expect(toSearchRun({ ...form, maxMatches: 0 }, '', [0]).errors.limit).toBeDefined()
  })
})
