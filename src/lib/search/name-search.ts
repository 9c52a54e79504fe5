/**
 * Case-insensitive substring search over a very long list of names (1,000,000 topic names), done in slices so
 * the caller can yield to the browser between them. Pure: the caller decides when to run the next slice.
 */

/** Lowercased names, filled lazily and kept per list (`toLowerCase` returns the same string when unchanged). */
const lowered = new WeakMap<readonly string[], string[]>()

function lowerOf(items: readonly string[]): string[] {
  let l = lowered.get(items)
  if (!l) {
    l = new Array<string>(items.length)
    lowered.set(items, l)
  }
  return l
}

export interface NameSearch {
  readonly items: readonly string[]
  /** The trimmed, lowercased query; '' matches everything. */
  readonly query: string
  /** Indices into `items` of the matches found so far, in list order. Null = every item (empty query). */
  readonly matches: number[] | null
  /** Where the scan continues (an index into `items`, or into `within` when narrowing). */
  position: number
  /** When narrowing a finished search (the query grew), only its matches are scanned. */
  readonly within: readonly number[] | null
  done: boolean
}

export function normalizeQuery(query: string): string {
  return query.trim().toLowerCase()
}

/** Starts a search; reuses `previous` when the new query only extends it (typing one more letter). */
export function startNameSearch(
  items: readonly string[],
  query: string,
  previous?: NameSearch | null,
): NameSearch {
  const q = normalizeQuery(query)
  if (q === '') return { items, query: q, matches: null, position: items.length, within: null, done: true }
  const narrow =
    previous && previous.items === items && previous.done && previous.matches && q.includes(previous.query)
      ? previous.matches
      : null
  return { items, query: q, matches: [], position: 0, within: narrow, done: false }
}

/** Scans until `budgetMs` has passed (checked every 2,048 names). Returns true when the search is complete. */
export function stepNameSearch(
  s: NameSearch,
  budgetMs: number,
  now: () => number = () => performance.now(),
): boolean {
  if (s.done || s.matches === null) return (s.done = true)
  const deadline = now() + budgetMs
  const lower = lowerOf(s.items)
  const end = s.within ? s.within.length : s.items.length
  const q = s.query
  let i = s.position
  while (i < end) {
    const stop = Math.min(end, i + 2048)
    for (; i < stop; i++) {
      const k = s.within ? s.within[i] : i
      const name = (lower[k] ??= String(s.items[k]).toLowerCase())
      if (name.includes(q)) s.matches.push(k)
    }
    if (now() >= deadline) break
  }
  s.position = i
  s.done = i >= end
  return s.done
}

/** Runs a search to the end at once (tests, short lists). */
export function searchNames(items: readonly string[], query: string): number[] | null {
  const s = startNameSearch(items, query)
  stepNameSearch(s, Infinity)
  return s.matches
}

/** Number of matches, and the item index of the k-th match. */
export function matchCount(s: NameSearch): number {
  return s.matches === null ? s.items.length : s.matches.length
}

export function matchAt(s: NameSearch, k: number): number {
  return s.matches === null ? k : s.matches[k]
}
