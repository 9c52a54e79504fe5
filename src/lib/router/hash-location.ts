import { useSyncExternalStore } from 'react'

/**
 * Routes live in the URL hash (`#/browse?topic=t&partition=0`): deep links work from any static host without
 * a server fallback, and view state never reaches a server log.
 */
export interface HashLocation {
  path: string
  params: URLSearchParams
}

export function parseHash(hash: string): HashLocation {
  const raw = hash.replace(/^#/, '') || '/'
  const q = raw.indexOf('?')
  const path = (q >= 0 ? raw.slice(0, q) : raw) || '/'
  return {
    path: path.startsWith('/') ? path : `/${path}`,
    params: new URLSearchParams(q >= 0 ? raw.slice(q + 1) : ''),
  }
}

export function buildHash(
  path: string,
  params?: Record<string, string | number | undefined | null> | URLSearchParams,
): string {
  let query = ''
  if (params instanceof URLSearchParams) query = params.toString()
  else if (params) {
    const p = new URLSearchParams()
    for (const [k, v] of Object.entries(params))
      if (v !== undefined && v !== null && v !== '') p.set(k, String(v))
    query = p.toString()
  }
  return `#${path}${query ? `?${query}` : ''}`
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

export function useHashLocation(): HashLocation {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash)
  // Parsing is cheap; memoizing on the string keeps identities stable enough for effects keyed on path.
  return parseHash(hash)
}

export function navigate(
  path: string,
  params?: Parameters<typeof buildHash>[1],
  options: { replace?: boolean } = {},
) {
  const hash = buildHash(path, params)
  if (options.replace) {
    window.history.replaceState(window.history.state, '', hash)
    window.dispatchEvent(new HashChangeEvent('hashchange'))
  } else {
    window.location.hash = hash
  }
}
