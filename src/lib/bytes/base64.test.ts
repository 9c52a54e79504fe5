import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { expectBytes } from '../testing/bytes-assert.ts'
import { base64ToBytes, bytesToBase64, bytesToBase64Portable, parseBase64 } from './base64.ts'

const enc = (s: string) => new TextEncoder().encode(s)

// btoa/atob (HTML "forgiving base64") are an independent reference for the property tests.
const reference = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes))
function atobBytes(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
  } catch {
    return null
  }
}

function parseOk(text: string) {
  const result = parseBase64(text)
  if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`)
  return result
}

function parseErr(text: string) {
  const result = parseBase64(text)
  if (result.ok) throw new Error(`expected an error for ${JSON.stringify(text)}`)
  return result.error
}

describe('bytesToBase64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('encodes the RFC 4648 vector %j', (input, expected) => {
    expect(bytesToBase64(enc(input))).toBe(expected)
    expect(bytesToBase64Portable(enc(input))).toBe(expected)
  })

  it('uses + and / for the high digits', () => {
    expect(bytesToBase64(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('+/+/')
  })

  it('respects subarray views (byteOffset)', () => {
    const whole = enc('xxfoobar')
    expect(bytesToBase64(whole.subarray(2))).toBe('Zm9vYmFy')
  })

  it('matches a reference encoder on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(bytesToBase64Portable(bytes)).toBe(reference(bytes))
      }),
      { numRuns: 300 },
    )
  })

  it('delegates to native toBase64 when the runtime has it', () => {
    const proto = Uint8Array.prototype as { toBase64?: unknown }
    const had = Object.prototype.hasOwnProperty.call(proto, 'toBase64')
    const original = proto.toBase64
    proto.toBase64 = function (this: Uint8Array) {
      return `native:${this.length}`
    }
    try {
      expect(bytesToBase64(new Uint8Array(5))).toBe('native:5')
    } finally {
      if (had) proto.toBase64 = original
      else delete proto.toBase64
    }
  })
})

describe('parseBase64 / base64ToBytes', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('round-trips random bytes through the portable path', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const result = parseOk(reference(bytes))
        expectBytes(result.bytes, bytes)
        expect(result.missingPadding).toBe(false)
        expectBytes(base64ToBytes(bytesToBase64(bytes)), bytes)
      }),
      { numRuns: 300 },
    )
  })

  it('ignores whitespace and MIME line breaks anywhere', () => {
    const wrapped = '  Zm9v\r\nYm\tFy\n\fZm8=\n'
    expect(new TextDecoder().decode(parseOk(wrapped).bytes)).toBe('foobarfo')
  })

  it('decodes with arbitrary whitespace inserted (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(' ', '\n', '\r\n', '\t')), { maxLength: 10 }),
        (bytes, inserts) => {
          let text = reference(bytes)
          for (const [at, ws] of inserts) {
            const p = at % (text.length + 1)
            text = text.slice(0, p) + ws + text.slice(p)
          }
          expectBytes(parseOk(text).bytes, bytes)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('accepts missing padding and says so', () => {
    const r2 = parseOk('Zg')
    expect(new TextDecoder().decode(r2.bytes)).toBe('f')
    expect(r2.missingPadding).toBe(true)
    expect(new TextDecoder().decode(parseOk('Zm8').bytes)).toBe('fo')
  })

  it('accepts base64url digits and flags them', () => {
    const result = parseOk('-_-_')
    expectBytes(result.bytes, new Uint8Array([0xfb, 0xff, 0xbf]))
    expect(result.urlSafe).toBe(true)
    expect(parseOk('+/+/').urlSafe).toBe(false)
  })

  it('rejects mixing the two alphabets, pointing at where they start to conflict', () => {
    const later = parseErr('AAAA-AAA+AAA')
    expect(later.index).toBe(8)
    expect(later.message).toContain("'-' at position 5 is URL-safe")
    expect(later.message).toContain("'+' at position 9")
    expect(parseErr('+AAA-AAA').index).toBe(4)
  })

  it('reports an invalid character earlier than a later alphabet conflict', () => {
    expect(parseErr('-AA!+AAA')).toEqual({ message: "Invalid base64 character '!' at position 4", index: 3 })
  })

  it('reports the first invalid character with a 1-based position in the message', () => {
    expect(parseErr('Zm9vYmFyZm9v!A==')).toEqual({
      message: "Invalid base64 character '!' at position 13",
      index: 12,
    })
  })

  it('names invisible characters by code point', () => {
    expect(parseErr('Zm9v\u00a0Zm9v').message).toBe('Invalid base64 character U+00A0 at position 5')
    expect(parseErr('Zm9v\u200bZm9v').message).toContain('U+200B')
    expect(parseErr('Zm9v😀').message).toContain("'😀'")
  })

  it('gives hints for quotes and data URLs', () => {
    expect(parseErr('"Zm9v"').message).toContain('Remove the surrounding quotes')
    expect(parseErr('data:image/png;base64,iVBORw0KGgo=').message).toContain('data URL')
  })

  it('rejects a final group of one character', () => {
    const error = parseErr('Zm9vY')
    expect(error.index).toBe(4)
    expect(error.message).toMatch(/truncated/)
    expect(parseErr('Zm9vY \n').index).toBe(4)
  })

  it.each([
    ['=', 0, /Unexpected padding/],
    ['Zm9v=', 4, /Unexpected padding/],
    ['Z===', 1, /single character/],
    ['Zg=', 2, /Incomplete padding.*'=='/],
    ['Zg===', 4, /Too much padding/],
    ['Zm8==', 4, /Too much padding/],
    ['Zm8=Zm9v', 4, /after '=' padding/],
    ['Zg==!', 4, /Invalid base64 character '!'/],
  ])('reports bad padding in %j', (text, index, message) => {
    const error = parseErr(text)
    expect(error.index).toBe(index)
    expect(error.message).toMatch(message)
  })

  it('allows whitespace inside and after padding', () => {
    expectBytes(parseOk('Zg= =\n').bytes, enc('f'))
  })

  it('ignores non-zero leftover bits like native loose mode', () => {
    expectBytes(parseOk('Zh==').bytes, enc('f'))
  })

  it('decodes an empty or whitespace-only text to no bytes', () => {
    expectBytes(parseOk('').bytes, new Uint8Array())
    expectBytes(parseOk(' \n ').bytes, new Uint8Array())
  })

  it('base64ToBytes throws a SyntaxError carrying the same message', () => {
    expect(() => base64ToBytes('ab!c')).toThrow(new SyntaxError("Invalid base64 character '!' at position 3"))
  })

  it('base64ToBytes uses native fromBase64 and falls back for base64url', () => {
    const ctor = Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }
    const had = Object.prototype.hasOwnProperty.call(ctor, 'fromBase64')
    const original = ctor.fromBase64
    const calls: string[] = []
    ctor.fromBase64 = (s: string) => {
      calls.push(s)
      if (s.includes('-')) throw new SyntaxError('native says no')
      return new Uint8Array([42])
    }
    try {
      expectBytes(base64ToBytes('AAAA'), new Uint8Array([42]))
      expectBytes(base64ToBytes('-_-_'), new Uint8Array([0xfb, 0xff, 0xbf]))
      expect(calls).toEqual(['AAAA', '-_-_'])
    } finally {
      if (had) ctor.fromBase64 = original
      else delete ctor.fromBase64
    }
  })

  it('never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'AZaz09+/-_= \n!é'.split('')), maxLength: 40 }),
        (s) => {
          const result = parseBase64(s)
          if (!result.ok) {
            expect(result.error.index).toBeGreaterThanOrEqual(0)
            expect(result.error.index).toBeLessThan(Math.max(1, s.length))
          }
        },
      ),
      { numRuns: 500 },
    )
  })

  it('accepts exactly what atob accepts for the standard alphabet, with the same bytes (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'QUJDg+/= \n'.split('')), maxLength: 14 }), (s) => {
        const result = parseBase64(s)
        const expected = atobBytes(s)
        expect(result.ok, JSON.stringify(s)).toBe(expected !== null)
        if (result.ok && expected) expectBytes(result.bytes, expected)
      }),
      { numRuns: 1000 },
    )
  })

  it('decodes a multi-megabyte input quickly', () => {
    const bytes = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 31) & 0xff)
    const text = bytesToBase64(bytes)
    const start = performance.now()
    const decoded = base64ToBytes(text)
    expect(performance.now() - start).toBeLessThan(2000)
    expectBytes(decoded, bytes)
  })
})
