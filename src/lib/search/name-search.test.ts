import { describe, expect, it } from 'vitest'
import { matchAt, matchCount, searchNames, startNameSearch, stepNameSearch } from './name-search.ts'

const names = ['orders', 'Payments', 'audit.Orders', 'clicks', 'ORDERS-dlq']

describe('name search', () => {
  it('matches substrings case-insensitively, in list order; an empty query is everything', () => {
    expect(searchNames(names, 'order')).toEqual([0, 2, 4])
    expect(searchNames(names, '  PAY ')).toEqual([1])
    expect(searchNames(names, 'nope')).toEqual([])
    expect(searchNames(names, '')).toBeNull()
    const all = startNameSearch(names, ' ')
    expect(all.done).toBe(true)
    expect(matchCount(all)).toBe(5)
    expect(matchAt(all, 3)).toBe(3)
  })

  it('stops when its time budget is spent and resumes where it stopped', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `t${i}`)
    let clock = 0
    // Each reading of the clock advances it by 1 ms: a 1 ms budget allows one chunk of 2,048 names.
    const now = () => clock++
    const s = startNameSearch(many, 't99')
    expect(stepNameSearch(s, 1, now)).toBe(false)
    expect(s.position).toBe(2048)
    let slices = 1
    while (!stepNameSearch(s, 1, now)) slices++
    expect(slices).toBe(4)
    expect(s.matches).toEqual(searchNames(many, 't99'))
    expect(matchCount(s)).toBe(111)
  })

  it('narrows a finished search when the query only grows', () => {
    const first = startNameSearch(names, 'or')
    stepNameSearch(first, Infinity)
    const next = startNameSearch(names, 'ord', first)
    expect(next.within).toEqual([0, 2, 4])
    stepNameSearch(next, Infinity)
    expect(next.matches).toEqual([0, 2, 4])
    // A different query, or an unfinished one, starts over.
    expect(startNameSearch(names, 'pay', first).within).toBeNull()
    expect(startNameSearch(names, 'ord', startNameSearch(names, 'or')).within).toBeNull()
  })
})
