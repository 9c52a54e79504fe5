import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { byteList, expectBytes } from '../testing/bytes-assert.ts'
import { byteToHex, bytesToHex, hexToBytes, parseHex } from './hex.ts'

function parseErr(text: string) {
  const result = parseHex(text)
  if (result.ok) throw new Error(`expected an error for ${JSON.stringify(text)}`)
  return result.error
}

describe('bytesToHex', () => {
  it('encodes lowercase, with optional separators', () => {
    const bytes = new Uint8Array([0x00, 0x0f, 0xa0, 0xff])
    expect(bytesToHex(bytes)).toBe('000fa0ff')
    expect(bytesToHex(bytes, ' ')).toBe('00 0f a0 ff')
    expect(bytesToHex(bytes, ', ')).toBe('00, 0f, a0, ff')
    expect(bytesToHex(new Uint8Array())).toBe('')
    expect(bytesToHex(new Uint8Array([1]), ':')).toBe('01')
    expect(byteToHex(10)).toBe('0a')
  })
})

describe('parseHex / hexToBytes', () => {
  it('round-trips any bytes in every output style (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 100 }),
        fc.constantFrom('', ' ', ':', '\n', ', '),
        (bytes, sep) => {
          expectBytes(hexToBytes(bytesToHex(bytes, sep)), bytes)
          expectBytes(hexToBytes(bytesToHex(bytes, sep).toUpperCase()), bytes)
        },
      ),
      { numRuns: 300 },
    )
  })

  it.each([
    ['48 65 6c 6c 6f', [0x48, 0x65, 0x6c, 0x6c, 0x6f]],
    ['48656C6C6F', [0x48, 0x65, 0x6c, 0x6c, 0x6f]],
    ['0x48656c', [0x48, 0x65, 0x6c]],
    ['0x48 0X65,0x6c', [0x48, 0x65, 0x6c]],
    ['\\x48\\x65', [0x48, 0x65]],
    ['de:ad:be:ef', [0xde, 0xad, 0xbe, 0xef]],
    ['de-ad\r\n\tbe ef ', [0xde, 0xad, 0xbe, 0xef]],
    ['', []],
    ['  \n', []],
  ])('parses %j', (text, expected) => {
    expect(byteList(hexToBytes(text))).toEqual(expected)
  })

  it('rejects an odd digit count instead of guessing', () => {
    expect(parseErr('48 6 6c')).toEqual({
      message: "Odd number of hex digits in '6' at position 4: each byte needs two digits (e.g. 0a, not a)",
      index: 3,
    })
    expect(parseErr('0x486').index).toBe(0)
  })

  it('reports invalid digits with a 1-based position', () => {
    expect(parseErr('48 6g')).toEqual({ message: "Invalid hex digit 'g' at position 5", index: 4 })
    expect(parseErr('48\u00a065').message).toBe('Invalid hex digit U+00A0 at position 3')
  })

  it('reports a prefix without digits', () => {
    expect(parseErr('48 0x')).toEqual({ message: "'0x' at position 4 has no hex digits", index: 3 })
  })

  it('hexToBytes throws SyntaxError', () => {
    expect(() => hexToBytes('zz')).toThrow(SyntaxError)
  })

  it('never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const result = parseHex(s)
        if (!result.ok) expect(result.error.index).toBeLessThan(s.length)
      }),
      { numRuns: 500 },
    )
  })
})
