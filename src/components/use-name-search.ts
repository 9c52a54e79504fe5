import { useEffect, useRef, useState } from 'react'
import { startNameSearch, stepNameSearch, type NameSearch } from '../lib/search/name-search.ts'

/** Work per slice: well under a frame, so typing and scrolling stay responsive while 1,000,000 names are scanned. */
const SLICE_MS = 8

/**
 * Filters `items` by `query` in time slices. Until a search completes, the previous result stays on screen
 * (`pending` is true), so a keystroke never blocks on a long list.
 */
export function useNameSearch(
  items: readonly string[],
  query: string,
): { search: NameSearch; pending: boolean } {
  const [state, setState] = useState(() => ({ search: startNameSearch(items, ''), pending: false }))
  const last = useRef<NameSearch | null>(null)
  useEffect(() => {
    const s = startNameSearch(items, query, last.current)
    let timer: ReturnType<typeof setTimeout> | undefined
    const run = () => {
      if (stepNameSearch(s, SLICE_MS)) {
        last.current = s
        setState({ search: s, pending: false })
      } else {
        setState((old) => (old.pending ? old : { ...old, pending: true }))
        timer = setTimeout(run, 0)
      }
    }
    run()
    return () => clearTimeout(timer)
  }, [items, query])
  return state
}
