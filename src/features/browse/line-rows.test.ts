import { describe, expect, it } from 'vitest'
import { textView } from '../../lib/decode/text-view.ts'
import { pieceRows, WRAP_CHARS, wrapLine } from './line-rows.ts'

describe('wrapLine', () => {
  it('cuts a long line into rows and never splits a surrogate pair', () => {
    const line = 'a'.repeat(WRAP_CHARS - 1) + '😀' + 'b'.repeat(10)
    const rows = wrapLine(line)
    expect(rows.join('')).toBe(line)
    expect(rows[0]).toBe('a'.repeat(WRAP_CHARS - 1))
    expect(rows[1].startsWith('😀')).toBe(true)
    expect(rows.every((r) => r.length <= WRAP_CHARS)).toBe(true)
  })
})

describe('pieceRows', () => {
  it('turns a 2 MB single-line value into short rows, keeping every character and marker', () => {
    const text = 'x'.repeat(2 * 1024 * 1024)
    const bytes = new TextEncoder().encode(`${text}\u202e\nend`)
    const view = textView(bytes, Infinity)
    const rows = pieceRows(view.pieces)
    expect(rows.length).toBeGreaterThan(8000)
    expect(
      rows.every((r) => r.reduce((n, p) => n + (typeof p === 'string' ? p.length : 1), 0) <= WRAP_CHARS + 6),
    ).toBe(true)
    const flat = rows.map((r) => r.map((p) => (typeof p === 'string' ? p : `[${p.label}]`)).join(''))
    expect(flat.join('')).toBe(`${text}[U+202E]end`)
    expect(flat.at(-1)).toBe('end')
  })
})
