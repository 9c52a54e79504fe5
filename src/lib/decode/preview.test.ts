import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { previewHex, previewText } from './preview.ts'

const enc = (s: string) => new TextEncoder().encode(s)

describe('previewText', () => {
  it('returns short text unchanged', () => {
    expect(previewText(enc('hello'))).toBe('hello')
    expect(previewText(new Uint8Array())).toBe('')
  })

  it('collapses line breaks and tabs into single spaces', () => {
    expect(previewText(enc('{\n  "a": 1,\r\n\t"b": 2\n}'))).toBe('{ "a": 1, "b": 2 }')
  })

  it('shows other control characters as visible symbols', () => {
    expect(previewText(enc('a\u0000b\u001bc\u007fd'))).toBe('a\u2400b\u241bc\u2421d')
  })

  it('neutralises bidi overrides and C1 controls', () => {
    expect(previewText(enc('abc\u202eevil\u2066x\u0085y\u0081'))).toBe('abc\ufffdevil\ufffdx y\ufffd')
  })

  it('truncates to maxChars code points with an ellipsis, never splitting emoji', () => {
    expect(previewText(enc('😀😀😀😀'), 2)).toBe('😀😀…')
    expect(previewText(enc('abcdef'), 6)).toBe('abcdef')
    expect(previewText(enc('abcdefg'), 6)).toBe('abcdef…')
    expect(previewText(enc('abc'), 0)).toBe('…')
  })

  it('does not invent a replacement character where the byte window cuts a character', () => {
    // 3 chars → 13-byte window, which ends inside the 4th euro sign
    expect(previewText(enc('€€€€€€'), 3)).toBe('€€€…')
    expect(previewText(enc('a€€€€€'), 3)).toBe('a€€…')
  })

  it('marks invalid UTF-8 with U+FFFD', () => {
    expect(previewText(new Uint8Array([0x61, 0xff, 0x62]))).toBe('a\ufffdb')
  })

  it('reads only the head of huge values', () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x41)
    const start = performance.now()
    expect(previewText(big, 10)).toBe('AAAAAAAAAA…')
    expect(performance.now() - start).toBeLessThan(20)
  })

  it('is always a single line within the limit (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 0, max: 50 }), (bytes, max) => {
        const preview = previewText(bytes, max)
        const lineBreakOrControl = [...preview].some(
          (c) => c.charCodeAt(0) < 0x20 || c === '\u2028' || c === '\u2029',
        )
        expect(lineBreakOrControl).toBe(false)
        expect([...preview].length).toBeLessThanOrEqual(max + 1)
      }),
      { numRuns: 500 },
    )
  })
})

describe('previewHex', () => {
  it('shows the first bytes with an ellipsis when cut', () => {
    expect(previewHex(new Uint8Array([0x0a, 0x05, 0xff]))).toBe('0a 05 ff')
    expect(previewHex(new Uint8Array([1, 2, 3]), 2)).toBe('01 02 …')
    expect(previewHex(new Uint8Array())).toBe('')
  })
})
