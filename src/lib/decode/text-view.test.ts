import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectBytes } from '../testing/bytes-assert.ts'
import { textView, textViewBytes } from './text-view.ts'

const enc = (s: string) => new TextEncoder().encode(s)
const b = (...v: number[]) => new Uint8Array(v)
const hasHiddenCharacter = (text: string) =>
  Array.from(text).some((ch) => {
    const cp = ch.codePointAt(0)!
    return (cp < 0x20 && cp !== 9 && cp !== 10 && cp !== 13) || (cp >= 0x202a && cp <= 0x202e)
  })

describe('textView', () => {
  it('keeps plain text, tabs and line breaks as one piece', () => {
    expect(textView(enc('héllo\n\tworld 😀\r\n')).pieces).toEqual([
      { kind: 'text', text: 'héllo\n\tworld 😀\r\n' },
    ])
  })

  it('marks invalid bytes instead of replacing them', () => {
    const view = textView(b(0x61, 0xff, 0xfe, 0x62, 0xc3))
    expect(view.pieces).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'invalid', offset: 1, bytes: b(0xff, 0xfe), label: '\\xff\\xfe' },
      { kind: 'text', text: 'b' },
      { kind: 'invalid', offset: 4, bytes: b(0xc3), label: '\\xc3' },
    ])
    expect(view.invalidRuns).toBe(2)
    expect(JSON.stringify(view)).not.toContain('\ufffd')
  })

  it('shows invisible and reordering characters', () => {
    const view = textView(enc('a\u0000b\u202Ec\u200Bd\u001b'))
    const special = view.pieces.filter((p) => p.kind === 'special')
    expect(special.map((p) => p.kind === 'special' && p.label)).toEqual(['NUL', 'U+202E', 'U+200B', 'ESC'])
    expect(special[1]).toMatchObject({ offset: 3, title: expect.stringMatching(/bidirectional override/) })
    expect(special[0]).toMatchObject({ offset: 1, title: 'U+0000 NUL control character' })
  })

  it('cuts long values at a character boundary and says so', () => {
    const view = textView(enc('aé'.repeat(10)), 4)
    expect(view.pieces).toEqual([{ kind: 'text', text: 'aéa' }])
    expect(view).toMatchObject({ shownBytes: 4, totalBytes: 30, truncated: true })
  })

  it('stops at the piece limit so random binary stays renderable', () => {
    const noisy = new Uint8Array(10_000).map((_, i) => (i % 2 ? 0xff : 0x41))
    const view = textView(noisy, Infinity, 100)
    expect(view.pieces.length).toBe(100)
    expect(view.truncated).toBe(true)
  })

  it('never throws and its pieces give back exactly the shown bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 0, max: 400 }), (bytes, max) => {
        const view = textView(bytes, max, 1000)
        expectBytes(textViewBytes(view), bytes.subarray(0, view.shownBytes))
        expect(view.shownBytes).toBeLessThanOrEqual(Math.max(max, 0) + 3)
        for (const p of view.pieces) if (p.kind === 'text') expect(hasHiddenCharacter(p.text)).toBe(false)
      }),
    )
  })

  it('round-trips valid text including astral characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const bytes = enc(s)
        const view = textView(bytes)
        expect(view.truncated).toBe(false)
        expectBytes(textViewBytes(view), bytes)
      }),
    )
  })
})
