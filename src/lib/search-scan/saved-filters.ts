/**
 * Saved Filter expressions, in localStorage (they are the user's own text; never a secret, never connection
 * data). Bounded: at most MAX_SAVED, each name and expression capped; a corrupt entry is ignored, not fatal.
 */
export interface SavedFilter {
  name: string
  expression: string
}

export const SAVED_FILTERS_KEY = 'krc.search.savedFilters'
export const MAX_SAVED = 50

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>

function storage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

export function loadSavedFilters(store: StorageLike | null = storage()): SavedFilter[] {
  try {
    const raw: unknown = JSON.parse(store?.getItem(SAVED_FILTERS_KEY) ?? '[]')
    if (!Array.isArray(raw)) return []
    return raw
      .filter(
        (f): f is SavedFilter =>
          typeof f === 'object' &&
          f !== null &&
          typeof f.name === 'string' &&
          typeof f.expression === 'string',
      )
      .slice(0, MAX_SAVED)
      .map((f) => ({ name: f.name.slice(0, 100), expression: f.expression.slice(0, 10_000) }))
  } catch {
    return []
  }
}

/** Adds or replaces (by name) and stores; returns the new list. */
export function saveFilter(filter: SavedFilter, store: StorageLike | null = storage()): SavedFilter[] {
  const name = filter.name.trim().slice(0, 100)
  const list = [
    { name, expression: filter.expression.slice(0, 10_000) },
    ...loadSavedFilters(store).filter((f) => f.name !== name),
  ].slice(0, MAX_SAVED)
  try {
    store?.setItem(SAVED_FILTERS_KEY, JSON.stringify(list))
  } catch {
    // Storage full or disabled: the list still works for this page.
  }
  return list
}

export function deleteSavedFilter(name: string, store: StorageLike | null = storage()): SavedFilter[] {
  const list = loadSavedFilters(store).filter((f) => f.name !== name)
  try {
    store?.setItem(SAVED_FILTERS_KEY, JSON.stringify(list))
  } catch {
    // as above
  }
  return list
}
