import { describe, expect, it } from 'vitest'
import { visibleName, visibleNameText } from './visible-name.ts'

describe('visibleName', () => {
  it('leaves ordinary names (spaces, accents, emoji) as one text piece', () => {
    for (const name of ['demo.orders', 'a b', 'café', 'topic 😀', 'مرحبا']) {
      const v = visibleName(name)
      expect(v.pieces).toEqual([{ kind: 'text', text: name }])
      expect(v.text).toBe(name)
      expect(v.specials).toBe(0)
    }
  })

  it('labels bidi overrides and isolates so they cannot reorder the name', () => {
    const v = visibleName('invoice\u202Etxt.exe')
    expect(v.pieces).toEqual([
      { kind: 'text', text: 'invoice' },
      {
        kind: 'special',
        text: '\u202E',
        label: 'U+202E',
        title: 'U+202E bidirectional override (can reorder text)',
      },
      { kind: 'text', text: 'txt.exe' },
    ])
    expect(v.text).toBe('invoice[U+202E]txt.exe')
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f]) {
      const one = visibleName(`a${String.fromCodePoint(cp)}b`)
      expect(one.specials).toBe(1)
      expect(one.pieces[1]).toMatchObject({ kind: 'special' })
      expect((one.pieces[1] as { title: string }).title).toMatch(/bidirectional/)
    }
  })

  it('labels zero-width, control, BOM, no-break space and line breaks', () => {
    expect(visibleName('a\u200Bb').text).toBe('a[U+200B]b')
    expect(visibleName('a\u0000b\u001Bc').text).toBe('a[NUL]b[ESC]c')
    expect(visibleName('a\nb\tc').text).toBe('a[LF]b[HT]c')
    expect(visibleName('\uFEFFa').text).toBe('[U+FEFF]a')
    expect(visibleName('a\u00A0b').text).toBe('a[U+00A0]b')
    expect(visibleName('a\u0085b').text).toBe('a[U+0085]b')
  })

  it('marks an unpaired surrogate instead of letting it render as a replacement glyph', () => {
    const v = visibleName('bad\ud800name')
    expect(v.text).toBe('bad[U+D800]name')
    expect(v.pieces[1]).toMatchObject({
      kind: 'special',
      text: '\ud800',
      title: expect.stringMatching(/unpaired/),
    })
  })

  it('joins back to the shown prefix (nothing is dropped or added)', () => {
    const name = 'x\u202Ey\u200Bz😀\ud800'
    const v = visibleName(name)
    expect(v.pieces.map((p) => p.text).join('')).toBe(name)
  })

  it('cuts long names without splitting a surrogate pair, and says so', () => {
    const v = visibleName('a'.repeat(5_000_000))
    expect(v.text).toBe(`${'a'.repeat(300)}…`)
    expect(v.omitted).toBe(5_000_000 - 300)
    const pair = visibleName('ab😀', 3)
    expect(pair.text).toBe('ab…')
    expect(pair.omitted).toBe(2)
  })

  it('visibleNameText is the plain form', () => {
    expect(visibleNameText('a\u202Eb')).toBe('a[U+202E]b')
  })
})
