import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { byteList, expectBytes } from '../testing/bytes-assert.ts'
import type { Utf8Segment } from './utf8.ts'
import {
  decodeUtf8Marked,
  encodeUtf8,
  findLoneSurrogates,
  firstInvalidUtf8Offset,
  isValidUtf8,
} from './utf8.ts'

const b = (...values: number[]) => new Uint8Array(values)
const simple = (segments: Utf8Segment[]) =>
  segments.map((s) => (s.kind === 'text' ? s : { kind: s.kind, bytes: byteList(s.bytes), offset: s.offset }))

// Bytes biased towards the interesting lead/continuation values, mixed with valid UTF-8 text.
const trickyBytes = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        0x41,
        0x80,
        0x8f,
        0x90,
        0x9f,
        0xa0,
        0xbf,
        0xc0,
        0xc1,
        0xc2,
        0xdf,
        0xe0,
        0xed,
        0xef,
        0xf0,
        0xf4,
        0xf5,
        0xff,
      ),
      fc.integer({ min: 0, max: 255 }),
    ),
    { maxLength: 40 },
  )
  .chain((noise) =>
    fc.string({ unit: 'binary', maxLength: 6 }).map((s) => {
      const text = encodeUtf8(s)
      const at = noise.length > 0 ? noise[0] % (noise.length + 1) : 0
      return Uint8Array.from([...noise.slice(0, at), ...text, ...noise.slice(at)])
    }),
  )

function fatalDecodes(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

describe('encodeUtf8 / findLoneSurrogates', () => {
  it('encodes BMP, emoji and 4-byte characters', () => {
    expect(byteList(encodeUtf8('é€😀'))).toEqual([0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80])
  })

  it('turns lone surrogates into U+FFFD (EF BF BD)', () => {
    expect(byteList(encodeUtf8('a\ud800b'))).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62])
  })

  it('finds lone high and low surrogates but not pairs', () => {
    expect(findLoneSurrogates('ok 😀')).toEqual([])
    expect(findLoneSurrogates('\ud83d')).toEqual([{ index: 0, codeUnit: 0xd83d }])
    expect(findLoneSurrogates('a\ude00b\ud83d\ude00\ud83dx\udc00')).toEqual([
      { index: 1, codeUnit: 0xde00 },
      { index: 5, codeUnit: 0xd83d },
      { index: 7, codeUnit: 0xdc00 },
    ])
    expect(findLoneSurrogates('\ud800\ud800\ud800', 2)).toHaveLength(2)
  })

  it('agrees with the encoder: no lone surrogates means a lossless round trip (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
        const roundTrips = new TextDecoder().decode(encodeUtf8(s)) === s
        expect(findLoneSurrogates(s).length === 0).toBe(roundTrips)
      }),
    )
  })
})

describe('isValidUtf8 / firstInvalidUtf8Offset', () => {
  it.each([
    ['empty', [], -1],
    ['ASCII', [0x41, 0x42], -1],
    ['2-byte é', [0xc3, 0xa9], -1],
    ['3-byte €', [0xe2, 0x82, 0xac], -1],
    ['4-byte 😀', [0xf0, 0x9f, 0x98, 0x80], -1],
    ['U+10FFFF', [0xf4, 0x8f, 0xbf, 0xbf], -1],
    ['BOM', [0xef, 0xbb, 0xbf], -1],
    ['lone continuation', [0x41, 0x80], 1],
    ['overlong NUL C0 80', [0xc0, 0x80], 0],
    ['overlong C1', [0xc1, 0xbf], 0],
    ['overlong 3-byte E0 80 80', [0xe0, 0x80, 0x80], 0],
    ['overlong 4-byte F0 80 80 80', [0xf0, 0x80, 0x80, 0x80], 0],
    ['surrogate ED A0 80', [0xed, 0xa0, 0x80], 0],
    ['surrogate ED BF BF', [0x61, 0xed, 0xbf, 0xbf], 1],
    ['above U+10FFFF F4 90 80 80', [0xf4, 0x90, 0x80, 0x80], 0],
    ['F5 lead', [0xf5, 0x80, 0x80, 0x80], 0],
    ['FF', [0xff], 0],
    ['truncated 2-byte at end', [0x41, 0xc3], 1],
    ['truncated 4-byte at end', [0xf0, 0x9f, 0x98], 0],
    ['truncated 3-byte before ASCII', [0xe2, 0x82, 0x41], 0],
  ])('%s', (_name, values, offset) => {
    const bytes = Uint8Array.from(values)
    expect(firstInvalidUtf8Offset(bytes)).toBe(offset)
    expect(isValidUtf8(bytes)).toBe(offset === -1)
  })

  it('agrees with a fatal TextDecoder (property)', () => {
    fc.assert(
      fc.property(trickyBytes, (bytes) => {
        expect(isValidUtf8(bytes)).toBe(fatalDecodes(bytes))
      }),
      { numRuns: 1000 },
    )
  })
})

