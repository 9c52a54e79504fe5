import { useCallback, useMemo } from 'react'
import { navigate, parseHash } from '../../lib/router/hash-location.ts'
import { viewFromParams, viewToParams, type BrowseCaps, type BrowseView } from './browse-view.ts'

/**
 * The view held in the URL. `go` pushes a history entry (a new window: Back returns to the previous one);
 * `patch` replaces the current entry (selection, decoder, filter: no history spam while arrowing down a list)
 * and reads the URL at call time, so two quick patches never undo each other.
 */
export function useBrowseView(params: URLSearchParams, caps: BrowseCaps) {
  const query = params.toString()
  const view = useMemo(() => viewFromParams(new URLSearchParams(query), caps), [query, caps])
  const go = useCallback((next: BrowseView) => navigate('/browse', viewToParams(next)), [])
  const patch = useCallback(
    (partial: Partial<BrowseView>) => {
      const current = viewFromParams(parseHash(window.location.hash).params, caps)
      navigate('/browse', viewToParams({ ...current, ...partial }), { replace: true })
    },
    [caps],
  )
  return { view, go, patch }
}
