/**
 * A line diff of two texts (schema versions), as rows a viewer shows: the longest common subsequence of lines,
 * after the common head and tail are set aside. Bounded: when the differing middle is too large for the table
 * (MAX_CELLS), it is shown as removed-then-added, and `exact` says so.
 */
export type DiffOp = 'same' | 'removed' | 'added'

export interface DiffRow {
  op: DiffOp
  text: string
  /** 1-based line numbers in the old and the new text (null where the line is not in that text). */
  oldLine: number | null
  newLine: number | null
}

export interface LineDiff {
  rows: DiffRow[]
  added: number
  removed: number
  /** False when the middle was too large to align line by line. */
  exact: boolean
}

/** 4 million cells: a 2,000 × 2,000-line middle, well under 100 ms. */
const MAX_CELLS = 4_000_000

export function splitLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split(/\r\n|\n|\r/)
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

export function lineDiff(oldText: string, newText: string, maxCells = MAX_CELLS): LineDiff {
  const a = splitLines(oldText)
  const b = splitLines(newText)
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++
  const rows: DiffRow[] = []
  let oldLine = 1
  let newLine = 1
  const same = (text: string) => rows.push({ op: 'same', text, oldLine: oldLine++, newLine: newLine++ })
  const removed = (text: string) => rows.push({ op: 'removed', text, oldLine: oldLine++, newLine: null })
  const added = (text: string) => rows.push({ op: 'added', text, oldLine: null, newLine: newLine++ })

  for (let i = 0; i < head; i++) same(a[i])
  const am = a.slice(head, a.length - tail)
  const bm = b.slice(head, b.length - tail)
  const n = am.length
  const m = bm.length
  let exact = true
  if (n > 0 && m > 0 && (n + 1) * (m + 1) <= maxCells) {
    // lcs[i][j] = LCS length of am[i..] and bm[j..], in one flat table.
    const w = m + 1
    const lcs = new Uint32Array((n + 1) * w)
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] =
          am[i] === bm[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1])
      }
    }
    let i = 0
    let j = 0
    while (i < n && j < m) {
      if (am[i] === bm[j]) {
        same(am[i++])
        j++
      } else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) removed(am[i++])
      else added(bm[j++])
    }
    while (i < n) removed(am[i++])
    while (j < m) added(bm[j++])
  } else {
    exact = n === 0 || m === 0
    for (const line of am) removed(line)
    for (const line of bm) added(line)
  }
  for (let i = a.length - tail; i < a.length; i++) same(a[i])
  let plus = 0
  let minus = 0
  for (const r of rows) {
    if (r.op === 'added') plus++
    else if (r.op === 'removed') minus++
  }
  return { rows, added: plus, removed: minus, exact }
}
