/** Long text as short rows for the virtualized views (pure, tested without a DOM). */
import type { TextPiece } from '../../lib/decode/text-view.ts'

/** A line longer than this is shown as several rows: one 5 MB line would be as slow to lay out as a 5 MB <pre>. */
export const WRAP_CHARS = 256

/** Cuts a line into rows of at most WRAP_CHARS code units, never between the halves of a surrogate pair. */
export function wrapLine(line: string): string[] {
  if (line.length <= WRAP_CHARS) return [line]
  const rows: string[] = []
  for (let i = 0; i < line.length;) {
    let end = Math.min(line.length, i + WRAP_CHARS)
    const c = line.charCodeAt(end - 1)
    if (end < line.length && c >= 0xd800 && c <= 0xdbff) end--
    rows.push(line.slice(i, end))
    i = end
  }
  return rows
}

/** One row of marked text: plain strings and the pieces that stand for invalid bytes or invisible characters. */
export type PieceRow = Array<string | Exclude<TextPiece, { kind: 'text' }>>

/** Text pieces as rows: split at line breaks and wrapped; marker pieces stay whole. */
export function pieceRows(pieces: TextPiece[]): PieceRow[] {
  const rows: PieceRow[] = [[]]
  let width = 0
  const current = () => rows[rows.length - 1]
  const add = (text: string) => {
    for (const part of wrapLine(text)) {
      if (width + part.length > WRAP_CHARS && width > 0) {
        rows.push([])
        width = 0
      }
      if (part) current().push(part)
      width += part.length
    }
  }
  for (const p of pieces) {
    if (p.kind !== 'text') {
      if (width >= WRAP_CHARS) {
        rows.push([])
        width = 0
      }
      current().push(p)
      width += p.label.length
      continue
    }
    const lines = p.text.split('\n')
    lines.forEach((line, i) => {
      if (i > 0) {
        rows.push([])
        width = 0
      }
      add(line)
    })
  }
  return rows
}
