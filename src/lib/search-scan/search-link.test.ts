import { describe, expect, it } from 'vitest'
import { EMPTY_FORM, parseSearchLink, searchLinkParams, type SearchForm } from './search-link.ts'

const toParams = (f: SearchForm, run: boolean) => {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(searchLinkParams(f, run))) if (v !== undefined) p.set(k, v)
  return p
}

describe('search links', () => {
  it('round-trips a search', () => {
    const form: SearchForm = {
      ...EMPTY_FORM,
      topic: 'orders',
      partitions: [0, 2],
      range: 'offsets',
      fromOffset: '10',
      toOffset: '9223372036854775806',
      field: 'header-value',
      op: 'equals',
      text: 'created',
      expression: 'value.id == 1 && key != "x"',
      maxMatches: 20,
    }
    expect(parseSearchLink(toParams(form, true))).toEqual({ form, run: true })
    expect(toParams(EMPTY_FORM, false).toString()).toBe('')
  })

  it('drops malformed values', () => {
    const { form, run } = parseSearchLink(
      new URLSearchParams('partitions=a,1&from=-3&field=evil&limit=0&since=nope&run=1'),
    )
    expect(form).toEqual(EMPTY_FORM)
    expect(run).toBe(false) // no topic: nothing to run
  })
})