describe('decodeUtf8Marked', () => {
  it('returns a single text segment for valid input, keeping a BOM', () => {
    expect(decodeUtf8Marked(b(0xef, 0xbb, 0xbf, 0x68, 0x69))).toEqual([
      { kind: 'text', text: '\ufeffhi', offset: 0 },
    ])
    expect(decodeUtf8Marked(encodeUtf8('emoji 😀 ok'))).toEqual([
      { kind: 'text', text: 'emoji 😀 ok', offset: 0 },
    ])
    expect(decodeUtf8Marked(b())).toEqual([])
  })

  it('marks invalid bytes with their offsets instead of replacing them', () => {
    expect(simple(decodeUtf8Marked(b(0x61, 0xed, 0xa0, 0x80, 0x62, 0xff)))).toEqual([
      { kind: 'text', text: 'a', offset: 0 },
      { kind: 'invalid', bytes: [0xed, 0xa0, 0x80], offset: 1 },
      { kind: 'text', text: 'b', offset: 4 },
      { kind: 'invalid', bytes: [0xff], offset: 5 },
    ])
  })

  it('keeps a valid sequence that directly follows an invalid run', () => {
    expect(simple(decodeUtf8Marked(b(0xe2, 0x82, 0xc3, 0xa9)))).toEqual([
      { kind: 'invalid', bytes: [0xe2, 0x82], offset: 0 },
      { kind: 'text', text: 'é', offset: 2 },
    ])
  })

  it('marks a truncated 4-byte sequence at the end', () => {
    expect(simple(decodeUtf8Marked(b(0x78, 0xf0, 0x9f, 0x98)))).toEqual([
      { kind: 'text', text: 'x', offset: 0 },
      { kind: 'invalid', bytes: [0xf0, 0x9f, 0x98], offset: 1 },
    ])
  })

  it('is lossless and consistent with the WHATWG decoder (property)', () => {
    fc.assert(
      fc.property(trickyBytes, (bytes) => {
        const segments = decodeUtf8Marked(bytes)
        const rebuilt: number[] = []
        let replaced = ''
        let expectedOffset = 0
        for (const s of segments) {
          expect(s.offset).toBe(expectedOffset)
          const part = s.kind === 'text' ? encodeUtf8(s.text) : s.bytes
          rebuilt.push(...part)
          expectedOffset += part.length
          replaced +=
            s.kind === 'text' ? s.text : new TextDecoder('utf-8', { ignoreBOM: true }).decode(s.bytes)
          if (s.kind === 'invalid') expect(fatalDecodes(s.bytes)).toBe(false)
        }
        expectBytes(Uint8Array.from(rebuilt), bytes)
        expect(replaced).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes))
        const firstInvalid = segments.find((s) => s.kind === 'invalid')
        expect(firstInvalidUtf8Offset(bytes)).toBe(firstInvalid ? firstInvalid.offset : -1)
      }),
      { numRuns: 1000 },
    )
  })
})
