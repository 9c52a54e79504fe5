import { useEffect, useMemo, useState } from 'react'
import type { KafkaRecord } from '../../api/types.ts'
import type { DecodedWindow } from '../../lib/browse/decoded-window.ts'
import { recordMatcher } from '../../lib/browse/record-filter.ts'
import { filterInSlices } from '../../lib/browse/sliced-filter.ts'

/** Up to this many records are filtered at once, in render (a few ms); a bigger window is filtered in slices. */
export const FILTER_AT_ONCE = 5000

/** Progress is shown at most this often (each update re-renders the toolbar). */
const PROGRESS_EVERY_MS = 100

export interface QuickFilterState {
  /** The records the list shows: the matches of `query` (all records when it is empty). */
  filtered: KafkaRecord[]
  /** The query `filtered` matches; differs from the asked one while a new scan runs. */
  query: string
  /** While a scan runs: how far it is. */
  scanning: { scanned: number; total: number } | null
}

interface Done {
  records: KafkaRecord[]
  query: string
  decoded: DecodedWindow | undefined
  matches: KafkaRecord[]
}

/**
 * The quick filter over the loaded window. A big window is scanned in slices of a few ms (the page stays
 * responsive) and a new query, window or decoder abandons the scan in progress; until it ends, the previous
 * matches of the same window stay on screen.
 */
export function useQuickFilter(
  records: KafkaRecord[],
  query: string,
  decoded: DecodedWindow | undefined,
): QuickFilterState {
  const sliced = query !== '' && records.length > FILTER_AT_ONCE
  const atOnce = useMemo(() => {
    if (sliced) return null
    const match = recordMatcher(query, decoded)
    return match ? records.filter(match) : records
  }, [sliced, records, query, decoded])

  const [done, setDone] = useState<Done | null>(null)
  const [progress, setProgress] = useState<{ of: Omit<Done, 'matches'>; scanned: number } | null>(null)
  useEffect(() => {
    const match = sliced ? recordMatcher(query, decoded) : null
    if (!match) return
    const of = { records, query, decoded }
    const controller = new AbortController()
    let shownAt = performance.now()
    filterInSlices(records, match, {
      signal: controller.signal,
      onProgress: (scanned) => {
        const now = performance.now()
        if (now - shownAt < PROGRESS_EVERY_MS) return
        shownAt = now
        setProgress({ of, scanned })
      },
    }).then(
      (matches) => setDone({ ...of, matches }),
      () => {
        // Abandoned for a newer query or window: that scan reports instead.
      },
    )
    return () => controller.abort()
  }, [sliced, records, query, decoded])

  if (atOnce) return { filtered: atOnce, query, scanning: null }
  const current = done !== null && done.records === records && done.decoded === decoded
  if (current && done.query === query) return { filtered: done.matches, query, scanning: null }
  const p = progress?.of
  const scanned =
    p && p.records === records && p.query === query && p.decoded === decoded ? progress!.scanned : 0
  return {
    filtered: current ? done.matches : [],
    query: current ? done.query : query,
    scanning: { scanned, total: records.length },
  }
}
