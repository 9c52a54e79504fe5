import { LosslessNumber, isLosslessNumber } from 'lossless-json'
import { describe, expect, it } from 'vitest'
import { JsonParseError, MAX_PARSE_DEPTH, parseJsonLossless, stringifyJsonLossless } from './json-lossless.ts'

describe('parseJsonLossless', () => {
  it('keeps big integers and decimals digit-exact', () => {
    const value = parseJsonLossless('{"id":12345678901234567890,"price":1.10,"small":3}') as Record<
      string,
      unknown
    >
    expect(isLosslessNumber(value.id)).toBe(true)
    expect(String(value.id)).toBe('12345678901234567890')
    expect(String(value.price)).toBe('1.10')
    expect(stringifyJsonLossless(value)).toBe('{"id":12345678901234567890,"price":1.10,"small":3}')
  })

  it('throws JsonParseError with line and column', () => {
    try {
      parseJsonLossless('{\n  "a": tru\n}')
      expect.fail('should throw')
    } catch (error) {
      expect(error).toBeInstanceOf(JsonParseError)
      expect(error).toBeInstanceOf(SyntaxError)
      expect(error).toMatchObject({ line: 2, column: 8, position: 9 })
    }
  })

  it('refuses nesting deeper than MAX_PARSE_DEPTH instead of overflowing the stack', () => {
    const ok = '['.repeat(MAX_PARSE_DEPTH) + ']'.repeat(MAX_PARSE_DEPTH)
    expect(() => parseJsonLossless(ok)).not.toThrow()
    const deep = '['.repeat(MAX_PARSE_DEPTH + 1) + ']'.repeat(MAX_PARSE_DEPTH + 1)
    expect(() => parseJsonLossless(deep)).toThrow(/1001 levels deep; at most 1000/)
  })

  it('rejects conflicting duplicate keys with a location instead of dropping one', () => {
    expect(() => parseJsonLossless('{"a":1,\n"a":2}')).toThrow(JsonParseError)
    expect(() => parseJsonLossless('{"a":1,\n"a":2}')).toThrow(/Duplicate key 'a'.*line 2/)
  })

  it('keeps __proto__ as plain data', () => {
    const value = parseJsonLossless('{"__proto__":{"polluted":true}}') as Record<string, unknown>
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.keys(value)).toEqual(['__proto__'])
  })
})

describe('stringifyJsonLossless', () => {
  it('serialises LosslessNumber and bigint exactly, with optional indent', () => {
    expect(stringifyJsonLossless({ a: new LosslessNumber('1.10'), b: 2n ** 70n }, 1)).toBe(
      '{\n "a": 1.10,\n "b": 1180591620717411303424\n}',
    )
  })

  it('throws for values JSON cannot represent', () => {
    expect(() => stringifyJsonLossless(undefined)).toThrow(TypeError)
  })
})
