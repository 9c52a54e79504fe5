import { describe, expect, it } from 'vitest'
import { deleteSavedFilter, loadSavedFilters, saveFilter, SAVED_FILTERS_KEY } from './saved-filters.ts'

function memory() {
  const m = new Map<string, string>()
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) }
}

describe('saved filters', () => {
  it('saves, replaces by name and deletes', () => {
    const s = memory()
    saveFilter({ name: 'big', expression: 'size > 1000' }, s)
    saveFilter({ name: 'ann', expression: 'value.name == "Ann"' }, s)
    expect(saveFilter({ name: 'big', expression: 'size > 2000' }, s)).toEqual([
      { name: 'big', expression: 'size > 2000' },
      { name: 'ann', expression: 'value.name == "Ann"' },
    ])
    expect(deleteSavedFilter('big', s)).toEqual([{ name: 'ann', expression: 'value.name == "Ann"' }])
  })

  it('ignores corrupt storage', () => {
    const s = memory()
    s.setItem(SAVED_FILTERS_KEY, '{not json')
    expect(loadSavedFilters(s)).toEqual([])
    s.setItem(SAVED_FILTERS_KEY, '[1,{"name":"x","expression":"true"}]')
    expect(loadSavedFilters(s)).toEqual([{ name: 'x', expression: 'true' }])
  })
})
